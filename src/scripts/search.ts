/**
 * The search page's behaviour on Pagefind's JS API. Kept small and framework-free: Pagefind
 * does the searching; this renders filters with counts and results, keeps `?q=` and the
 * filters in the URL, and says so visibly when the index cannot load.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: { title: string; url: string; excerpt: string }[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{
    results: { id: string; data(): Promise<PagefindResultData> }[];
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

  const fail = (reason: unknown) => {
    console.error('Search index failed to load', reason);
    app.hidden = true;
    errorBox.hidden = false;
  };

  const updateUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const [key, values] of Object.entries(selected)) for (const v of values) next.append(key, v);
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  const renderFilters = (counts: Record<string, Record<string, number>>) => {
    const focusedId = document.activeElement instanceof HTMLInputElement && filtersBox.contains(document.activeElement) ? document.activeElement.id : '';
    filtersBox.replaceChildren(
      ...FILTER_ORDER.filter((key) => counts[key]).map((key, groupIndex) => {
        const values = Object.entries(counts[key] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
        const fieldset = element('fieldset', { className: 'mb-4 border-0 p-0' }, element('legend', { className: 'font-bold mb-1' }, FILTER_LABELS[key] ?? key));
        values.forEach(([value, count], index) => {
          const id = `filter-${groupIndex}-${index}`;
          const box = element('input', { type: 'checkbox', id, value, checked: selected[key]?.includes(value) ?? false, className: 'mr-2 size-5 shrink-0' });
          box.dataset['filter'] = key;
          const label = element('label', { htmlFor: id, className: 'text-base' }, `${value} (${count})`);
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

  const renderResults = async (results: Awaited<ReturnType<PagefindApi['search']>>['results'], run: number) => {
    const shown = await Promise.all(results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (run !== generation) return;
    list.replaceChildren(
      ...shown.map((data) => {
        const target = data.meta['target'] || data.sub_results.find((s) => s.url.includes('#'))?.url || data.url;
        const section = data.meta['section'] ?? data.sub_results.find((s) => s.url.includes('#') && s.title !== data.meta['title'])?.title;
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
          element('p', { className: 'm-0 mt-1' }, ...excerptNodes(data.excerpt)),
          details,
        );
      }),
    );
  };

  const run = async () => {
    if (!pagefind) return;
    const current = ++generation;
    updateUrl();
    const query = input.value.trim();
    const hasFilters = Object.values(selected).some((v) => v.length);
    if (!query && !hasFilters) {
      renderFilters(await pagefind.filters());
      status.textContent = 'Type words to search for, or choose a filter to browse.';
      list.replaceChildren();
      return;
    }
    // Any options object without filters makes Pagefind return no filter counts: pass one only when filtering.
    // Ticked values within one group widen the results (any of them); groups narrow each other.
    const filters = Object.fromEntries(Object.entries(selected).map(([key, values]) => [key, { any: values }]));
    const search = hasFilters ? await pagefind.search(query || null, { filters }) : await pagefind.search(query);
    if (current !== generation) return;
    // A group with a ticked value shows its counts without filters, so its other values do not read 0.
    renderFilters(Object.fromEntries(Object.entries(search.filters).map(([key, counts]) => [key, selected[key] ? (search.totalFilters[key] ?? counts) : counts])));
    const total = search.results.length;
    const scope = query ? ` for “${query}”` : '';
    // Results first, then the count: the announcement and the list arrive together.
    await renderResults(search.results, current);
    if (current !== generation) return;
    status.textContent = total === 0 ? `No results${scope}.` : `${total} ${total === 1 ? 'result' : 'results'}${scope}${total > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`;
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
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void run(), 150);
  });

  const bundle = app.dataset['bundle'] ?? '/pagefind/';
  import(/* @vite-ignore */ `${bundle}pagefind.js`)
    .then(async (module: PagefindApi) => {
      pagefind = module;
      await pagefind.options({ baseUrl: app.dataset['base'] ?? '/' });
      await pagefind.init();
      // Loading the filter index first makes every later search report filter counts.
      await pagefind.filters();
      await run();
    })
    .catch(fail);
}
