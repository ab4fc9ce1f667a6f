/**
 * Checks that content is the seed's own words. Used by the content tests both ways: every
 * string in the content appears in the seed (nothing invented), and every cell of the seed's
 * action plan appears in the content (nothing lost).
 */
import { decodeHTMLStrict } from 'entities';

/** Drop the seed's markup and typographic variants so that only the words are compared. */
export function normaliseSeedText(text: string): string {
  // Character references as their characters (only those ended by ";", so a bare "&" stays).
  return decodeHTMLStrict(text)
    .replace(/<sup>(.*?)<\/sup>/g, '$1')
    .replace(/<\/?(p|b|i|em|strong)>/g, ' ')
    .replace(/\\\*/g, '*')
    // Emphasis markers go; the star of a GCSE grade ("A*-G") stays.
    .replace(/\*{2,}/g, '')
    .replace(/(?<!A)\*/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether a content string is the seed's words: a verbatim fragment, or two verbatim fragments
 * joined by one space where a page break cut a cell in two.
 */
export function appearsInSeed(fragment: string, normalisedSeed: string): boolean {
  const text = normaliseSeedText(fragment);
  if (normalisedSeed.includes(text)) return true;
  const words = text.split(' ');
  for (let cut = 1; cut < words.length; cut += 1) {
    const head = words.slice(0, cut).join(' ');
    const tail = words.slice(cut).join(' ');
    if (normalisedSeed.includes(head) && normalisedSeed.includes(tail)) return true;
  }
  return false;
}

/**
 * The text of a seed's action plan, cut where the seed itself separates items: at tabs (cells),
 * `<p>` groups and runs of two or more spaces. Starts at the first header row (whose first cell
 * is `headerFirstCell`), skips the repeated header rows, and keeps group heading rows.
 */
export function actionPlanFragments(seed: string, headerFirstCell: string): string[] {
  const isHeader = (line: string) => normaliseSeedText(line.split('\t')[0] ?? '').toUpperCase() === headerFirstCell.toUpperCase();
  const lines = seed.split('\n');
  const start = lines.findIndex((line) => line.includes('\t') && isHeader(line));
  return lines
    .slice(Math.max(start, 0))
    .filter((line) => line.includes('\t') && !isHeader(line))
    .flatMap((line) => line.split(/\t|<\/?p>| {2,}/))
    .map(normaliseSeedText)
    .filter((fragment) => fragment.length > 0);
}

/**
 * Whether a seed fragment is in the content, whole or as consecutive runs of at least
 * `minimumRun` words each (a cell whose sentences the content splits into separate actions).
 * Greedy: takes the longest run found at each step.
 */
export function coveredBy(fragment: string, corpus: string, minimumRun = 3): boolean {
  const haystack = corpus.toLowerCase();
  const words = fragment.toLowerCase().split(' ');
  let from = 0;
  while (from < words.length) {
    let end = words.length;
    while (end > from && !haystack.includes(words.slice(from, end).join(' '))) end -= 1;
    const run = end - from;
    if (run === 0 || (run < minimumRun && end < words.length && from > 0) || (run < Math.min(minimumRun, words.length) && from === 0 && end < words.length)) return false;
    from = end;
  }
  return true;
}
