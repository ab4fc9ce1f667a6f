/**
 * The glossary of abbreviations as every place shows it (its page, the print edition and the
 * documents made from it, the plain text): which entries an edition has, in what order, and how
 * the source of each meaning is said. One definition, so no format words it differently.
 */
import type { GlossaryEntry } from './contentSchemas.ts';

/** The heading of an edition's glossary, its last part (after the action plan) in every format. */
export const GLOSSARY_HEADING = 'Glossary of abbreviations';

/** What an edition's glossary says of itself. */
export const GLOSSARY_INTRO = 'The abbreviations this strategy uses. For each, where its meaning comes from: spelt out in the strategy itself, the standard meaning, or not certain.';

/** How the source of a meaning is said, by its basis. */
export const BASIS_LABELS: Readonly<Record<GlossaryEntry['basis'], string>> = {
  given: 'Spelt out in the strategy',
  standard: 'Standard meaning (not spelt out in the strategy)',
  uncertain: 'Meaning not certain',
};

/** What an entry whose meaning is not certain says in place of an expansion: never a guess. */
export const NO_EXPANSION = 'The strategy does not say what this stands for.';

/** The glossary's entries in alphabetical order (as English sorts them), or only those an edition uses. */
export function glossaryEntries<G extends Pick<GlossaryEntry, 'abbreviation' | 'editions'>>(entries: readonly G[], edition?: string): G[] {
  return entries.filter((g) => edition === undefined || g.editions.includes(edition)).sort((a, b) => a.abbreviation.localeCompare(b.abbreviation, 'en-GB'));
}

/** Where an entry's meaning comes from, as a sentence: its basis, and the strategy's own words where it spells it out. */
export function basisSentence(entry: Pick<GlossaryEntry, 'basis' | 'sourceText'>): string {
  return `${BASIS_LABELS[entry.basis]}${entry.sourceText ? `: “${entry.sourceText}”` : ''}.`;
}

/** An entry as plain text lines: the abbreviation (and its other spellings) and meaning, where the meaning comes from, the editors' note. */
export function glossaryEntryText(entry: Pick<GlossaryEntry, 'abbreviation' | 'variants' | 'expansion' | 'basis' | 'sourceText' | 'note'>): string {
  const also = entry.variants.length > 0 ? ` (also written ${entry.variants.join(', ')})` : '';
  return [`${entry.abbreviation}${also}: ${entry.expansion ?? NO_EXPANSION}`, basisSentence(entry), ...(entry.note ? [entry.note] : [])].join('\n');
}
