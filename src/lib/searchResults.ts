/**
 * How a search result is shown, from what Pagefind gives for it: where it links (the part of its
 * page that holds the words), the section it is said to be in, and its excerpt as text with the
 * words marked. Pure: src/client/searchRender.ts builds the list from it.
 */
import type { Span } from './searchPlaces.ts';

/** What the result list needs of Pagefind's data for one result. */
export interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  /** Every element with an id, its tag name, text (for headings) and where it starts in `content`. */
  anchors: readonly { element: string; id: string; text?: string | undefined; location: number }[];
  meta: Readonly<Record<string, string>>;
  sub_results: readonly { title: string; url: string; excerpt: string }[];
}

/**
 * Where a result links and the section it is said to be in. An action links to its place on its
 * Pledge page (`target`); another page to the anchor before the words (the span) or else to
 * Pagefind's first sub-result with an anchor. The section is the heading the words are under
 * (a list item's own anchor has none: the heading before it), never the page's title.
 */
export function resultPlace(data: ResultData, span?: Span): { target: string; section: string | undefined } {
  const anchor = span?.anchor ? data.anchors.find((a) => a.id === span.anchor) : undefined;
  const anchorUrl = anchor ? `${data.url}#${anchor.id}` : undefined;
  const target = data.meta['target'] || anchorUrl || data.sub_results.find((s) => s.url.includes('#'))?.url || data.url;
  const headingBefore = span ? data.anchors.filter((a) => /^h[2-6]$/.test(a.element) && a.location <= span.from).at(-1)?.text : undefined;
  const heading = (anchor && data.sub_results.find((s) => s.url === anchorUrl)?.title) || headingBefore;
  const section = data.meta['section'] ?? (heading && heading !== data.meta['title'] ? heading : undefined) ?? (span ? undefined : data.sub_results.find((s) => s.url.includes('#') && s.title !== data.meta['title'])?.title);
  return { target, section };
}

/**
 * Pagefind's excerpt (the page's own text with `<mark>` around matches) as parts, marked or not,
 * other tags dropped; `decode` turns its character references back into text.
 */
export function excerptParts(excerpt: string, decode: (html: string) => string): { text: string; mark: boolean }[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) => {
      const mark = part.match(/^<mark>(.*)<\/mark>$/);
      return { text: decode((mark ? (mark[1] ?? '') : part).replace(/<[^>]+>/g, '')), mark: Boolean(mark) };
    });
}

/** The words Pagefind highlighted in an excerpt, lower case. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((m) => (m[1] ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
