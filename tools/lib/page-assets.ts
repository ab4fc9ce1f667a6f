/**
 * What the benchmarks read from a built page, read as HTML (build/lib/html.ts): the stylesheets
 * and scripts it loads, the links of its own content, and the markup of one element.
 */
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { sourceRange } from '../../build/lib/html.ts';

/** The stylesheets and scripts a page loads, by their addresses as written. */
export function loadedAssets(tree: Root): { href: string; script: boolean }[] {
  return [
    ...selectAll('link[rel~="stylesheet"][href]', tree).map((link) => ({ href: String(link.properties['href']), script: false })),
    ...selectAll('script[src]', tree).map((script) => ({ href: String(script.properties['src']), script: true })),
  ];
}

/** Every link's address in the page's `<main>`. */
export function mainLinks(tree: Root): string[] {
  return selectAll('main a[href]', tree).map((a) => String(a.properties['href']));
}

/** The source markup of the first element matching `selector`, or '' without one. */
export function markupOf(tree: Root, html: string, selector: string): string {
  const found = select(selector, tree);
  if (!found) return '';
  const { start, end } = sourceRange(found);
  return html.slice(start, end);
}
