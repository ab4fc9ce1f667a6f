/**
 * Marking the first use of each abbreviation on a page with its expansion (`<abbr title>`), so
 * a reader meets "IRM" once explained. Pure: the caller keeps the set of abbreviations seen.
 */
import type { GlossaryEntry } from './contentSchemas.ts';

export interface Abbreviation {
  /** Every spelling to look for, e.g. ["CiCCL", "CICCL"]. */
  forms: string[];
  /** The expansion, shown as the `<abbr>` title. */
  expansion: string;
  /** One key for all spellings, so "CICCL" after "CiCCL" is not explained twice. */
  key: string;
}

/**
 * A glossary entry whose meaning is certain (spelt out in a strategy, or the standard meaning):
 * the only ones the pages expand and search looks up. An uncertain meaning is never guessed.
 */
export function hasCertainMeaning<G extends Pick<GlossaryEntry, 'basis' | 'expansion'>>(entry: G): entry is G & { expansion: string } {
  return entry.basis !== 'uncertain' && Boolean(entry.expansion);
}

/** The glossary's certain abbreviations, every spelling of each, as `markFirstUses` takes them. */
export function abbreviationsOf(glossary: readonly Pick<GlossaryEntry, 'abbreviation' | 'variants' | 'basis' | 'expansion'>[]): Abbreviation[] {
  return glossary.filter(hasCertainMeaning).map((g) => ({ key: g.abbreviation, forms: [g.abbreviation, ...g.variants], expansion: g.expansion }));
}

export type Segment = string | { abbr: string; title: string };

/** Split `text` so that the first use (not yet in `seen`) of each abbreviation is its own segment. */
export function markFirstUses(text: string, abbreviations: readonly Abbreviation[], seen: Set<string>): Segment[] {
  const forms = abbreviations
    .filter((a) => !seen.has(a.key))
    .flatMap((a) => a.forms.map((form) => ({ form, entry: a })))
    .sort((x, y) => y.form.length - x.form.length);
  if (forms.length === 0) return [text];
  const escaped = forms.map((f) => f.form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // Whole words only, case-sensitive: "LA" must not match inside "LAC" or the word "la".
  const pattern = new RegExp(`(?<![A-Za-z0-9])(${escaped.join('|')})(?![A-Za-z0-9])`, 'g');
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const found = forms.find((f) => f.form === match[1]);
    if (!found || seen.has(found.entry.key)) continue;
    seen.add(found.entry.key);
    if (match.index > last) segments.push(text.slice(last, match.index));
    segments.push({ abbr: match[1]!, title: found.entry.expansion });
    last = match.index + match[1]!.length;
  }
  if (last < text.length) segments.push(text.slice(last));
  return segments;
}
