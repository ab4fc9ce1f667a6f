/**
 * Quarterly progress returns: the CSV an officer fills in a spreadsheet, read back and checked
 * row by row before anything is written. Pure functions; `scripts/progress.ts` does the files.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { longDate } from './dates.ts';
import { parseReportDate, parseStatus, PROGRESS_STATUSES, STATUS_LABELS, statusLabel } from './progress.ts';

/** One progress update as an action's file records it. */
export interface ProgressEntry {
  status: string;
  /** "2018-03-31" */
  asAt: string;
  note: string;
  reportedBy: string;
}

/** An action as the template shows it, with the updates already recorded in its file. */
export interface ReturnAction {
  edition: string;
  code: string;
  /** "Pledge statement 6: We will give you pocket money …" */
  statement: string;
  actions: string[];
  leadText: string;
  timescales: string[];
  progress: ProgressEntry[];
}

/** Columns the officer reads: where the action is and what was last reported. */
const REFERENCE_COLUMNS = ['action_id', 'edition', 'statement', 'action', 'lead', 'timescale', 'latest_status', 'latest_as_at'] as const;
/** Columns the officer fills in; a row whose status is left empty adds nothing. */
const UPDATE_COLUMNS = ['status', 'as_at', 'note', 'reported_by'] as const;
export const RETURN_COLUMNS = [...REFERENCE_COLUMNS, ...UPDATE_COLUMNS] as const;
/** What import needs from each row; the reference columns may be deleted or reordered. */
const REQUIRED_COLUMNS = ['action_id', 'edition', ...UPDATE_COLUMNS] as const;

/** Several items in one cell, on separate lines of the cell (as in the open data CSV). */
const ITEM_SEPARATOR = '\n';

/** The most recent update of a list, whatever order the file keeps them in. */
export function latestUpdate(updates: readonly ProgressEntry[]): ProgressEntry | undefined {
  return updates.reduce<ProgressEntry | undefined>((latest, u) => (!latest || u.asAt >= latest.asAt ? u : latest), undefined);
}

/** The return template: UTF-8 with a byte-order mark and CRLF line ends, so Excel and LibreOffice open it cleanly. */
export function returnTemplateCsv(actions: readonly ReturnAction[]): string {
  const rows = actions.map((a) => {
    const latest = latestUpdate(a.progress);
    return [a.code, a.edition, a.statement, a.actions.join(ITEM_SEPARATOR), a.leadText, a.timescales.join(ITEM_SEPARATOR), latest ? statusLabel(latest.status) : '', latest?.asAt ?? '', '', '', '', ''];
  });
  // A line break inside a cell must be quoted too: csv-stringify only looks for the record delimiter (CRLF).
  return stringify(rows, { bom: true, header: true, columns: [...RETURN_COLUMNS], record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

export interface ReturnRow {
  /** The row number the spreadsheet shows: the header is row 1. */
  row: number;
  cells: Record<string, string>;
}

export interface ReturnProblem {
  row: number;
  column: string;
  message: string;
}

/**
 * The separator the spreadsheet saved with: LibreOffice and Excel in many locales write ";"
 * (or a tab) where "," is the decimal mark. The header row holds only column names, so the
 * separator it uses most is the file's.
 */
function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/, 1)[0] ?? '';
  const [most] = [',', ';', '\t'].map((separator) => ({ separator, count: header.split(separator).length - 1 })).sort((a, b) => b.count - a.count);
  return most && most.count > 0 ? most.separator : ',';
}

/** "Reported by" and "reported_by" are the same column. */
const columnKey = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * Reads a return as spreadsheets save it: a byte-order mark or none, CRLF or LF, "," ";" or tab
 * separators, quoted cells with line breaks, blank rows and rows padded with empty cells.
 */
export function readReturn(text: string): { rows: ReturnRow[]; problems: ReturnProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], problems: [{ row: line ?? 1, column: '(file)', message: `the file is not readable as CSV: ${(error as Error).message}` }] };
  }
  const [header = [], ...body] = records;
  const names = header.map(columnKey);
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return { rows: [], problems: missing.map((column) => ({ row: 1, column, message: 'the column is missing from the header row (start from `npm run progress -- template`)' })) };
  }
  const rows = body.map((record, i) => ({
    row: i + 2,
    cells: Object.fromEntries(names.map((name, c) => [name, (record[c] ?? '').replace(/\r\n?/g, '\n').trim()])),
  }));
  return { rows, problems: [] };
}

export interface PlannedUpdate {
  row: number;
  edition: string;
  code: string;
  update: ProgressEntry;
}

export interface ReturnContext {
  /** Today where the officer is ("2018-04-12"): an update cannot be as at a later date. */
  today: string;
  /** Updates already recorded, by `edition/CODE`, for every action that exists. */
  recorded: ReadonlyMap<string, readonly ProgressEntry[]>;
}

export const actionKey = (edition: string, code: string) => `${edition}/${code}`;

const sameUpdate = (a: ProgressEntry, b: ProgressEntry) => a.status === b.status && a.asAt === b.asAt && a.note === b.note && a.reportedBy === b.reportedBy;

/**
 * Every problem of every row, or the updates to add when there are none. A row with an empty
 * status adds nothing; it is still refused if it carries a date or a note, which would
 * otherwise be lost without a word.
 */
export function checkReturn(rows: readonly ReturnRow[], context: ReturnContext): { updates: PlannedUpdate[]; problems: ReturnProblem[] } {
  const updates: PlannedUpdate[] = [];
  const problems: ReturnProblem[] = [];
  const editions = new Set([...context.recorded.keys()].map((key) => key.split('/')[0]));
  for (const { row, cells } of rows) {
    const problem = (column: string, message: string) => problems.push({ row, column, message });
    const value = (column: string) => cells[column] ?? '';
    if (Object.values(cells).every((cell) => cell === '')) continue;
    if (value('status') === '') {
      for (const column of ['as_at', 'note'] as const) {
        if (value(column) !== '') problem(column, `is filled in but "status" is empty: give a status, or clear "${column}"`);
      }
      continue;
    }

    const code = value('action_id').toUpperCase();
    const edition = value('edition');
    let recorded: readonly ProgressEntry[] | undefined;
    if (edition === '') problem('edition', 'is empty');
    else if (!editions.has(edition)) problem('edition', `there is no edition "${edition}"`);
    if (code === '') problem('action_id', 'is empty');
    else if (editions.has(edition)) {
      recorded = context.recorded.get(actionKey(edition, code));
      if (!recorded) problem('action_id', `there is no action "${value('action_id')}" in edition ${edition}`);
    }

    const status = parseStatus(value('status'));
    if (!status) problem('status', `"${value('status')}" is not a status on the Board's list: ${PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}`);

    let asAt: string | undefined;
    if (value('as_at') === '') problem('as_at', 'is empty: give the date the update describes, for example 31/03/2018');
    else {
      const reading = parseReportDate(value('as_at'));
      if ('error' in reading) problem('as_at', reading.error);
      else if (reading.iso > context.today) problem('as_at', `${longDate(reading.iso)} is in the future (today is ${longDate(context.today)})`);
      else asAt = reading.iso;
    }

    if (value('note') === '') problem('note', 'is empty: say what has been done, in a sentence or two');
    if (value('reported_by') === '') problem('reported_by', 'is empty: give the role or organisation reporting');

    if (!status || !asAt || !recorded || value('note') === '' || value('reported_by') === '') continue;
    const update: ProgressEntry = { status, asAt, note: value('note'), reportedBy: value('reported_by') };
    const earlier = updates.find((u) => u.edition === edition && u.code === code && sameUpdate(u.update, update));
    if (recorded.some((u) => sameUpdate(u, update))) {
      problem('status', `this update is already recorded for ${code} (${statusLabel(status)}, as at ${longDate(asAt)}): has this return been imported before?`);
    } else if (earlier) {
      problem('status', `repeats row ${earlier.row}`);
    } else {
      updates.push({ row, edition, code, update });
    }
  }
  return { updates, problems };
}

/** One line per problem, in row order then the return's column order. */
export function formatProblems(problems: readonly ReturnProblem[]): string[] {
  const columnOrder = (column: string) => {
    const index = (RETURN_COLUMNS as readonly string[]).indexOf(column);
    return index === -1 ? RETURN_COLUMNS.length : index;
  };
  return [...problems]
    .sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column))
    .map((p) => `Row ${p.row}, column "${p.column}": ${p.message}`);
}

/** "P6-A1: In progress, as at 31 March 2018, reported by Principal Manager, Fostering" */
export function describeUpdate(planned: PlannedUpdate): string {
  const { update } = planned;
  return `${planned.code}: ${statusLabel(update.status)}, as at ${longDate(update.asAt)}, reported by ${update.reportedBy}`;
}
