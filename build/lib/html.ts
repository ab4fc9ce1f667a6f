/**
 * Built pages read as HTML: parsed (hast-util-from-html, the parse5 parser browsers' rules
 * follow) and queried with CSS selectors (hast-util-select), never matched with regular
 * expressions. Rewriting a built page edits only the elements it selects, by their place in the
 * source, so every other byte of the page, Astro's CSP hashes among them, stays as Astro wrote it.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

export function parseHtml(html: string): Root {
  return fromHtml(html);
}

/** A replacement of the source from `start` to `end` (offsets into the page's text). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Where a parsed node is in the source it was parsed from. */
export function sourceRange(node: Nodes): { start: number; end: number } {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error(`a parsed <${node.type}> has no place in its source`);
  return { start, end };
}

/** The range of an element's content: between its start tag and its end tag. */
export function contentRange(element: Element): { start: number; end: number } {
  const first = element.children.at(0);
  const last = element.children.at(-1);
  if (first && last) return { start: sourceRange(first).start, end: sourceRange(last).end };
  // Empty: the content is the empty range just before the end tag.
  const end = sourceRange(element).end - `</${element.tagName}>`.length;
  return { start: end, end };
}

/** The source with the edits made; edits may not overlap. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let text = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`overlapping edits at ${edit.start}`);
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    limit = edit.start;
  }
  return text;
}

/**
 * The page with each element matching `selector` edited: `edit` returns the edits for one
 * element (e.g. its content replaced, or the element removed); edits that overlap (an element
 * removed and one inside it changed) are refused.
 */
export function editElements(html: string, selector: string, edit: (element: Element) => Edit[]): string {
  const edits: Edit[] = [];
  const tree = parseHtml(html);
  for (const element of selectAll(selector, tree)) edits.push(...edit(element));
  return applyEdits(html, edits);
}
