/**
 * Quarterly progress returns: the columns of the template an officer fills in, and each row of a
 * returned sheet checked before anything is written. Pure functions; `return-files.ts` reads the
 * file's cells, `return-template.ts` writes the workbook, `tools/progress.ts` does the files.
 */
import { longDate } from '../../src/lib/dates.ts';
import { leadsNamedIn, type LeadAliases } from '../../src/lib/leads.ts';
import { parseReportDate, parseStatus, PROGRESS_STATUSES, STATUS_LABELS, statusLabel } from '../../src/lib/progress.ts';
import { cellSerialDate, MAX_ROWS, type SheetTable, type SpreadsheetRead } from './return-files.ts';
import type { ProgressEntry } from '../../src/lib/contentSchemas.ts';

/** An action as the template shows it, with the updates already recorded in its file. */
export interface ReturnAction {
  edition: string;
  code: string;
  /** "Pledge statement 6: We will give you pocket money …" */
  statement: string;
  actions: string[];
  leadText: string;
  /** The leads credited with the action on their lead pages. */
  leads: { id: string; name: string }[];
  timescales: string[];
  progress: ProgressEntry[];
}

export interface ReturnColumn {
  /** The name import knows the column by; the CSV template before the workbook used it as the heading. */
  key: string;
  /** The heading the workbook template gives it. */
  header: string;
  /** Width in characters, to fit what the column holds. */
  width: number;
  /** True for the four columns the officer fills in; the others are the plan's words, locked. */
  input: boolean;
}

export const RETURN_COLUMNS: readonly ReturnColumn[] = [
  { key: 'action_id', header: 'Action id', width: 10, input: false },
  { key: 'edition', header: 'Edition', width: 9, input: false },
  { key: 'statement', header: 'Statement', width: 34, input: false },
  { key: 'action', header: 'Action', width: 50, input: false },
  { key: 'lead', header: 'Lead as printed', width: 22, input: false },
  { key: 'leads', header: 'Leads', width: 24, input: false },
  { key: 'timescale', header: 'Timescale', width: 14, input: false },
  { key: 'latest_status', header: 'Latest status', width: 14, input: false },
  { key: 'latest_as_at', header: 'Latest as at', width: 12, input: false },
  { key: 'status', header: 'Status', width: 20, input: true },
  { key: 'as_at', header: 'As at', width: 13, input: true },
  { key: 'note', header: 'Note', width: 60, input: true },
  { key: 'reported_by', header: 'Reported by', width: 28, input: true },
];

/** What import needs from each row; the other columns may be deleted or reordered. */
const REQUIRED_COLUMNS = ['action_id', 'edition', 'status', 'as_at', 'note', 'reported_by'] as const;

/** "Reported by", "reported_by" and "REPORTED-BY" are the same column. */
const columnKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
const KNOWN_NAMES = new Map(RETURN_COLUMNS.flatMap((c) => [[c.key, c.key] as const, [columnKey(c.header), c.key] as const]));
const headerOf = (key: string) => RETURN_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** "A" for the first column, "AA" for the 27th: as the spreadsheet labels them. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The most recent update of a list, whatever order the file keeps them in. */
export function latestUpdate(updates: readonly ProgressEntry[]): ProgressEntry | undefined {
  return updates.reduce<ProgressEntry | undefined>((latest, u) => (!latest || u.asAt >= latest.asAt ? u : latest), undefined);
}

export interface ReturnRow {
  /** The row number the spreadsheet shows: the header is row 1 in the template. */
  row: number;
  /** Each known column's text, by key: a date cell as "2018-03-31". */
  cells: Record<string, string>;
}

export interface ReturnProblem {
  row: number;
  /** The column's key ("as_at"), or "(file)". */
  column: string;
  /** What sort of problem, for summarising many: "not a status on the Board's list". */
  kind: string;
  message: string;
}

export interface UnknownColumn {
  /** "M" */
  letter: string;
  /** The heading as typed; empty for a column with no heading. */
  name: string;
  /** Rows with something in that column. */
  filledRows: number[];
}

export interface ReturnSheet {
  /** The sheet the return was read from ("Return"); empty for CSV. */
  sheet: string;
  rows: ReturnRow[];
  /** Each known column's heading as the file writes it, for naming it in messages. */
  names: Record<string, string>;
  unknownColumns: UnknownColumn[];
  problems: ReturnProblem[];
}

/**
 * The return's rows from a file read by `readSpreadsheet`: the sheet whose header row has the
 * return's columns (a workbook's instructions sheet is passed over), each cell as text. A date
 * cell in "As at" is its date; a number there, the date it stands for in the workbook's date system.
 */
export function returnSheet(read: SpreadsheetRead): ReturnSheet {
  const candidates = read.tables
    .filter((t) => t.rows.length > 0)
    .map((table) => ({ table, keys: headerKeys(table) }))
    .map((c) => ({ ...c, found: REQUIRED_COLUMNS.filter((k) => c.keys.includes(k)).length }))
    .sort((a, b) => b.found - a.found);
  const best = candidates[0];
  if (!best) return { sheet: '', rows: [], names: {}, unknownColumns: [], problems: [{ row: 1, column: '(file)', kind: 'empty file', message: 'the file holds no rows at all: fill in the template and save it again' }] };
  const { table, keys } = best;
  const [header, ...body] = table.rows;
  if (body.length > MAX_ROWS) {
    const message = `the sheet has ${body.length.toLocaleString('en-GB')} filled rows, more than a return can have (${MAX_ROWS.toLocaleString('en-GB')} at most: a return has one row per action): check it is the progress return`;
    return { sheet: table.name, rows: [], names: {}, unknownColumns: [], problems: [{ row: 1, column: '(file)', kind: 'too many rows', message }] };
  }
  const where = table.name ? ` of the sheet "${table.name}"` : '';
  const missing = REQUIRED_COLUMNS.filter((k) => !keys.includes(k));
  if (missing.length > 0) {
    const problems = missing.map((column) => ({
      row: header!.row,
      column,
      kind: 'missing column',
      message: `the column "${headerOf(column)}" is missing from the header row${where} (start from \`npm run progress -- template\`)`,
    }));
    return { sheet: table.name, rows: [], names: {}, unknownColumns: [], problems };
  }

  const names: Record<string, string> = {};
  const unknownColumns: UnknownColumn[] = [];
  keys.forEach((key, i) => {
    const name = cellText(header!.cells[i]).trim();
    if (key) names[key] ??= name;
    else unknownColumns.push({ letter: columnLetter(i), name, filledRows: body.filter((r) => cellText(r.cells[i]).trim() !== '').map((r) => r.row) });
  });
  // Columns past the header's last heading that have something in them are unknown too.
  const width = Math.max(keys.length, ...body.map((r) => r.cells.length));
  for (let i = keys.length; i < width; i++) {
    const filledRows = body.filter((r) => cellText(r.cells[i]).trim() !== '').map((r) => r.row);
    if (filledRows.length > 0) unknownColumns.push({ letter: columnLetter(i), name: '', filledRows });
  }

  const problems: ReturnProblem[] = [];
  const rows = body.map(({ row, cells }) => {
    const texts: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (!key || texts[key] !== undefined) return;
      const cell = cells[i] ?? '';
      if (typeof cell === 'string') texts[key] = cell.replace(/\r\n?/g, '\n').trim();
      else if ('date' in cell) {
        texts[key] = cell.date;
        if (key !== 'as_at' && key !== 'latest_as_at' && key !== 'timescale') {
          problems.push({ row, column: key, kind: 'date cell in a text column', message: `holds a date (${longDate(cell.date)}) where words are wanted: format the cell as Text and type the words again` });
        }
      } else texts[key] = key === 'as_at' ? (cellSerialDate(cell.number, read) ?? String(cell.number)) : String(cell.number);
    });
    return { row, cells: texts };
  });
  return { sheet: table.name, rows, names, unknownColumns, problems };
}

const cellText = (cell: SheetTable['rows'][number]['cells'][number] | undefined) => (cell === undefined ? '' : typeof cell === 'string' ? cell : 'date' in cell ? cell.date : String(cell.number));

/** Each header cell's column key, or "" where the heading is not one the return knows. */
function headerKeys(table: SheetTable): string[] {
  return (table.rows[0]?.cells ?? []).map((cell) => KNOWN_NAMES.get(columnKey(cellText(cell))) ?? '');
}

export interface PlannedUpdate {
  row: number;
  edition: string;
  code: string;
  update: ProgressEntry;
}

export interface PlannedCorrection extends PlannedUpdate {
  /** The corrected entry's place in the action file's `progress` list. */
  index: number;
  /** What the file says now. */
  before: ProgressEntry;
}

export interface KnownAction {
  /** Updates already recorded, in the file's order. */
  progress: readonly ProgressEntry[];
  /** The leads credited with the action. */
  leads: readonly { id: string; name: string }[];
}

export interface ReturnContext {
  /** Today where the officer is ("2018-04-12"): an update cannot be as at a later date. */
  today: string;
  /** Every action that exists, by `edition/CODE`. */
  actions: ReadonlyMap<string, KnownAction>;
  /** Each edition's leads with their spellings, to tell whom a "Reported by" names. */
  leads?: ReadonlyMap<string, readonly LeadAliases[]>;
  /** The web team's word that rows differing from what is recorded are corrections to make. */
  corrections?: boolean;
}

export interface CheckedReturn {
  /** New updates, to add at the end of each action's list. */
  updates: PlannedUpdate[];
  /** Corrections to make (with `corrections: true`). */
  corrections: PlannedCorrection[];
  /** Rows identical to an update already recorded: nothing to do. */
  recorded: PlannedUpdate[];
  /** Rows that repeat an earlier row of the same return word for word. */
  repeats: { row: number; of: number }[];
  /** Worth a look, but imported: a reporter who is not among the action's leads. */
  warnings: ReturnProblem[];
  /** Any one of these refuses the whole return. */
  problems: ReturnProblem[];
}

export const actionKey = (edition: string, code: string) => `${edition}/${code}`;

const sameWords = (a: ProgressEntry, b: ProgressEntry) => a.status === b.status && a.note === b.note && a.reportedBy === b.reportedBy;

/**
 * Where two texts differ, with a few words either side: `…of £5.50 a week…` and `…of £6.50 a
 * week…`, so a long note's one changed word can be seen.
 */
export function changedPart(before: string, after: string, context = 20): [string, string] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  // Whole words either side: from the first word that starts within `context` before the change.
  let from = Math.max(0, start - context);
  if (from > 0) {
    const space = before.indexOf(' ', from);
    from = space >= 0 && space < start ? space + 1 : from;
  }
  const part = (text: string) => {
    const changeEnd = text.length - end;
    let to = Math.min(text.length, changeEnd + context);
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      to = space > changeEnd ? space : to;
    }
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return [part(before), part(after)];
}

/** What differs between the recorded words and a row's: `note "old" → "new"`. */
function differences(before: ProgressEntry, after: ProgressEntry): string {
  const parts: string[] = [];
  if (before.status !== after.status) parts.push(`status ${statusLabel(before.status)} → ${statusLabel(after.status)}`);
  if (before.note !== after.note) {
    const [was, now] = changedPart(before.note, after.note);
    parts.push(`note "${was}" → "${now}"`);
  }
  if (before.reportedBy !== after.reportedBy) parts.push(`reported by "${before.reportedBy}" → "${after.reportedBy}"`);
  return parts.join('; ');
}

/**
 * Every row checked against the plan and what is recorded. A row with an empty status adds
 * nothing (it is still refused if it carries a date or a note, which would otherwise be lost
 * without a word). A row identical to a recorded update is already recorded; one for an action
 * and "as at" date already recorded, in other words, is a correction, made only with the web
 * team's word (`corrections`).
 */
export function checkReturn(rows: readonly ReturnRow[], context: ReturnContext): CheckedReturn {
  const result: CheckedReturn = { updates: [], corrections: [], recorded: [], repeats: [], warnings: [], problems: [] };
  const editions = new Set([...context.actions.keys()].map((key) => key.split('/')[0]));
  const firstRow = new Map<string, { row: number; update: ProgressEntry }>();
  for (const { row, cells } of rows) {
    const problem = (column: string, kind: string, message: string) => result.problems.push({ row, column, kind, message });
    const value = (column: string) => cells[column] ?? '';
    if (REQUIRED_COLUMNS.every((column) => value(column) === '')) continue;
    if (value('status') === '') {
      for (const column of ['as_at', 'note'] as const) {
        if (value(column) !== '') problem(column, 'filled in without a status', 'is filled in but the status is empty: give a status, or clear this cell');
      }
      continue;
    }

    const code = value('action_id').toUpperCase();
    const edition = value('edition');
    let action: KnownAction | undefined;
    if (edition === '') problem('edition', 'empty edition', 'is empty: give the edition, for example 2017-20, as the template has it');
    else if (!editions.has(edition)) problem('edition', 'no such edition', `there is no edition "${edition}": the editions are ${[...editions].join(' and ')}`);
    if (code === '') problem('action_id', 'empty action id', 'is empty: give the action id, for example P6-A1, as the template has it');
    else if (editions.has(edition)) {
      action = context.actions.get(actionKey(edition, code));
      if (!action) problem('action_id', 'no such action', `there is no action "${value('action_id')}" in edition ${edition}`);
    }

    const status = parseStatus(value('status'));
    if (!status) problem('status', 'not a status on the Board\'s list', `"${value('status')}" is not a status on the Board's list: ${PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}`);

    let asAt: string | undefined;
    if (value('as_at') === '') problem('as_at', 'empty date', 'is empty: give the date the update describes, for example 31/03/2018');
    else {
      const reading = parseReportDate(value('as_at'));
      if ('error' in reading) problem('as_at', 'not a date', reading.error);
      else if (reading.iso > context.today) problem('as_at', 'date in the future', `${longDate(reading.iso)} is in the future (today is ${longDate(context.today)})`);
      else asAt = reading.iso;
    }

    if (value('note') === '') problem('note', 'empty note', 'is empty: say what has been done, in a sentence or two');
    if (value('reported_by') === '') problem('reported_by', 'empty reporter', 'is empty: give the role or organisation reporting');

    if (!status || !asAt || !action || value('note') === '' || value('reported_by') === '') continue;
    const update: ProgressEntry = { status, asAt, note: value('note'), reportedBy: value('reported_by'), corrections: [] };
    const planned = { row, edition, code, update };

    // The same action and date twice in one return: once is enough, two wordings are a question.
    const key = `${actionKey(edition, code)}@${asAt}`;
    const earlier = firstRow.get(key);
    if (earlier) {
      if (sameWords(earlier.update, update)) result.repeats.push({ row, of: earlier.row });
      else problem('status', 'two rows for one update', `row ${earlier.row} also gives ${code} as at ${longDate(asAt)}, in other words (${differences(earlier.update, update)}): keep one of the two rows`);
      continue;
    }
    firstRow.set(key, { row, update });

    const sameDate = action.progress.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.asAt === asAt);
    if (sameDate.some(({ entry }) => sameWords(entry, update))) {
      result.recorded.push(planned);
      continue;
    }
    if (sameDate.length > 1) {
      problem('as_at', 'several updates already on that date', `${sameDate.length} updates are recorded for ${code} as at ${longDate(asAt)}, so which one this row corrects is not clear: correct the action's file by hand`);
      continue;
    }
    const recorded = sameDate[0];
    if (recorded && !context.corrections) {
      problem('note', 'correction without --corrections', `${code} as at ${longDate(asAt)} is already recorded in other words (${differences(recorded.entry, update)}). If this row corrects it, import with --corrections; if not, give the words recorded or leave the row's status empty`);
      continue;
    }
    if (recorded) result.corrections.push({ ...planned, index: recorded.index, before: recorded.entry });
    else result.updates.push(planned);

    const leadAliases = context.leads?.get(edition);
    if (leadAliases && action.leads.length > 0) {
      const named = leadsNamedIn(update.reportedBy, leadAliases);
      if (!action.leads.some((lead) => named.includes(lead.id))) {
        result.warnings.push({
          row,
          column: 'reported_by',
          kind: 'reporter not among the leads',
          message: `"${update.reportedBy}" is not one of ${code}'s leads (${action.leads.map((l) => l.name).join('; ')}): imported as given; check that the row is for the right action`,
        });
      }
    }
  }
  return result;
}

/** Problems listed one a line up to this many; past it, summarised by kind. */
const LIST_ALL_UP_TO = 10;
/** How many rows of each kind a summary shows. */
const FIRST_OF_KIND = 3;

const count = (n: number, thing: string) => `${n.toLocaleString('en-GB')} ${thing}${n === 1 ? '' : 's'}`;

/**
 * One line per problem, in row order then the return's column order, naming each column as the
 * file heads it. Past a handful, grouped by kind: how many rows, the first few, and the last row.
 */
export function formatProblems(problems: readonly ReturnProblem[], names: Record<string, string> = {}): string[] {
  const columnOrder = (column: string) => {
    const index = RETURN_COLUMNS.findIndex((c) => c.key === column);
    return index === -1 ? RETURN_COLUMNS.length : index;
  };
  const line = (p: ReturnProblem) => (p.column === '(file)' ? `Row ${p.row}: ${p.message}` : `Row ${p.row}, column "${names[p.column] ?? headerOf(p.column)}": ${p.message}`);
  const sorted = [...problems].sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  if (sorted.length <= LIST_ALL_UP_TO) return sorted.map(line);

  const kinds = new Map<string, ReturnProblem[]>();
  for (const p of sorted) kinds.set(p.kind, [...(kinds.get(p.kind) ?? []), p]);
  return [...kinds].flatMap(([kind, ofKind]) => {
    const rows = [...new Set(ofKind.map((p) => p.row))];
    const shown = ofKind.slice(0, FIRST_OF_KIND);
    const more = ofKind.length - shown.length;
    return [
      `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${count(rows.length, 'row')}${more > 0 ? `, the first ${FIRST_OF_KIND} shown` : ''}:`,
      ...shown.map((p) => `  ${line(p)}`),
      ...(more > 0 ? [`  … and ${count(more, 'more problem')} of this kind, the last in row ${rows.at(-1)!.toLocaleString('en-GB')}`] : []),
    ];
  });
}

/** "P6-A1: In progress, as at 31 March 2018, reported by Principal Manager, Fostering" */
export function describeUpdate(planned: PlannedUpdate): string {
  const { update } = planned;
  return `${planned.code}: ${statusLabel(update.status)}, as at ${longDate(update.asAt)}, reported by ${update.reportedBy}`;
}

/** "P6-A1 as at 31 March 2018: note "…" → "…"" */
export function describeCorrection(planned: PlannedCorrection): string {
  return `${planned.code} as at ${longDate(planned.update.asAt)}: ${differences(planned.before, planned.update)}`;
}

/** The characters past ASCII in the text a return adds, to be checked when it was read from a legacy encoding. */
export function nonAsciiCharacters(updates: readonly PlannedUpdate[]): string[] {
  const found = new Set<string>();
  for (const { update } of updates) for (const char of `${update.note}${update.reportedBy}`) if (char.codePointAt(0)! > 0x7e) found.add(char);
  return [...found];
}

