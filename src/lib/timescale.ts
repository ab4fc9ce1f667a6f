/**
 * Timescales as printed in the action plans ("March 2018", "Annual June/July", "Ongoing",
 * "Within 20 working days of coming into care (IHA)", "2009 100%") turned into structure.
 * The structure only drives filtering, sorting and the timeline: pages always show the
 * seed's own text beside it, because a parse is our reading, not the council's words.
 */

export type Timescale =
  | { kind: 'month'; text: string; year: number; month: number }
  | { kind: 'year'; text: string; year: number }
  | { kind: 'recurring'; text: string; months: number[] }
  | { kind: 'ongoing'; text: string }
  | { kind: 'complete'; text: string }
  | { kind: 'relative'; text: string }
  | { kind: 'unknown'; text: string };

export type TimescaleKind = Timescale['kind'];

/** The kinds of timescale without a date, in the order the plan lists them after the dated ones. */
export const UNDATED_KINDS = ['recurring', 'relative', 'ongoing', 'complete', 'unknown'] as const satisfies readonly TimescaleKind[];
export type UndatedKind = (typeof UNDATED_KINDS)[number];

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const monthPattern = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

function monthNumber(word: string): number {
  const key = word.toLowerCase();
  return MONTHS[key.slice(0, 4) === 'sept' ? 'sept' : key.slice(0, 3)] ?? 0;
}

/** Two-digit years in the 2008-11 plan ("Nov 06") are 2000s years. */
function fullYear(digits: string): number {
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

export function parseTimescale(raw: string): Timescale {
  const text = raw.replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();

  if (/^complete[d]?\.?$/.test(lower)) return { kind: 'complete', text };
  if (/\bongoing\b/.test(lower) || /^in place\b/.test(lower)) return { kind: 'ongoing', text };

  // A recurring timescale names a frequency ("Annual June/July", "Annually September",
  // "5-17 years Annually (RHA)", "bi-annually").
  if (/\b(annual|annually|bi-annually|biannually|termly|quarterly|monthly)\b/.test(lower)) {
    const months = [...lower.matchAll(new RegExp(`\\b${monthPattern}\\b`, 'g'))].map((m) => monthNumber(m[1] ?? ''));
    return { kind: 'recurring', text, months: [...new Set(months)].filter((m) => m > 0) };
  }

  // Relative to an event in the child's life rather than the calendar.
  if (/^(within|after|before|by the time|when|at the)\b/.test(lower)) return { kind: 'relative', text };

  const monthYear = lower.match(new RegExp(`^${monthPattern}\\.?\\s+(\\d{4}|\\d{2})\\b`));
  if (monthYear) {
    return { kind: 'month', text, month: monthNumber(monthYear[1] ?? ''), year: fullYear(monthYear[2] ?? '') };
  }

  // A year first ("2008", "2009 100%", "2008 from 13.1% to 9%") or a target "by 2009".
  const leadingYear = lower.match(/^(20\d{2})\b/);
  if (leadingYear) return { kind: 'year', text, year: Number(leadingYear[1]) };
  const byYear = lower.match(/\bby (20\d{2})\b/);
  if (byYear) return { kind: 'year', text, year: Number(byYear[1]) };

  return { kind: 'unknown', text };
}

/** Calendar quarter of a month: 1 for January to March. */
export function quarterOf(month: number): 1 | 2 | 3 | 4 {
  return (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** "2018-03" for a month, "2018" for a year, "" when there is no date. */
export function isoDue(timescale: Timescale): string {
  if (timescale.kind === 'month') return `${timescale.year}-${String(timescale.month).padStart(2, '0')}`;
  if (timescale.kind === 'year') return String(timescale.year);
  return '';
}

/** Key for sorting actions by timescale: dated first in date order, then the others by kind. */
export function sortKey(timescales: Timescale[]): string {
  const dated = timescales
    .map((t) => (t.kind === 'month' ? isoDue(t) : t.kind === 'year' ? `${t.year}-13` : ''))
    .filter(Boolean)
    .sort();
  if (dated[0]) return `0-${dated[0]}`;
  const ranks = timescales.map((t) => (UNDATED_KINDS as readonly TimescaleKind[]).indexOf(t.kind)).filter((r) => r >= 0);
  return `1-${ranks.length ? Math.min(...ranks) : UNDATED_KINDS.length}`;
}
