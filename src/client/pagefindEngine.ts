/**
 * The forgiving search's engine (src/lib/forgivingSearch.ts) on Pagefind's JS API: searches with
 * the page's filters, the words each result's excerpt highlights, where a result holds a
 * search's words, and the site's vocabulary and real words, fetched only when first needed.
 * Browser code without the DOM: the page (src/client/search.ts) gives it Pagefind and `fetch`.
 */
import type { Engine, FilterCounts } from '../lib/forgivingSearch.ts';
import { markedWords, type ResultData } from '../lib/searchResults.ts';
import { Vocabulary, realWordsFile, words, type VocabularyFile } from '../lib/searchWords.ts';

export interface PagefindResultData extends ResultData {
  locations: number[];
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<PagefindSearch>;
}

/** A result's edition: its edition filter, or, on a page of an edition without one (a timeline, a contents page), the edition its layout names (BaseLayout). */
const edition = (d: PagefindResultData): string | undefined => d.filters['edition']?.[0] ?? d.meta['edition'];

type Fetch = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

/** The vocabulary, fetched on first use; null when it cannot load (search goes on without corrections, and a later search tries again). */
export function vocabularyLoader(url: string, fetcher: Fetch = fetch): () => Promise<Vocabulary | null> {
  let vocabulary: Promise<Vocabulary | null> | undefined;
  return () =>
    (vocabulary ??= fetcher(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`vocabulary: ${response.status}`);
        return new Vocabulary((await response.json()) as VocabularyFile);
      })
      .catch((reason: unknown) => {
        console.error('Search vocabulary failed to load', reason);
        vocabulary = undefined;
        return null;
      }));
}

/**
 * Whether a word the site lacks is a real English word: the build's list of real words near site
 * words, one file per first letter (`base` + "b.json"), fetched when a word may be one. Null when
 * that cannot be told (no vocabulary, no word list at build time, a failed fetch: tried again later).
 */
export function realWordLoader(base: string, vocabulary: () => Promise<Vocabulary | null>, fetcher: Fetch = fetch): (word: string) => Promise<boolean | null> {
  const files = new Map<string, Promise<ReadonlySet<string> | null>>();
  return async (word) => {
    const file = realWordsFile(word);
    const known = await vocabulary();
    if (!file || !known?.realWords) return null;
    let list = files.get(file);
    if (!list) {
      list = fetcher(`${base}${file}`)
        .then(async (response) => (response.ok ? new Set((await response.json()) as string[]) : response.status === 404 ? new Set<string>() : null))
        .catch(() => null);
      files.set(file, list);
    }
    const set = await list;
    if (!set) files.delete(file);
    return set ? set.has(word) : null;
  };
}

/**
 * Each result's data, fetched once: the check for highlighted words and the list share it.
 * Pagefind keeps one object for each page and writes every search's matched locations, excerpt
 * and sub-results into it, so the data of a page found by two searches at once (the words
 * searched apart, in parallel) would hold whichever search wrote last, and results would depend on
 * what was searched before. So a page's data is fetched for one search at a time and copied
 * before the next fetch of that page begins.
 */
export function resultDataCache(): (result: PagefindResult) => Promise<PagefindResultData> {
  const fragments = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  const lastOfPage = new Map<string, Promise<unknown>>();
  return (result) => {
    let promise = fragments.get(result);
    if (!promise) {
      promise = (lastOfPage.get(result.id) ?? Promise.resolve())
        .then(() => result.data())
        .then((d) => ({ ...d, locations: [...d.locations], anchors: [...d.anchors], sub_results: [...d.sub_results] }));
      fragments.set(result, promise);
      lastOfPage.set(result.id, promise.catch(() => undefined));
    }
    return promise;
  };
}

/**
 * An engine for one query's searches, and the result each id is shown with: the result of the
 * search whose words it was checked for (its excerpt marks those words), or else of the earliest
 * search that found it (the words as typed come first).
 */
export function pagefindEngine(
  search: (query: string, only?: 'Chapter' | 'Lead') => Promise<PagefindSearch>,
  data: (result: PagefindResult) => Promise<PagefindResultData>,
  loaders: Pick<Engine, 'vocabulary' | 'realWord'>,
): { engine: Engine; resultFor(id: string, query?: string): PagefindResult | undefined } {
  const found = new Map<string, { result: PagefindResult; order: number }>();
  // Each search's own results, for where a result holds that search's words.
  const bySearch = new Map<string, Map<string, PagefindResult>>();
  let searches = 0;
  const engine: Engine = {
    search: async (q, only) => {
      const order = searches++;
      const results = await search(q, only);
      // A search of one kind of page finds the same results as the whole search, fewer.
      const own = bySearch.get(q) ?? new Map<string, PagefindResult>();
      for (const r of results.results) if (!own.has(r.id)) own.set(r.id, r);
      bySearch.set(q, own);
      for (const result of results.results) if ((found.get(result.id)?.order ?? Infinity) > order) found.set(result.id, { result, order });
      return { ids: results.results.map((r) => r.id), filters: results.filters, totalFilters: results.totalFilters };
    },
    marked: async (ids) => (await Promise.all(ids.map((id) => found.get(id)?.result).filter((r) => r !== undefined).map(async (r) => markedWords((await data(r)).excerpt)))).flat(),
    vocabulary: loaders.vocabulary,
    realWord: loaders.realWord,
    places: async (id, q) => {
      const result = bySearch.get(q)?.get(id);
      if (!result) return null;
      const d = await data(result);
      const pageEdition = edition(d);
      return { words: words(q), content: d.content, locations: d.locations, anchors: d.anchors, record: d.filters['kind']?.includes('Action') ?? false, chapter: d.filters['kind']?.includes('Chapter') ?? false, ...(pageEdition ? { edition: pageEdition } : {}), ...(d.meta['title'] ? { title: d.meta['title'] } : {}), lead: d.filters['kind']?.includes('Lead') ?? false, url: d.url };
    },
  };
  return { engine, resultFor: (id, query) => (query !== undefined ? bySearch.get(query)?.get(id) : undefined) ?? found.get(id)?.result };
}
