/**
 * Checks that content is the seed's own words. Used by the content tests both ways: every
 * string in the content appears in the seed (nothing invented), and every cell of the seed's
 * action plan appears in the content (nothing lost).
 */

/** Drop the seed's markup and typographic variants so that only the words are compared. */
export function normaliseSeedText(text: string): string {
  return text
    .replace(/<sup>(.*?)<\/sup>/g, '$1')
    .replace(/<\/?(p|b|i|em|strong)>/g, ' ')
    .replace(/&amp;/g, '&')
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
 * The cells of a tab-separated action plan in a seed: every non-empty cell of every table row,
 * minus the repeated header rows and the group headings. `<p>` groups stay in their cell.
 */
export function actionPlanCells(seed: string, headerFirstCell: string): string[] {
  return seed
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t').map((cell) => normaliseSeedText(cell)))
    .filter((cells) => cells[0]?.toUpperCase() !== headerFirstCell.toUpperCase())
    .flatMap((cells) => cells.filter((cell) => cell.length > 0));
}
