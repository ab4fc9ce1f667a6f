/**
 * The search page's DOM: the filters with their counts, the list of results (each linking to the
 * part of its page that holds the words, src/lib/searchResults.ts), and the live status with its
 * links (src/lib/searchStatus.ts). Only builds elements; src/client/search.ts decides when.
 */
import type { FilterCounts } from '../lib/forgivingSearch.ts';
import { spanExcerpt, type Span } from '../lib/searchPlaces.ts';
import { excerptParts, resultPlace } from '../lib/searchResults.ts';
import type { MessagePart } from '../lib/searchStatus.ts';
import type { PagefindResultData } from './pagefindEngine.ts';

export const FILTER_LABELS: Record<string, string> = {
  edition: 'Edition',
  kind: 'Kind of page',
  theme: 'Pledge statement or outcome area',
  lead: 'Lead',
};
export const FILTER_ORDER = ['edition', 'kind', 'theme', 'lead'];
/** Results shown on the page (the status says when there are more). */
export const PAGE_SIZE = 20;

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** A textarea decodes character references and keeps the spaces between highlighted words. */
function decode(html: string): string {
  const decoder = document.createElement('textarea');
  decoder.innerHTML = html;
  return decoder.value;
}

const textAndMarks = (parts: readonly { text: string; mark: boolean }[]) => parts.map((part) => (part.mark ? element('mark', {}, part.text) : document.createTextNode(part.text)));

/**
 * The filters, each value with its count; `counts` null: results of several searches overlap,
 * so no count would be exact, and the values (of `allFilters`) are listed without one. Focus
 * stays on the box it was on.
 */
export function renderFilters(box: HTMLElement, counts: FilterCounts | null, allFilters: FilterCounts, selected: Readonly<Record<string, string[]>>): void {
  const withCounts = counts !== null;
  const shown = counts ?? allFilters;
  const focusedId = document.activeElement instanceof HTMLInputElement && box.contains(document.activeElement) ? document.activeElement.id : '';
  box.replaceChildren(
    ...FILTER_ORDER.filter((key) => shown[key]).map((key, groupIndex) => {
      const values = Object.entries(shown[key] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'en-GB', { numeric: true }));
      const fieldset = element('fieldset', { className: 'mb-4 border-0 p-0' }, element('legend', { className: 'font-bold mb-1' }, FILTER_LABELS[key] ?? key));
      values.forEach(([value, count], index) => {
        const id = `filter-${groupIndex}-${index}`;
        const input = element('input', { type: 'checkbox', id, value, checked: selected[key]?.includes(value) ?? false, className: 'mr-2 size-5 shrink-0' });
        input.dataset['filter'] = key;
        const label = element('label', { htmlFor: id, className: 'text-base' }, withCounts ? `${value} (${count})` : value);
        fieldset.append(element('div', { className: 'flex items-start mb-1' }, input, label));
      });
      return key === 'lead' || key === 'theme'
        ? element('details', { className: 'mb-4', open: Boolean(selected[key]?.length) }, element('summary', { className: 'font-bold cursor-pointer' }, FILTER_LABELS[key] ?? key), fieldset)
        : fieldset;
    }),
  );
  if (focusedId) document.getElementById(focusedId)?.focus();
}

/** One result: its title linking to the part of its page that holds the words, the words there marked, and its details. */
export function resultItem(data: PagefindResultData, span: Span | undefined): HTMLLIElement {
  const { target, section } = resultPlace(data, span);
  const excerpt = textAndMarks(span?.together ? spanExcerpt(data.content, span) : excerptParts(data.excerpt, decode));
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
}

/** The live status: text and links in one region, so a screen reader hears the whole message. `data-query` names the query it reports on. */
export function renderStatus(status: HTMLElement, parts: readonly MessagePart[], query: string): void {
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
}
