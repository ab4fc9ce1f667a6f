/**
 * Where a result holds the words searched: whether they stand together in one part of the page
 * (one section between its anchors, and within a few lines of each other) or lie scattered over
 * unrelated items of a long page, and which anchor and which words to show. Pure: the search page
 * gives it what Pagefind returns for a result (its text, the positions of the words matched, its
 * anchors); src/lib/forgivingSearch.ts ranks and falls back by it.
 */
import { STOP_WORDS, related, words } from './searchWords.ts';

/** What Pagefind gives for one result of one search. */
export interface Places {
  /** The words of the search that found it. */
  words: readonly string[];
  /** The page's indexed text; `locations` index into it split on whitespace. */
  content: string;
  /** Where words of the search were matched. */
  locations: readonly number[];
  /** Every element with an id, and where it starts in the text. */
  anchors: readonly { id: string; location: number }[];
  /** The page is one record (an action: its aim, action, outcome, timescale and lead), whose words belong together however far apart. */
  record?: boolean;
  /** The page is a chapter of a strategy (what a question about the strategy itself is answered by). */
  chapter?: boolean;
  /** The edition the page belongs to ("2008-11"), when it belongs to one. */
  edition?: string;
  /** The page's title (its h1). */
  title?: string;
  /** The page's address, as the index has it (the base path included). */
  url?: string;
  /** The page is a lead's (a role's name and its actions: its title names a person, not a subject). */
  lead?: boolean;
}

/** The part of a page that holds the words. */
export interface Span {
  /** Whether every word searched (but the common ones) is in it. */
  together: boolean;
  /** First and last position of the words in it. */
  from: number;
  to: number;
  /** The id of the element it begins after, or null for the top of the page. */
  anchor: string | null;
  /** The positions of every word searched on the page, for highlighting whichever are shown. */
  hits: number[];
  /** How many of the words searched it holds as written, not only in another form ("developed", not "development"). */
  exact: number;
}

/**
 * How far apart, in words that carry meaning (common words not counted), the words of a search
 * may be and still be together: an action's aim and action, a paragraph's sentence or two, one
 * item of a list.
 */
export const WINDOW = 40;

/** A section this short (one item of a list, one entry of the glossary) holds its words together whatever their distance. */
export const SHORT_SECTION = 80;

/** The words a result must hold together: the distinct words searched but the common ones. */
export function requiredWords(searched: readonly string[]): string[] {
  const content = [...new Set(searched.filter((w) => !STOP_WORDS.has(w)))];
  return content.length ? content : [...new Set(searched)];
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Which required words a matched word stands for ("mini-trust" for both "mini" and "trust"):
 * forms of them, or else the one it shares most letters with at the start (Pagefind's own stems).
 */
function termsOf(token: string, required: readonly string[]): number[] {
  const ws = words(token);
  const exact = required.flatMap((r, i) => (ws.some((w) => related(r, w)) ? [i] : []));
  if (exact.length) return exact;
  let best = -1;
  let length = 2;
  required.forEach((r, i) => {
    for (const w of ws) {
      const n = commonPrefix(r, w);
      if (n > length) [best, length] = [i, n];
    }
  });
  return best >= 0 ? [best] : [];
}

/** The page's title at the top of its text (its h1, which Pagefind ends with a full stop): how many words it has. */
function titleLength(tokens: readonly string[], firstAnchor: number): number {
  const end = tokens.findIndex((t) => /[.!?]$/.test(t));
  return end >= 0 && end < 20 && end < firstAnchor ? end + 1 : 0;
}

/**
 * The smallest part of the page that holds every required word within one section, or, when no
 * part does within WINDOW words, the first matched word's place (not together). The page's
 * title speaks for all of it: a word of the title ("Glossary", "Timeline") is together with any
 * part. A search for one word is always together.
 */
export function findSpan(places: Places, window = WINDOW): Span | null {
  const required = requiredWords(places.words);
  const tokens = places.content.split(/\s+/);
  const anchors = [...places.anchors].sort((a, b) => a.location - b.location);
  const title = titleLength(tokens, anchors[0]?.location ?? Infinity);
  const sectionOf = (location: number) => anchors.filter((a) => a.location <= location).length;
  // Where each section starts and ends: before the first anchor, between anchors, after the last.
  const starts = [0, ...anchors.map((a) => a.location)];
  const sectionLength = (section: number) => (starts[section + 1] ?? tokens.length) - (starts[section] ?? 0);
  const all = [...new Set(places.locations)]
    .sort((a, b) => a - b)
    .map((location) => ({ location, terms: termsOf(tokens[location] ?? '', required), section: sectionOf(location) }))
    .filter((h) => h.terms.length > 0);
  if (all.length === 0) return null;
  const inTitle = new Set(all.filter((h) => h.location < title).flatMap((h) => h.terms));
  // How many words that carry meaning come before each position.
  const meaningful: number[] = [0];
  tokens.forEach((t, i) => meaningful.push((meaningful[i] ?? 0) + (words(t).some((w) => !STOP_WORDS.has(w)) ? 1 : 0)));
  const apart = (from: number, to: number) => (meaningful[to] ?? 0) - (meaningful[from] ?? 0);
  const hits = all.filter((h) => h.location >= title);
  const anchorBefore = (location: number) => anchors.filter((a) => a.location <= location).at(-1)?.id ?? null;
  const span = (list: typeof all, from: number, to: number, together: boolean): Span => {
    const held = list.slice(from, to + 1).map((h) => h.location);
    const written = new Set([...held, ...(together ? all.filter((h) => h.location < title).map((h) => h.location) : [])].flatMap((l) => words(tokens[l] ?? '')));
    return { together, from: list[from]!.location, to: list[to]!.location, anchor: anchorBefore(list[from]!.location), hits: all.map((h) => h.location), exact: required.filter((r) => written.has(r)).length };
  };
  if (required.length <= 1) return span(all, 0, 0, true);
  if (required.every((_, i) => inTitle.has(i))) return span(all, 0, all.filter((h) => h.location < title).length - 1, true);
  // The smallest window holding every term not in the title, within one section.
  let best: [number, number] | null = null;
  const counts = new Map<number, number>();
  const covered = () => required.every((_, i) => inTitle.has(i) || (counts.get(i) ?? 0) > 0);
  const drop = (h: { terms: number[] }) => h.terms.forEach((t) => counts.set(t, (counts.get(t) ?? 1) - 1));
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const r = hits[right]!;
    // A window never crosses from one section into another.
    while (left < right && hits[left]!.section !== r.section) drop(hits[left++]!);
    r.terms.forEach((t) => counts.set(t, (counts.get(t) ?? 0) + 1));
    while (left <= right && covered()) {
      if (!best || apart(hits[left]!.location, hits[right]!.location) < apart(hits[best[0]]!.location, hits[best[1]]!.location)) best = [left, right];
      drop(hits[left++]!);
    }
  }
  if (!best) return span(all, 0, 0, false);
  const [from, to] = best;
  const close = apart(hits[from]!.location, hits[to]!.location) <= window || sectionLength(hits[from]!.section) <= SHORT_SECTION || places.record === true;
  return close ? span(hits, from, to, true) : span(all, 0, 0, false);
}

/** An excerpt of the span: a few words either side, each word of the search marked. */
export function spanExcerpt(content: string, span: Span, before = 8, length = 32): { text: string; mark: boolean }[] {
  const tokens = content.split(/\s+/);
  const start = Math.max(0, span.from - before);
  const end = Math.min(tokens.length, Math.max(span.to + 1 + before, start + length));
  const marked = new Set(span.hits);
  const parts: { text: string; mark: boolean }[] = [];
  const text = (t: string) => {
    const last = parts.at(-1);
    if (last && !last.mark) last.text += t;
    else parts.push({ text: t, mark: false });
  };
  if (start > 0) text('… ');
  for (let i = start; i < end; i++) {
    if (i > start) text(' ');
    if (marked.has(i)) parts.push({ text: tokens[i] ?? '', mark: true });
    else text(tokens[i] ?? '');
  }
  if (end < tokens.length) text(' …');
  return parts;
}
