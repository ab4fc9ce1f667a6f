/**
 * The print edition's built page as the source of the OpenDocument, Word and EPUB editions
 * (build/steps/documents.ts gives it to pandoc): its `<main>` only, the page's own `h1`
 * becoming the document's title, the web page's "Print edition" label dropped, and links to
 * the website made absolute when the published address is known, or plain text when it is not
 * (a path such as /2017-20/actions/p1-a1/ means nothing inside a document). The page's
 * scrolling regions lose their region role, label and tab stop: a document does not scroll
 * sideways, and the label's target (a caption id) does not survive the conversion.
 *
 * The action plan's tables, one per statement, each get the statement as a heading over them
 * (on the page it is the table's caption); word processors repeat each table's header row on
 * each page. pandoc's OpenDocument writer drops row header cells, so for it `rowHeaders:
 * false` makes them ordinary cells: the action ids stay in the first column. A chart (an SVG
 * with `role="img"`) becomes its text alternative.
 *
 * The page is read as HTML (build/lib/html.ts) and the document written from the edited tree,
 * so it depends on the elements and classes of the components, not on how they are spelt.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { escapeXml } from '../../src/lib/xml.ts';
import { parseHtml } from './html.ts';

export interface DocumentSource {
  /** The strategy's title, from the page's `h1`. */
  title: string;
  /** The page's language (`<html lang>`). */
  language: string;
  /** A whole HTML document for pandoc, headed at `h2` and below (pandoc shifts them up a level). */
  html: string;
}

export interface DocumentOptions {
  /** The published address, to make links to the website absolute; without it they become text. */
  siteUrl?: string | undefined;
  /** Keep `<th scope="row">` (false for writers that drop them). */
  rowHeaders?: boolean;
}

const element = (tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element => ({ type: 'element', tagName, properties, children });

/** Each of the tree's nodes' children replaced by what `change` makes of each (itself, others, or none), depth first. */
function rewrite(parent: Root | Element, change: (node: RootContent) => RootContent[]): void {
  parent.children = parent.children.flatMap((child) => {
    if (child.type === 'element') rewrite(child, change);
    return change(child);
  }) as typeof parent.children;
}

/** A row header as an ordinary cell, its other attributes kept. */
function rowHeaderAsCell(cell: Element): Element {
  const { scope: _scope, ...properties } = cell.properties;
  return { ...cell, tagName: 'td', properties };
}

/**
 * The action tables (`table.stack-table`) of a tree as the documents want them: a statement's
 * table (captioned `group-caption`) becomes a heading over its table, since word processors and
 * readers list headings, not captions, in their outline; other tables keep their caption.
 * The web page's attributes go.
 */
function tablesPerGroup(tree: Root | Element, headingLevel: number, rowHeaders: boolean): void {
  rewrite(tree, (node) => {
    if (node.type !== 'element' || !matches('table.stack-table', node)) return [node];
    const thead = select('thead', node);
    const caption = select('caption', node);
    const bodies = selectAll('tbody', node).map((body) => {
      const rows = element('tbody', body.children);
      if (!rowHeaders) rewrite(rows, (cell) => [cell.type === 'element' && matches('th[scope="row"]', cell) ? rowHeaderAsCell(cell) : cell]);
      return rows;
    });
    if (!thead || !bodies.length) return [node];
    if (caption && matches('.group-caption', caption)) return [element(`h${headingLevel}`, caption.children), { type: 'text', value: '\n' }, element('table', [thead, ...bodies])];
    return [element('table', [...(caption ? [element('caption', caption.children)] : []), thead, ...bodies])];
  });
}

/** The markup of a tree for pandoc: `&` and `<` in text as named references, as an author would write them. */
const serialise = (tree: Root) => toHtml(tree, { characterReferences: { useNamedReferences: true } });

/** `tablesPerGroup` on a fragment of HTML. */
export function tablePerGroup(html: string, headingLevel: number, rowHeaders = true): string {
  const tree = fromHtml(html, { fragment: true });
  tablesPerGroup(tree, headingLevel, rowHeaders);
  return serialise(tree);
}

export function documentSource(page: string, options: DocumentOptions = {}): DocumentSource {
  const { siteUrl, rowHeaders = true } = options;
  const tree = parseHtml(page);
  const language = select('html', tree)?.properties['lang'];
  const main = select('main', tree);
  const h1 = main && select('h1', main);
  if (typeof language !== 'string' || !main || !h1) throw new Error('the print page has no <html lang>, <main> or <h1>');
  const title = toString(h1).replace(/\s+/g, ' ').trim();
  tablesPerGroup(main, 3, rowHeaders);
  const webLabel = selectAll('p[class]', main).find((p) => /^(Print edition|Large print edition)$/.test(toString(p)));
  rewrite(main, (node) => {
    if (node.type !== 'element') return [node];
    if (node === h1 || node === webLabel) return [];
    // A chart's drawing does not survive the conversion: its text alternative stands in its place.
    if (node.tagName === 'svg' && typeof node.properties['ariaLabel'] === 'string') return [element('p', [{ type: 'text', value: node.properties['ariaLabel'] }])];
    const { ariaLabelledBy: _label, tabIndex: _tabStop, ...properties } = node.properties;
    if (properties['role'] === 'region') delete properties['role'];
    node.properties = properties;
    if (!rowHeaders && matches('th[scope="row"]', node)) return [rowHeaderAsCell(node)];
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/')) {
      if (!siteUrl) return node.children;
      node.properties['href'] = new URL(href, siteUrl).href;
    }
    return [node];
  });
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>
<body>
${serialise({ type: 'root', children: main.children })}
</body>
</html>
`;
  return { title, language, html };
}
