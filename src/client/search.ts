/**
 * The search page's behaviour, framework-free, wired from its parts: Pagefind does the searching
 * (src/client/pagefindEngine.ts adapts it), src/lib/forgivingSearch.ts decides what to search
 * when the words as typed find nothing (or are misspelt), src/client/searchRender.ts draws the
 * filters with counts, the results and the live status (its words: src/lib/searchStatus.ts).
 * This file keeps `?q=` and the filters in the URL, runs a search on typing, on a filter or on
 * a suggested wording, and says so visibly when the index cannot load.
 */
import { forgivingSearch, type FilterCounts } from '../lib/forgivingSearch.ts';
import type { Span } from '../lib/searchPlaces.ts';
import { statusMessage } from '../lib/searchStatus.ts';
import { PAGEFIND_RANKING } from '../lib/searchWeights.ts';
import { unpackDictionary } from '../lib/searchWords.ts';
import { pagefindEngine, realWordLoader, resultDataCache, vocabularyLoader, type PagefindApi, type PagefindResultData, type PagefindSearch } from './pagefindEngine.ts';
import { FILTER_ORDER, PAGE_SIZE, renderFilters as drawFilters, renderStatus, resultItem } from './searchRender.ts';

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
  const currentEdition = app.dataset['currentEdition'];
  const dictionary = unpackDictionary(JSON.parse(app.dataset['dictionary'] ?? '[]') as string[][]);
  // Without the vocabulary search still works, without corrections; a later search tries again.
  const loadVocabulary = vocabularyLoader(app.dataset['vocabulary'] ?? '/search/vocabulary.json');

  // The real English words near site words, one file per first letter, fetched when a word may be one.
  const realWord = realWordLoader(app.dataset['words'] ?? '/search/words/', loadVocabulary);

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
    drawFilters(filtersBox, counts, allFilters, selected);
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
    list.replaceChildren(...shown.map(({ data, span }) => resultItem(data, span)));
  };

  // One fetch per result: the check for highlighted words and the list share it.
  const data = resultDataCache();
  const setStatus = (parts: Parameters<typeof renderStatus>[1], query: string) => renderStatus(status, parts, query);

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
    const { engine, resultFor } = pagefindEngine(pagefindSearch, data, { vocabulary: loadVocabulary, realWord });
    const outcome = await forgivingSearch(engine, dictionary, query, { exact, ...(currentEdition ? { currentEdition } : {}) });
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
        const r = resultFor(id, span?.query);
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
    clearTimeout(typing);
    void run();
  });
  // The search that typing would start after a pause: Enter or a status link runs it now instead,
  // so the same words are not searched (and the results and filters redrawn) twice.
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void run();
  });
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
