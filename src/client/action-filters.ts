/**
 * In-place filtering of the action plan's tables. Rows carry their facets as data attributes
 * (written at build time from the same helpers the static pages use); this script only shows
 * and hides rows (and a statement's table with no row shown), keeps the query string in step, and
 * reports the count.
 */
interface FilterState {
  theme: string;
  lead: string;
  when: string;
  q: string;
  sort: string;
}

const FIELDS: (keyof FilterState)[] = ['theme', 'lead', 'when', 'q', 'sort'];

export function initActionFilters(): void {
  const form = document.querySelector<HTMLFormElement>('#action-filters');
  // The element holding the plan's tables, one per statement (src/components/ActionTable.astro).
  const plan = form && document.getElementById(form.dataset['table'] ?? '');
  const head = plan?.querySelector('thead');
  if (!form || !plan || !head) return;
  const status = form.querySelector<HTMLElement>('#filter-status');
  let rows = [...plan.querySelectorAll<HTMLTableRowElement>('tr[data-action]')];
  let groups = [...plan.querySelectorAll<HTMLTableSectionElement>('tbody[data-group]')];
  // A plan too long for one page comes in parts (src/lib/planParts.ts): this page shows its own
  // rows, and the first filter fetches the other parts so that it covers the whole plan.
  const partUrls = (form.dataset['parts'] ?? '').split(' ').filter(Boolean);
  const ownPart = Number(form.dataset['part'] ?? 0);
  const own = new Set(rows);
  let partsState: 'no' | 'loading' | 'loaded' | 'failed' = partUrls.length > 0 ? 'no' : 'loaded';
  // Sorted by timescale, the rows leave their statements' tables for one table of their own.
  const sortedTable = document.createElement('table');
  sortedTable.className = 'stack-table';
  sortedTable.hidden = true;
  sortedTable.createCaption().textContent = 'Actions by timescale, soonest first';
  sortedTable.append(head.cloneNode(true));
  const sortedBody = sortedTable.createTBody();
  sortedBody.dataset['sorted'] = '';
  plan.append(sortedTable);
  let homes = new Map(rows.map((row) => [row, row.parentElement as HTMLElement]));
  // Read only when words are typed: reading every row's text at load costs a long plan time.
  let texts: Map<HTMLTableRowElement, string> | undefined;
  const textOf = (row: HTMLTableRowElement) => {
    texts ??= new Map(rows.map((r) => [r, (r.textContent ?? '').toLowerCase().replace(/\s+/g, ' ')]));
    return texts.get(row) ?? '';
  };
  const total = partUrls.length > 0 ? Number(form.dataset['total']) : rows.length;
  // Where the rows are now: a row moved or shown again makes the browser restyle it, so only
  // what changes is touched (on a plain page load, nothing is).
  let sortedNow = false;

  const read = (): FilterState => {
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '').trim();
    return { theme: value('theme'), lead: value('lead'), when: value('when'), q: value('q'), sort: value('sort') || 'theme' };
  };

  const active = (state: FilterState) => Boolean(state.theme || state.lead || state.when || state.q || state.sort === 'timescale');

  const loadParts = async () => {
    const first = groups[0]?.closest('table');
    const pages = await Promise.all(
      partUrls.map(async (href, i) => {
        if (i + 1 === ownPart) return null;
        const response = await fetch(href);
        if (!response.ok) throw new Error(`${href}: ${response.status}`);
        return new DOMParser().parseFromString(await response.text(), 'text/html');
      }),
    );
    pages.forEach((page, i) => {
      if (!page) return;
      for (const other of page.querySelectorAll<HTMLTableElement>(`#${plan.id} > table[data-group]`)) {
        const imported = document.importNode(other, true);
        imported.hidden = true;
        for (const part of [imported, ...imported.tBodies, ...imported.querySelectorAll<HTMLTableRowElement>('tr[data-action]')]) part.hidden = true;
        if (i + 1 < ownPart && first) first.before(imported);
        else sortedTable.before(imported);
      }
    });
    rows = [...plan.querySelectorAll<HTMLTableRowElement>('tbody[data-group] tr[data-action]')];
    groups = [...plan.querySelectorAll<HTMLTableSectionElement>('tbody[data-group]')];
    homes = new Map(rows.map((row) => [row, row.parentElement as HTMLElement]));
    texts = undefined;
  };

  const apply = (state: FilterState, updateUrl: boolean) => {
    if (partsState === 'no' && active(state)) {
      partsState = 'loading';
      if (status) status.textContent = 'Loading the whole plan…';
      loadParts().then(
        () => void (partsState = 'loaded'),
        () => void (partsState = 'failed'),
      ).finally(() => apply(read(), updateUrl));
      return;
    }
    if (partsState === 'loading') return;
    // Unfiltered, or without the other parts, a part shows its own rows.
    const ownOnly = partUrls.length > 0 && (!active(state) || partsState === 'failed');
    const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const match =
        (!ownOnly || own.has(row)) &&
        (!state.theme || row.dataset['theme'] === state.theme) &&
        (!state.lead || (row.dataset['leads'] ?? '').split(' ').includes(state.lead)) &&
        (!state.when || (row.dataset['when'] ?? '').split(' ').includes(state.when)) &&
        words.every((w) => textOf(row).includes(w));
      if (row.hidden === match) row.hidden = !match;
      if (match) shown += 1;
    }
    // Sorting by timescale lifts every row out of its group into one list in date order.
    const sorted = state.sort === 'timescale';
    if (sorted && !sortedNow) {
      const ordered = [...rows].sort((a, b) => (a.dataset['sort'] ?? '').localeCompare(b.dataset['sort'] ?? ''));
      sortedBody.append(...ordered);
    } else if (!sorted && sortedNow) {
      for (const row of rows) homes.get(row)?.append(row);
    }
    sortedNow = sorted;
    for (const g of groups) {
      const hide = sorted || !g.querySelector('tr[data-action]:not([hidden])');
      if (g.hidden !== hide) g.hidden = hide;
    }
    // A statement's table goes with its rows: no caption or header row over nothing.
    for (const t of new Set(groups.map((g) => g.closest('table')))) {
      if (!t) continue;
      const hide = [...t.tBodies].every((b) => b.hidden);
      if (t.hidden !== hide) t.hidden = hide;
    }
    if (sortedTable.hidden === sorted) sortedTable.hidden = !sorted;
    if (status) {
      status.textContent =
        partUrls.length === 0 ? `Showing ${shown} of ${total} actions`
        : partsState === 'failed' ? `The other parts could not be loaded: showing ${shown} of this part's ${own.size} actions`
        : !active(state) ? `Part ${ownPart} of ${partUrls.length}: filter to search all ${total} actions`
        : `Showing ${shown} of ${total} actions, from every part`;
    }
    if (updateUrl) {
      const params = new URLSearchParams();
      for (const key of FIELDS) if (state[key] && !(key === 'sort' && state[key] === 'theme')) params.set(key, state[key]);
      const query = params.toString();
      history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  };

  // Restore a shared or bookmarked view from the query string.
  const params = new URLSearchParams(location.search);
  for (const key of FIELDS) {
    const control = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(key);
    if (control && value !== null) control.value = value;
  }
  form.hidden = false;
  apply(read(), false);

  form.addEventListener('change', () => apply(read(), true));
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLElement).id === 'filter-text') apply(read(), true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(read(), true);
  });
  form.addEventListener('reset', () => {
    // The reset event fires before the controls are cleared.
    setTimeout(() => apply(read(), true), 0);
  });
}
