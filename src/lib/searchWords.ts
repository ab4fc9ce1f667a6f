/**
 * The words of search: how text is split into words (the same for the vocabulary built from the
 * index and for a reader's query), the common words a question leaves out, whether a word is in
 * the site's vocabulary, the nearest words to a misspelling, and the alternative wordings the
 * glossary and the reviewed synonyms give. Pure functions; the search page and
 * scripts/build-vocabulary.ts use them.
 */
import { distance } from 'fastest-levenshtein';

/** Lower-case words of letters and digits ("Go4Ward" is one word, "children's" two, as Pagefind splits it). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words a question is made of that say nothing about what is sought. Only function words and
 * question words: a word the strategy uses for a subject (help, need, care, home) is not here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a about am an and any are as at be been but by can could did do does for from get gets getting got had has have how i if in into is it its me much many my of on or our should so some still than that the their them there these they this those to us was we were what when where which who whom why will with would you your'.split(' '),
);

/** The site's words with how often each occurs in the index (scripts/build-vocabulary.ts). */
export interface VocabularyFile {
  /** Indexed pages. */
  pages: number;
  /** Every word, sorted, separated by single spaces. */
  words: string;
  /** How often each word occurs, in the same order. */
  counts: number[];
}

export class Vocabulary {
  readonly counts: ReadonlyMap<string, number>;
  readonly list: readonly string[];
  readonly pages: number;
  constructor(file: VocabularyFile) {
    this.list = file.words.split(' ');
    this.counts = new Map(this.list.map((w, i) => [w, file.counts[i] ?? 0]));
    this.pages = file.pages;
  }
  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }
  /**
   * Whether the index holds `word` as Pagefind matches it: the word itself, a longer word it
   * begins (Pagefind matches prefixes: "apprentice"), or a shorter word it inflects
   * ("mentoring" of "mentor": Pagefind stems the query).
   */
  knows(word: string): boolean {
    if (this.counts.has(word)) return true;
    return this.list.some((v) => v.startsWith(word) || inflects(word, v));
  }
  /** The nearest words by edit distance, nearest and then commonest first; [] for numbers and very short words. */
  nearest(word: string, limit = 3): { word: string; distance: number; count: number }[] {
    if (word.length < 3 || /^\d+$/.test(word)) return [];
    const most = maxDistance(word);
    const found: { word: string; distance: number; count: number }[] = [];
    for (const candidate of this.list) {
      if (Math.abs(candidate.length - word.length) > most || /^\d+$/.test(candidate)) continue;
      const d = distance(word, candidate);
      // A misspelling rarely changes the first letter: only one letter from the word typed may then differ.
      if (d > 0 && d <= (candidate[0] === word[0] ? most : 1)) found.push({ word: candidate, distance: d, count: this.count(candidate) });
    }
    // A misspelling rarely changes the first letter: such a candidate counts as half a step further.
    const cost = (c: { word: string; distance: number }) => c.distance + (c.word[0] === word[0] ? 0 : 0.5);
    return found.sort((a, b) => cost(a) - cost(b) || b.count - a.count || a.word.localeCompare(b.word)).slice(0, limit);
  }
}

/** "mentoring" inflects "mentor": begins with a word of four letters or more and adds at most three. */
function inflects(word: string, base: string): boolean {
  return base.length >= 4 && word.startsWith(base) && word.length - base.length <= 3;
}

/** How many edits a word of this length may be from the word meant. */
export function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/**
 * The one correction to show results for, or null when none is clearly best: the nearest word
 * when no other is as near, or when it is at least three times as common as the next as near.
 */
export function clearCorrection(candidates: readonly { word: string; distance: number; count: number }[], firstLetter: string): string | null {
  const [best, next] = candidates;
  if (!best) return null;
  if (!next) return best.word;
  const cost = (c: { word: string; distance: number }) => c.distance + (c.word[0] === firstLetter ? 0 : 0.5);
  if (cost(best) < cost(next)) return best.word;
  return best.count >= 3 * next.count ? best.word : null;
}

/** A glossary entry as the search needs it: only certain meanings (basis given or standard). */
export interface GlossaryTerms {
  abbreviation: string;
  variants: readonly string[];
  expansion?: string | undefined;
  basis: 'given' | 'standard' | 'uncertain';
}

/** A wording of a group: its words, whether a query may hold it, and whether it is searched for. */
export interface Wording {
  words: string[];
  /** A query holding it also searches for the group's other wordings. */
  from: boolean;
  /** Searched for when a query holds another wording of the group: false for a wording the site never uses. */
  search: boolean;
}
/** Groups of wordings that mean the same or nearly. */
export type Dictionary = Wording[][];

/**
 * The glossary's certain abbreviations with their expansions (both ways), and the reviewed
 * synonyms (from what people type to the strategy's words), as groups of wordings. `used` tells
 * whether the site's text holds a word: a wording it does not hold ("therapy", "IRO") still
 * leads to the others but is never searched for, as Pagefind would answer it with pages
 * matching some shorter beginning of it.
 */
export function buildDictionary(
  glossary: readonly GlossaryTerms[],
  synonyms: readonly { people: readonly string[]; strategy: readonly string[] }[],
  used: (word: string) => boolean = () => true,
): Dictionary {
  const wordings = (terms: readonly string[], from: boolean, search: boolean): Wording[] =>
    terms.map(words).filter((w) => w.length > 0).map((w) => ({ words: w, from, search: search && w.every(used) }));
  const unique = (group: Wording[]) => [...new Map(group.map((w) => [w.words.join(' '), w])).values()];
  return [
    ...glossary.filter((g) => g.basis !== 'uncertain' && g.expansion).map((g) => unique(wordings([g.abbreviation, ...g.variants, g.expansion ?? ''], true, true))),
    ...synonyms.map((s) => unique([...wordings(s.people, true, false), ...wordings(s.strategy, false, true)])),
  ];
}

/** Two words the same but for a plural "s" ("officers", "officer"). */
const sameWord = (a: string, b: string) => a === b || a.replace(/s$/, '') === b.replace(/s$/, '');

export interface Alternative {
  words: string[];
  /** The wording replaced and what replaced it; absent for the query as typed. */
  replaced?: { from: string; to: string };
}

/**
 * The query as typed and, for each wording of it found in the dictionary, the query with that
 * wording replaced by each other wording of its group (one replacement at a time). A wording of
 * one or two letters ("la", "sw") is expanded but never searched for: Pagefind would match
 * every word it begins.
 */
export function alternatives(query: readonly string[], dictionary: Dictionary, limit = 6): Alternative[] {
  const found: Alternative[] = [{ words: [...query] }];
  for (const group of dictionary) {
    for (const { words: wording, from } of group) {
      if (!from) continue;
      for (let start = 0; start + wording.length <= query.length; start++) {
        if (!wording.every((w, i) => sameWord(w, query[start + i] ?? ''))) continue;
        for (const { words: other, search } of group) {
          if (other === wording || !search || other.join(' ').length <= 2) continue;
          const next = [...query.slice(0, start), ...other, ...query.slice(start + wording.length)];
          if (found.some((a) => a.words.join(' ') === next.join(' '))) continue;
          found.push({ words: next, replaced: { from: wording.join(' '), to: other.join(' ') } });
        }
      }
    }
  }
  return found.slice(0, limit);
}

/**
 * Reciprocal rank fusion of ranked lists of result ids, each with a weight. Scores from
 * different Pagefind searches are not comparable; ranks are. `sum` (lists of different words):
 * a result high in several lists comes first. `best` (lists of wordings that mean the same): a
 * result counts by its best rank, as a page that says both "CSE" and "Child Sexual
 * Exploitation" (the glossary) is no more about it than the action that says one.
 */
export function fuse(lists: readonly { ids: readonly string[]; weight: number }[], k = 10, mode: 'sum' | 'best' = 'sum'): string[] {
  const score = new Map<string, number>();
  for (const { ids, weight } of lists)
    ids.forEach((id, rank) => {
      const s = weight / (k + rank + 1);
      score.set(id, mode === 'sum' ? (score.get(id) ?? 0) + s : Math.max(score.get(id) ?? 0, s));
    });
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Whether a highlighted word of Pagefind's excerpts is a match for a query word (a prefix or an inflection of it). */
export function matches(queryWord: string, marked: string): boolean {
  return marked.startsWith(queryWord) || inflects(queryWord, marked);
}
