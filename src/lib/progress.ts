/**
 * Progress updates as the Children in Care Partnership Board reports them: the fixed list of
 * statuses, and how an officer may write a status or a date in a spreadsheet. Pure functions,
 * shared by the content schema, the pages, the feed and `npm run progress`.
 */

import type { ActionData, ProgressEntry } from './contentSchemas.ts';

/** The Board's fixed list of statuses, in the order a summary counts them. */
export const PROGRESS_STATUSES = ['not-started', 'in-progress', 'at-risk', 'complete', 'no-longer-applicable'] as const;

export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'at-risk': 'At risk',
  complete: 'Complete',
  'no-longer-applicable': 'No longer applicable',
};

/**
 * When to choose each status, in plain words for the officer filling in a return (the template's
 * instructions and `npm run progress -- --help`). The strategy itself defines none: these say
 * what each of the Board's words is for, nothing more.
 */
export const STATUS_MEANINGS: Record<ProgressStatus, string> = {
  'not-started': 'Work on the action has not begun yet.',
  'in-progress': 'Work has begun and is going on; say in the note what has been done so far.',
  'at-risk': 'The action may not be done by its timescale, or at all; say why in the note.',
  complete: 'The action has been done; say in the note what was delivered.',
  'no-longer-applicable': 'The action no longer applies (for example, the service it depends on has changed); say why in the note.',
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ProgressStatus] ?? status;
}

/**
 * A status as an officer types it: the id ("in-progress") or its words in any case
 * ("In progress", "IN PROGRESS"). Undefined when it is not on the Board's list.
 */
export function parseStatus(text: string): ProgressStatus | undefined {
  const key = text.trim().toLowerCase().replace(/[\s_-]+/g, '-');
  return PROGRESS_STATUSES.find((status) => status === key);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export type DateReading = { iso: string } | { error: string };

/**
 * A date as a spreadsheet in a UK office saves it: "2018-03-31" (ISO, which LibreOffice keeps
 * when it is typed so), "31/03/2018" (Excel in English (UK)), "31/03/18" (LibreOffice in
 * English (UK): a two-digit year is this century), "31.03.2018", "31 March 2018" or
 * "31 Mar 2018". Day before month: a spreadsheet set to US English writes "03/31/18", which
 * is then refused as not a real date.
 */
export function parseReportDate(text: string): DateReading {
  const value = text.trim();
  let parts: [number, number, number] | undefined;
  const iso = value.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const dayFirst = value.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
  const words = value.match(/^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) {
    const year = Number(dayFirst[3]);
    parts = [dayFirst[3]!.length === 2 ? 2000 + year : year, Number(dayFirst[2]), Number(dayFirst[1])];
  } else if (words) {
    const name = words[2]!.toLowerCase();
    const month = name.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(name)) + 1 : 0;
    if (month === 0) return { error: `"${value}" is not a date: "${words[2]}" is not a month` };
    parts = [Number(words[3]), month, Number(words[1])];
  }
  if (!parts) return { error: `"${value}" is not a date: write it as 2018-03-31 or 31/03/2018 (day first)` };
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { error: `"${value}" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)` };
  }
  return { iso: date.toISOString().slice(0, 10) };
}

/**
 * A spreadsheet's date serial number as "2018-03-31": what a date cell holds (days since
 * 30 December 1899 in Excel's and LibreOffice's default system; since 1 January 1904 in a
 * workbook set to the 1904 system). Undefined outside 1 January 1990 to 31 December 2099, where a
 * number in a date column is more likely a slip than a date.
 */
export function serialDate(serial: number, date1904 = false): string | undefined {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.floor(serial) * 86_400_000);
  const iso = date.toISOString().slice(0, 10);
  return Number.isFinite(serial) && iso >= '1990-01-01' && iso <= '2099-12-31' ? iso : undefined;
}

/** Today's date where the officer is, as "2018-03-31". */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Each update's anchor on its action's page, in the file's order: "progress-2018-03-31", and
 * "progress-2018-03-31-2" for a second update with the same date. Updates are only ever
 * appended, so an anchor (and the feed entry id made from it) never changes once published.
 */
export function progressAnchors(dates: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return dates.map((date) => {
    const count = (seen.get(date) ?? 0) + 1;
    seen.set(date, count);
    return count === 1 ? `progress-${date}` : `progress-${date}-${count}`;
  });
}

/** A day as a content file writes it: "2018-03-31" (the schema reads it as midnight UTC). */
const writtenDay = (date: Date) => date.toISOString().slice(0, 10);

/** An action's updates as its file writes them, in the file's order: the schema's dates as "2018-03-31". */
export function progressAsWritten(progress: ActionData['progress']): ProgressEntry[] {
  return progress.map((u) => ({ ...u, asAt: writtenDay(u.asAt), corrections: u.corrections.map((c) => ({ ...c, correctedOn: writtenDay(c.correctedOn) })) }));
}
