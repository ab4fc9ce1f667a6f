/**
 * In-place filtering of the action plan table. Rows carry their facets as data attributes
 * (written at build time from the same helpers the static pages use); this script only shows
 * and hides rows, keeps the query string in step, and reports the count.
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
  const table = form && document.getElementById(form.dataset['table'] ?? '');
  if (!form || !table) return;
  const status = form.querySelector<HTMLElement>('#filter-status');
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-action]')];
  const groups = [...table.querySelectorAll<HTMLTableSectionElement>('tbody[data-group]')];
  const sortedBody = document.createElement('tbody');
  sortedBody.dataset['sorted'] = '';
  table.append(sortedBody);
  const homes = new Map(rows.map((row) => [row, row.parentElement as HTMLElement]));
  // Read only when words are typed: reading every row's text at load costs a long plan time.
  let texts: Map<HTMLTableRowElement, string> | undefined;
  const textOf = (row: HTMLTableRowElement) => {
    texts ??= new Map(rows.map((r) => [r, (r.textContent ?? '').toLowerCase().replace(/\s+/g, ' ')]));
    return texts.get(row) ?? '';
  };
  const total = rows.length;
  // Where the rows are now: a row moved or shown again makes the browser restyle it, so only
  // what changes is touched (on a plain page load, nothing is).
  let sortedNow = false;

  const read = (): FilterState => {
    const data = new FormData(form);
    const value = (k: string) => String(data.get(k) ?? '').trim();
    return { theme: value('theme'), lead: value('lead'), when: value('when'), q: value('q'), sort: value('sort') || 'theme' };
  };

  const apply = (state: FilterState, updateUrl: boolean) => {
    const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const match =
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
    if (sortedBody.hidden === sorted) sortedBody.hidden = !sorted;
    if (status) status.textContent = `Showing ${shown} of ${total} actions`;
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
