/**
 * The search page's behaviour on Pagefind's JS API. Kept small and framework-free: Pagefind
 * does the searching, src/lib/forgivingSearch.ts decides what to search when the words as typed
 * find nothing (or are misspelt); this renders filters with counts and results, says in the live
 * status what was searched, keeps `?q=` and the filters in the URL, and says so visibly when the
 * index cannot load.
 */
import { forgivingSearch, type Engine, type FilterCounts } from '../lib/forgivingSearch.ts';
import { statusMessage, type MessagePart } from '../lib/searchStatus.ts';
import { spanExcerpt, type Span } from '../lib/searchPlaces.ts';
import { PAGEFIND_RANKING } from '../lib/searchWeights.ts';
import { Vocabulary, realWordsFile, words, type Dictionary, type VocabularyFile } from '../lib/searchWords.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  locations: number[];
  anchors: { element: string; id: string; text?: string; location: number }[];
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{
    results: PagefindResult[];
    filters: Record<string, Record<string, number>>;
    totalFilters: Record<string, Record<string, number>>;
  }>;
}

const FILTER_LABELS: Record<string, string> = {
  edition: 'Edition',
  kind: 'Kind of page',
  theme: 'Pledge statement or outcome area',
  lead: 'Lead',
};
const FILTER_ORDER = ['edition', 'kind', 'theme', 'lead'];
const PAGE_SIZE = 20;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Pagefind excerpts are our own page text with `<mark>` around matches: keep only the marks. */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<mark>.*?<\/mark>)/g).filter(Boolean).map((part) => {
    const mark = part.match(/^<mark>(.*)<\/mark>$/);
    const text = (mark ? mark[1] ?? '' : part).replace(/<[^>]+>/g, '');
    // A textarea decodes entities and keeps the spaces between highlighted words.
    const decoder = document.createElement('textarea');
    decoder.innerHTML = text;
    const decoded = decoder.value;
    return mark ? element('mark', {}, decoded) : document.createTextNode(decoded);
  });
}

/** The words Pagefind highlighted in an excerpt, lower case. */
function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => (m[1] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

export function initSearch(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-input') as HTMLInputElement | null;
  const filtersBox = document.getElementById('search-filters');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const errorBox = document.getElementById('search-error');
  const filtersPanel = document.getElementById('search-filters-panel') as HTMLDetailsElement | null;
  const activeCount = document.getElementById('search-filters-active');
  document.getElementById('no-script')?.setAttribute('hidden', '');
  if (!app || !form || !input || !filtersBox || !status || !list || !errorBox) return;
  app.hidden = false;
  // Beside the results there is room to show the filters; on a phone they stay folded below them.
  if (filtersPanel && matchMedia('(min-width: 48rem)').matches) filtersPanel.open = true;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  const selected: Record<string, string[]> = {};
  for (const key of FILTER_ORDER) {
    const values = params.getAll(key);
    if (values.length) selected[key] = values;
  }

  let pagefind: PagefindApi | undefined;
  let generation = 0;
  // "Search instead for" the words as typed: no spelling correction (?exact=1).
  let exact = params.get('exact') === '1';
  let allFilters: FilterCounts = {};
  const dictionary = JSON.parse(app.dataset['dictionary'] ?? '[]') as Dictionary;
  let vocabulary: Promise<Vocabulary | null> | undefined;
  // Without the vocabulary search still works, without corrections; a later search tries again.
  const loadVocabulary = () =>
    (vocabulary ??= fetch(app.dataset['vocabulary'] ?? '/search/vocabulary.json')
      .then(async (response) => {
        if (!response.ok) throw new Error(`vocabulary: ${response.status}`);
        return new Vocabulary((await response.json()) as VocabularyFile);
      })
      .catch((reason: unknown) => {
        console.error('Search vocabulary failed to load', reason);
        vocabulary = undefined;
        return null;
      }));

  // The real English words near site words, one file per first letter, fetched when a word may be one.
  const realWordFiles = new Map<string, Promise<ReadonlySet<string> | null>>();
  const realWord = async (word: string): Promise<boolean | null> => {
    const file = realWordsFile(word);
    const known = await loadVocabulary();
    if (!file || !known?.realWords) return null;
    let list = realWordFiles.get(file);
    if (!list) {
      list = fetch(`${app.dataset['words'] ?? '/search/words/'}${file}`)
        .then(async (response) => (response.ok ? new Set((await response.json()) as string[]) : response.status === 404 ? new Set<string>() : null))
        .catch(() => null);
      realWordFiles.set(file, list);
    }
    const set = await list;
    if (!set) realWordFiles.delete(file);
    return set ? set.has(word) : null;
  };

  const fail = (reason: unknown) => {
    console.error('Search index failed to load', reason);
    app.hidden = true;
    errorBox.hidden = false;
  };

  const updateUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    if (exact && input.value.trim()) next.set('exact', '1');
    for (const [key, values] of Object.entries(selected)) for (const v of values) next.append(key, v);
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  /** `counts` null: results of several searches overlap, so no count would be exact; values are listed without one. */
  const renderFilters = (counts: FilterCounts | null) => {
    const withCounts = counts !== null;
    counts ??= allFilters;
    const focusedId = document.activeElement instanceof HTMLInputElement && filtersBox.contains(document.activeElement) ? document.activeElement.id : '';
    filtersBox.replaceChildren(
      ...FILTER_ORDER.filter((key) => counts[key]).map((key, groupIndex) => {
        const values = Object.entries(counts[key] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
        const fieldset = element('fieldset', { className: 'mb-4 border-0 p-0' }, element('legend', { className: 'font-bold mb-1' }, FILTER_LABELS[key] ?? key));
        values.forEach(([value, count], index) => {
          const id = `filter-${groupIndex}-${index}`;
          const box = element('input', { type: 'checkbox', id, value, checked: selected[key]?.includes(value) ?? false, className: 'mr-2 size-5 shrink-0' });
          box.dataset['filter'] = key;
          const label = element('label', { htmlFor: id, className: 'text-base' }, withCounts ? `${value} (${count})` : value);
          fieldset.append(element('div', { className: 'flex items-start mb-1' }, box, label));
        });
        return key === 'lead' || key === 'theme'
          ? element('details', { className: 'mb-4', open: Boolean(selected[key]?.length) }, element('summary', { className: 'font-bold cursor-pointer' }, FILTER_LABELS[key] ?? key), fieldset)
          : fieldset;
      }),
    );
    if (focusedId) document.getElementById(focusedId)?.focus();
    showActiveFilterCount();
  };

  /** The folded filters say how many are ticked, so a phone reader knows results are narrowed. */
  const showActiveFilterCount = () => {
    const active = Object.values(selected).reduce((sum, values) => sum + values.length, 0);
    if (activeCount) activeCount.textContent = active ? ` (${active} active)` : '';
  };

  /**
   * Each result links to the part of its page that holds the words, and shows them there: an
   * action to its place on its Pledge page, another page to the heading or item before the words.
   */
  const renderResults = async (results: readonly { data: () => Promise<PagefindResultData>; span?: Span | undefined }[], run: number) => {
    const shown = await Promise.all(results.slice(0, PAGE_SIZE).map(async (r) => ({ data: await r.data(), span: r.span })));
    if (run !== generation) return;
    list.replaceChildren(
      ...shown.map(({ data, span }) => {
        const anchor = span?.anchor ? data.anchors.find((a) => a.id === span.anchor) : undefined;
        const anchorUrl = anchor ? `${data.url}#${anchor.id}` : undefined;
        const target = data.meta['target'] || anchorUrl || data.sub_results.find((s) => s.url.includes('#'))?.url || data.url;
        // The section: the heading the words are under (a list item's own anchor has none: the heading before it).
        const headingBefore = span ? data.anchors.filter((a) => /^h[2-6]$/.test(a.element) && a.location <= span.from).at(-1)?.text : undefined;
        const heading = (anchor && data.sub_results.find((s) => s.url === anchorUrl)?.title) || headingBefore;
        const section = data.meta['section'] ?? (heading && heading !== data.meta['title'] ? heading : undefined) ?? (span ? undefined : data.sub_results.find((s) => s.url.includes('#') && s.title !== data.meta['title'])?.title);
        const excerpt = span?.together ? spanExcerpt(data.content, span).map((part) => (part.mark ? element('mark', {}, part.text) : document.createTextNode(part.text))) : excerptNodes(data.excerpt);
        const details = element('dl', { className: 'text-base m-0 mt-1 grid grid-cols-[auto_1fr] gap-x-2' });
        const addDetail = (term: string, value: string | undefined) => value && details.append(element('dt', { className: 'font-bold' }, term), element('dd', { className: 'm-0' }, value));
        addDetail('Edition', data.filters['edition']?.join(', '));
        addDetail('Kind', data.filters['kind']?.join(', '));
        addDetail('Section', section);
        addDetail('Timescale', data.meta['timescale']);
        addDetail('Lead', data.meta['lead']);
        return element(
          'li',
          { className: 'border-b border-rule py-4 m-0' },
          element('h2', { className: 'text-xl m-0' }, element('a', { href: target }, data.meta['title'] ?? target)),
          element('p', { className: 'm-0 mt-1' }, ...excerpt),
          details,
        );
      }),
    );
  };

  // One fetch per result: the check for highlighted words and the list share it.
  const fragments = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
  const data = (result: PagefindResult) => {
    let promise = fragments.get(result);
    if (!promise) fragments.set(result, (promise = result.data()));
    return promise;
  };

  /** The live status: text and links in one region, so a screen reader hears the whole message. `data-query` names the query it reports on. */
  const setStatus = (parts: readonly MessagePart[], query: string) => {
    status.replaceChildren(
      ...parts.map((part) => {
        if (typeof part === 'string') return part;
        if ('href' in part) return element('a', { href: part.href }, part.text);
        const link = element('a', { href: `?${new URLSearchParams({ q: part.query, ...(part.exact ? { exact: '1' } : {}) }).toString()}` }, part.text);
        link.dataset['query'] = part.query;
        if (part.exact) link.dataset['exact'] = '1';
        return link;
      }),
    );
    status.dataset['query'] = query;
  };

  const run = async () => {
    if (!pagefind) return;
    const current = ++generation;
    updateUrl();
    const query = input.value.trim();
    const hasFilters = Object.values(selected).some((v) => v.length);
    if (!query && !hasFilters) {
      renderFilters(await pagefind.filters());
      setStatus(['Type words to search for, or choose a filter to browse.'], '');
      list.replaceChildren();
      return;
    }
    // Any options object without filters makes Pagefind return no filter counts: pass one only when filtering.
    // Ticked values within one group widen the results (any of them); groups narrow each other.
    const filters = Object.fromEntries(Object.entries(selected).map(([key, values]) => [key, { any: values }]));
    const api = pagefind;
    type PagefindSearch = Awaited<ReturnType<PagefindApi['search']>>;
    const pagefindSearch = (q: string | null, only?: string): Promise<PagefindSearch> => {
      if (!only) return hasFilters ? api.search(q, { filters }) : api.search(q);
      // One kind of page within the page's own filters: none when they rule that kind out.
      const kinds = selected['kind'];
      if (kinds && !kinds.includes(only)) return Promise.resolve({ results: [], filters: {}, totalFilters: {} });
      return api.search(q, { filters: { ...filters, kind: { any: [only] } } });
    };
    if (!query) {
      const search = await pagefindSearch(null);
      if (current !== generation) return;
      renderFilters(Object.fromEntries(Object.entries(search.filters).map(([key, counts]) => [key, selected[key] ? (search.totalFilters[key] ?? counts) : counts])));
      await renderResults(search.results.map((r) => ({ data: () => data(r) })), current);
      if (current !== generation) return;
      const total = search.results.length;
      setStatus([total === 0 ? 'No results.' : `${total} ${total === 1 ? 'result' : 'results'}${total > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`], '');
      return;
    }
    // Each page's result (its excerpt highlights that search's words) from the earliest search that found it: the words as typed come first.
    const found = new Map<string, { result: PagefindResult; order: number }>();
    // Each search's own results, for where a result holds that search's words.
    const bySearch = new Map<string, Map<string, PagefindResult>>();
    let searches = 0;
    const engine: Engine = {
      search: async (q, only) => {
        const order = searches++;
        const search = await pagefindSearch(q, only);
        // A search of one kind of page finds the same results as the whole search, fewer.
        const own = bySearch.get(q) ?? new Map<string, PagefindResult>();
        for (const r of search.results) if (!own.has(r.id)) own.set(r.id, r);
        bySearch.set(q, own);
        for (const result of search.results) if ((found.get(result.id)?.order ?? Infinity) > order) found.set(result.id, { result, order });
        return { ids: search.results.map((r) => r.id), filters: search.filters, totalFilters: search.totalFilters };
      },
      marked: async (ids) => (await Promise.all(ids.map((id) => found.get(id)?.result).filter((r) => r !== undefined).map(async (r) => markedWords((await data(r)).excerpt)))).flat(),
      vocabulary: loadVocabulary,
      realWord,
      places: async (id, q) => {
        const result = bySearch.get(q)?.get(id);
        if (!result) return null;
        const d = await data(result);
        return { words: words(q), content: d.content, locations: d.locations, anchors: d.anchors, record: d.filters['kind']?.includes('Action') ?? false, chapter: d.filters['kind']?.includes('Chapter') ?? false };
      },
    };
    const outcome = await forgivingSearch(engine, dictionary, query, { exact });
    if (current !== generation) return;
    // A group with a ticked value shows its counts without filters, so its other values do not read 0.
    const shownFilters = (counts: FilterCounts | null, totals: FilterCounts | null) =>
      counts && Object.fromEntries(Object.entries(counts).map(([key, c]) => [key, selected[key] ? (totals?.[key] ?? c) : c]));
    renderFilters(shownFilters(outcome.filters, outcome.totalFilters));
    // Results first, then the status: the announcement and the list arrive together.
    await renderResults(
      outcome.ids.flatMap((id) => {
        // The result of the search whose words it was checked for, so its excerpt marks those words.
        const span = outcome.spans[id];
        const r = (span && bySearch.get(span.query)?.get(id)) ?? found.get(id)?.result;
        return r ? [{ data: () => data(r), span }] : [];
      }),
      current,
    );
    if (current !== generation) return;
    setStatus(statusMessage(outcome, PAGE_SIZE, app.dataset['aToZ'] ?? '/a-to-z/'), query);
  };

  filtersBox.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const key = box.dataset['filter'];
    if (!key) return;
    const values = new Set(selected[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    if (values.size) selected[key] = [...values];
    else delete selected[key];
    void run();
  });
  // A suggested or corrected wording searches at once, as a link would, without reloading the index.
  status.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    if (!link?.dataset['query'] || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    input.value = link.dataset['query'];
    exact = link.dataset['exact'] === '1';
    input.focus();
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    exact = false;
    clearTimeout(typing);
    typing = setTimeout(() => void run(), 150);
  });

  const bundle = app.dataset['bundle'] ?? '/pagefind/';
  import(/* @vite-ignore */ `${bundle}pagefind.js`)
    .then(async (module: PagefindApi) => {
      pagefind = module;
      await pagefind.options({ baseUrl: app.dataset['base'] ?? '/', ranking: PAGEFIND_RANKING });
      await pagefind.init();
      // Loading the filter index first makes every later search report filter counts.
      allFilters = await pagefind.filters();
      await run();
    })
    .catch(fail);
}
