/**
 * Progress returns as they come back: every kind of file a spreadsheet saves (the fixtures of
 * tests/fixtures/returns/, saved by LibreOffice: see its README), read by its content and
 * checked against the real action plan. What each fixture should give is what typed.json says
 * the officer typed, and the row numbers are computed from the template the officer filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ProgressEntry } from '../../src/lib/contentSchemas.ts';
import { actionKey, changedPart, checkReturn, columnLetter, formatProblems, returnSheet, type CheckedReturn, type ReturnSheet } from '../../tools/lib/progress-returns.ts';
import { parseStatus } from '../../src/lib/progress.ts';
import { MAX_FILE_BYTES, MAX_ROWS, MAX_UNZIPPED_BYTES, readSpreadsheet, type SpreadsheetRead } from '../../tools/lib/return-files.ts';
import { readActions, readLeads } from '../../tools/lib/action-files.ts';
import { ROOT } from '../helpers/dist.ts';
import { EDITIONS_DIR, editionSlugs } from '../helpers/content.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/returns');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

interface Typed {
  edition: string;
  today: string;
  updates: Record<string, { code: string; status: string; asAt: string; typed: 'date' | 'text'; note: string; reportedBy: string }>;
  returns: { file: string; template: string; saved: string; rows: string[]; extraColumn?: { heading: string; code: string; text: string } }[];
}
const TYPED = JSON.parse(readFileSync(join(FIXTURES, 'typed.json'), 'utf8')) as Typed;
const TODAY = TYPED.today;

/** The real plan, with whatever updates a test says are already recorded (and none otherwise: published progress must not change what a fixture gives). */
const allActions = editionSlugs().flatMap((edition) => readActions(EDITIONS_DIR, edition));
const leads = new Map(editionSlugs().map((edition) => [edition, readLeads(EDITIONS_DIR, edition)]));
function context(recorded: Record<string, ProgressEntry[]> = {}, corrections = false) {
  return { today: TODAY, corrections, leads, actions: new Map(allActions.map((a) => [actionKey(a.edition, a.code), { leads: a.leads, progress: recorded[a.code] ?? [] }])) };
}

/** A typed update as the action file records it. */
const entry = (key: string): ProgressEntry => {
  const t = TYPED.updates[key]!;
  return { status: parseStatus(t.status)!, asAt: t.asAt, note: t.note, reportedBy: t.reportedBy, corrections: [] };
};
/** The spreadsheet row of an action in a lead's template: the header is row 1, then the lead's actions in plan order. */
const templateRow = (lead: string, code: string) => allActions.filter((a) => a.edition === TYPED.edition && a.leads.some((l) => l.id === lead)).findIndex((a) => a.code === code) + 2;

async function read(name: string): Promise<{ file: SpreadsheetRead; sheet: ReturnSheet }> {
  const file = await readSpreadsheet(bytes(name));
  if ('refused' in file) throw new Error(`${name} was refused: ${file.refused}`);
  return { file, sheet: returnSheet(file) };
}
async function check(name: string, recorded: Record<string, ProgressEntry[]> = {}, corrections = false): Promise<CheckedReturn & { sheet: ReturnSheet }> {
  const { sheet } = await read(name);
  return { ...checkReturn(sheet.rows, context(recorded, corrections)), sheet };
}

const KINDS: Record<string, { kind: SpreadsheetRead['kind']; decodedFrom?: string; sheet: string }> = {
  xlsx: { kind: 'xlsx', sheet: 'Return' },
  ods: { kind: 'ods', sheet: 'Return' },
  'csv-utf-8': { kind: 'csv', sheet: '' },
  'csv-utf-8-bom': { kind: 'csv', sheet: '' },
  'csv-windows-1252': { kind: 'csv', decodedFrom: 'Windows-1252', sheet: '' },
};

describe.each(TYPED.returns)('$file (filled in LibreOffice from the $template template, saved as $saved)', (spec) => {
  it('is read as what it is, from the sheet "Return", with no problem', async () => {
    const { file, sheet } = await read(spec.file);
    const expected = KINDS[spec.saved]!;
    expect(file.kind).toBe(expected.kind);
    expect(file.decodedFrom).toBe(expected.decodedFrom);
    expect(sheet.sheet).toBe(expected.sheet);
    expect(sheet.problems).toEqual([]);
  });

  it('gives exactly what was typed, every character kept, with the spreadsheet row numbers', async () => {
    const checked = await check(spec.file);
    expect(checked.problems).toEqual([]);
    const expected = spec.rows.map((key) => ({ row: templateRow(spec.template, TYPED.updates[key]!.code), edition: TYPED.edition, code: TYPED.updates[key]!.code, update: entry(key) })).sort((a, b) => a.row - b.row);
    expect(checked.updates).toEqual(expected);
    for (const { update } of checked.updates) expect(`${update.note}${update.reportedBy}`).not.toContain('\uFFFD');
  });

  it('keeps a date typed into a date cell as that date', async () => {
    const { file } = await read(spec.file);
    const table = file.tables.find((t) => t.name === KINDS[spec.saved]!.sheet)!;
    const asAtColumn = table.rows[0]!.cells.findIndex((c) => c === 'As at');
    for (const key of spec.rows) {
      const typed = TYPED.updates[key]!;
      const cell = table.rows.find((r) => r.cells[0] === typed.code)!.cells[asAtColumn];
      // A CSV holds the date as the words the cell showed; a workbook holds a date cell as a date.
      if (file.kind === 'csv') expect(cell).toMatch(/^\d\d\/\d\d\/\d{4}$/);
      else expect(cell).toEqual(typed.typed === 'date' ? { date: typed.asAt } : typed.asAt.split('-').reverse().join('/'));
    }
  });
});

describe('the same return saved three ways', () => {
  it('Windows-1252, UTF-8 and UTF-8 with a byte-order mark give the same updates', async () => {
    const [ansi, utf8, bom] = await Promise.all(['irm-q1-windows-1252.csv', 'irm-q1-utf8.csv', 'irm-q1-utf8-bom.csv'].map((f) => check(f)));
    expect(ansi!.updates).toEqual(utf8!.updates);
    expect(bom!.updates).toEqual(utf8!.updates);
    expect(readFileSync(join(FIXTURES, 'irm-q1-windows-1252.csv'))).not.toEqual(readFileSync(join(FIXTURES, 'irm-q1-utf8.csv')));
  });

  it('imported once, the others are already recorded: nothing to add, nothing refused', async () => {
    const recorded = { 'P4-A3': [entry('P4-A3 Q1')], 'P8-A3': [entry('P8-A3 Q1')] };
    for (const file of ['irm-q1-utf8.csv', 'irm-q1-utf8-bom.csv', 'irm-q1-windows-1252.csv']) {
      const checked = await check(file, recorded);
      expect(checked.problems).toEqual([]);
      expect(checked.updates).toEqual([]);
      expect(checked.recorded.map((r) => r.code)).toEqual(['P4-A3', 'P8-A3']);
    }
  });
});

describe('resends and corrections', () => {
  const q1 = { 'P6-A1': [entry('P6-A1 Q1')], 'P4-A2': [entry('P4-A2 Q1')] };

  it('a resend with one new row: the rows already recorded are skipped, the new one added', async () => {
    const checked = await check('ciccl-q1-resend.xlsx', q1);
    expect(checked.problems).toEqual([]);
    expect(checked.recorded.map((r) => r.code).sort()).toEqual(['P4-A2', 'P6-A1']);
    expect(checked.updates.map((u) => u.code)).toEqual(['P9-A1']);
  });

  it('a row for a recorded action and date in other words is refused, naming what changed and the way to correct it', async () => {
    const checked = await check('ciccl-q1-correction.xlsx', { ...q1, 'P9-A1': [entry('P9-A1 Q1')] });
    expect(checked.updates).toEqual([]);
    expect(formatProblems(checked.problems, checked.sheet.names)).toEqual([
      `Row ${templateRow('principal-manager-ciccl', 'P6-A1')}, column "Note": P6-A1 as at 31 December 2017 is already recorded in other words (note "…pocket money of £5.50 a week agreed –…" → "…pocket money of £6.50 a week agreed –…"). If this row corrects it, import with --corrections; if not, give the words recorded or leave the row's status empty`,
    ]);
  });

  it('with the web team\'s word (--corrections), the row corrects that update, keeping its place in the file', async () => {
    const recorded = { ...q1, 'P6-A1': [entry('P6-A1 Q1'), entry('P6-A1 Q2')], 'P9-A1': [entry('P9-A1 Q1')] };
    const checked = await check('ciccl-q1-correction.xlsx', recorded, true);
    expect(checked.problems).toEqual([]);
    expect(checked.corrections).toEqual([{ row: templateRow('principal-manager-ciccl', 'P6-A1'), edition: '2017-20', code: 'P6-A1', index: 0, before: entry('P6-A1 Q1'), update: entry('P6-A1 Q1 corrected') }]);
    expect(checked.recorded.map((r) => r.code).sort()).toEqual(['P4-A2', 'P9-A1']);
  });

  it('two rows of one return for the same action and date: word for word counted once, in other words refused', () => {
    const good = { action_id: 'P4-A2', edition: '2017-20', status: 'Complete', as_at: '31/03/2018', note: 'Fixture', reported_by: 'Principal Manager, CiCCL' };
    const same = checkReturn([{ row: 2, cells: good }, { row: 3, cells: good }], context());
    expect([same.updates.length, same.repeats, same.problems]).toEqual([1, [{ row: 3, of: 2 }], []]);
    const other = checkReturn([{ row: 2, cells: good }, { row: 3, cells: { ...good, note: 'Fixture, reworded' } }], context());
    expect(formatProblems(other.problems)).toEqual(['Row 3, column "Status": row 2 also gives P4-A2 as at 31 March 2018, in other words (note "Fixture" → "Fixture, reworded"): keep one of the two rows']);
  });

  it('an action with two updates already on that date cannot be corrected by a return', () => {
    const row = { action_id: 'P4-A2', edition: '2017-20', status: 'Complete', as_at: '31/03/2018', note: 'Fixture: new', reported_by: 'Principal Manager, CiCCL' };
    const twice = { 'P4-A2': [{ ...entry('P4-A2 Q1'), asAt: '2018-03-31' }, { ...entry('P4-A2 Q1'), asAt: '2018-03-31', note: 'Fixture: other' }] };
    expect(formatProblems(checkReturn([{ row: 2, cells: row }], context(twice, true)).problems)).toEqual([
      'Row 2, column "As at": 2 updates are recorded for P4-A2 as at 31 March 2018, so which one this row corrects is not clear: correct the action\'s file by hand',
    ]);
  });

  it('changedPart shows where a long note changed', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    expect(changedPart(`${words(30)} paid £5.50 a week ${words(30)}`, `${words(30)} paid £6.50 a week ${words(30)}`)).toEqual(['…word29 paid £5.50 a week word0…', '…word29 paid £6.50 a week word0…']);
    expect(changedPart('Fixture: done.', 'Fixture: done, and more.')).toEqual(['Fixture: done.', 'Fixture: done, and more.']);
  });
});

describe('columns and reporters', () => {
  it('a column that is not the return\'s is named, with the rows that have something in it', async () => {
    const { sheet } = await read('ciccl-q1-extra-column.xlsx');
    const spec = TYPED.returns.find((r) => r.extraColumn)!;
    expect(sheet.unknownColumns).toEqual([{ letter: 'N', name: spec.extraColumn!.heading, filledRows: [templateRow(spec.template, spec.extraColumn!.code)] }]);
  });

  it('a reporter who is not among the action\'s leads is a warning, and the update is still added', async () => {
    const checked = await check('irm-q1-utf8.csv');
    expect(checked.updates.map((u) => u.code)).toEqual(['P4-A3', 'P8-A3']);
    const p8a3 = allActions.find((a) => a.code === 'P8-A3' && a.edition === '2017-20')!;
    expect(formatProblems(checked.warnings, checked.sheet.names)).toEqual([
      `Row ${templateRow('irm-service', 'P8-A3')}, column "Reported by": "Fixture reporter" is not one of P8-A3's leads (${p8a3.leads.map((l) => l.name).join('; ')}): imported as given; check that the row is for the right action`,
    ]);
  });

  it('columnLetter names columns as spreadsheets do', () => {
    expect([0, 13, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'N', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe.each([
  {
    file: 'excel-bom-crlf.csv',
    saved: 'the CSV template sent out before the workbooks, in Excel\'s "CSV UTF-8": byte-order mark, CRLF, a CRLF inside a quoted cell, blank rows, a reporter with no status',
    expected: [
      { row: 2, code: 'P4-A2', update: { status: 'complete', asAt: '2018-03-31', note: 'Fixture: contact plans reviewed at every looked after review.', reportedBy: 'Fixture officer, CiCCL' } },
      { row: 5, code: 'P6-A1', update: { status: 'in-progress', asAt: '2018-03-31', note: 'Fixture: pocket money discussed at placement.\nSavings accounts opened for most children.', reportedBy: 'Fixture officer, Fostering' } },
    ],
  },
  ...['libreoffice-en-gb.csv', 'libreoffice-semicolons.csv'].map((file) => ({
    file,
    saved: 'the CSV template sent out before the workbooks, saved by LibreOffice 7.4 in English (UK): no byte-order mark, LF, dates as 31/03/18, timescales turned into dates, a blank row of separators',
    expected: [
      { row: 18, code: 'P4-A2', update: { status: 'complete', asAt: '2018-03-31', note: 'Fixture: contact plans reviewed; "regular" means every six months.', reportedBy: 'Fixture officer, CiCCL' } },
      { row: 22, code: 'P6-A1', update: { status: 'in-progress', asAt: '2018-03-31', note: 'Fixture: pocket money discussed at placement.\nSavings accounts opened for most children.', reportedBy: 'Fixture officer, Fostering' } },
    ],
  })),
])('$file ($saved)', ({ file, expected }) => {
  it('still imports: exactly its updates, with the spreadsheet row numbers', async () => {
    const checked = await check(file);
    expect(checked.sheet.problems).toEqual([]);
    expect(checked.sheet.unknownColumns).toEqual([]);
    expect(checked.problems).toEqual([]);
    expect(checked.updates).toEqual(expected.map((e) => ({ ...e, edition: '2017-20', update: { ...e.update, corrections: [] } })));
  });
});

describe('a return with a problem is refused whole, every problem named by row and column', () => {
  async function problemsOf(file: string, recorded: Record<string, ProgressEntry[]> = {}) {
    const checked = await check(file, recorded);
    return formatProblems([...checked.sheet.problems, ...checked.problems], checked.sheet.names);
  }

  it('every-problem.csv: unknown action, status off the list, no such date, a future date, no reporter, a recorded update reworded, a note without a status', async () => {
    const recorded: Record<string, ProgressEntry[]> = { 'P6-A1': [{ status: 'in-progress', asAt: '2017-12-31', note: 'Fixture: pocket money discussed at placement in most new placements.', reportedBy: 'Fixture reporter, earlier', corrections: [] }] };
    expect(await problemsOf('every-problem.csv', recorded)).toEqual([
      'Row 2, column "action_id": there is no action "P13-A1" in edition 2017-20',
      'Row 3, column "status": "Nearly done" is not a status on the Board\'s list: Not started, In progress, At risk, Complete, No longer applicable',
      'Row 4, column "as_at": "30/02/2018" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      'Row 5, column "as_at": 1 January 2030 is in the future (today is 20 April 2018)',
      'Row 6, column "reported_by": is empty: give the role or organisation reporting',
      'Row 7, column "note": P6-A1 as at 31 December 2017 is already recorded in other words (reported by "Fixture reporter, earlier" → "Fixture reporter"). If this row corrects it, import with --corrections; if not, give the words recorded or leave the row\'s status empty',
      'Row 8, column "as_at": is filled in but the status is empty: give a status, or clear this cell',
      'Row 8, column "note": is filled in but the status is empty: give a status, or clear this cell',
    ]);
  });

  it('libreoffice-en-us-dates.csv: dates saved month first are not read as other dates', async () => {
    expect(await problemsOf('libreoffice-en-us-dates.csv')).toEqual([
      'Row 18, column "as_at": "03/31/18" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      'Row 22, column "as_at": "03/31/18" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
    ]);
  });

  it('missing-columns.csv: a header without the columns to fill in', async () => {
    expect(await problemsOf('missing-columns.csv')).toEqual([
      'Row 1, column "Note": the column "Note" is missing from the header row (start from `npm run progress -- template`)',
      'Row 1, column "Reported by": the column "Reported by" is missing from the header row (start from `npm run progress -- template`)',
    ]);
  });

  it('an unknown edition and empty cells', () => {
    const good = { action_id: 'p4-a2', edition: '2017-20', status: 'complete', as_at: '2018-03-31', note: 'Fixture', reported_by: 'Principal Manager, CiCCL' };
    const checked = checkReturn([{ row: 2, cells: good }, { row: 3, cells: { ...good, edition: '2019-22' } }, { row: 4, cells: { ...good, action_id: '', as_at: '', note: '' } }], context());
    expect(checked.updates.map((u) => [u.row, u.code])).toEqual([[2, 'P4-A2']]);
    expect(formatProblems(checked.problems)).toEqual([
      `Row 3, column "Edition": there is no edition "2019-22": the editions are ${editionSlugs().join(' and ')}`,
      'Row 4, column "Action id": is empty: give the action id, for example P6-A1, as the template has it',
      'Row 4, column "As at": is empty: give the date the update describes, for example 31/03/2018',
      'Row 4, column "Note": is empty: say what has been done, in a sentence or two',
    ]);
  });

  it('a date cell where words are wanted is refused, not turned into text nobody typed', () => {
    const read: SpreadsheetRead = { kind: 'xlsx', readAs: 'an Excel workbook (.xlsx)', date1904: false, tables: [{ name: 'Return', rows: [{ row: 1, cells: ['Action id', 'Edition', 'Status', 'As at', 'Note', 'Reported by'] }, { row: 2, cells: ['P4-A2', '2017-20', 'Complete', { number: 43190 }, { date: '2018-03-01' }, 'Principal Manager, CiCCL'] }] }] };
    const sheet = returnSheet(read);
    expect(sheet.rows[0]!.cells['as_at']).toBe('2018-03-31');
    expect(formatProblems(sheet.problems, sheet.names)).toEqual(['Row 2, column "Note": holds a date (1 March 2018) where words are wanted: format the cell as Text and type the words again']);
  });
});

describe('files that are not returns, refused in one sentence naming what they are', () => {
  const refusal = async (data: Uint8Array) => {
    const result = await readSpreadsheet(data);
    return 'refused' in result ? result.refused : `read as ${result.readAs}`;
  };
  const zipOf = async (files: Record<string, string | Uint8Array>) => {
    const zip = new JSZip();
    for (const [name, content] of Object.entries(files)) zip.file(name, content);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };

  it.each([
    ['not-a-spreadsheet.csv (a PNG screenshot renamed)', () => bytes('not-a-spreadsheet.csv'), /^is a PNG image, not a spreadsheet: send the progress return itself/],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n'), /^is a PDF document, not a spreadsheet/],
    ['an Excel 97-2003 workbook', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^is an Excel 97-2003 workbook \(\.xls\) or a workbook protected with a password/],
    ['a Word document', () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }), /^is a Word document, not a spreadsheet/],
    ['an OpenDocument text', () => zipOf({ mimetype: 'application/vnd.oasis.opendocument.text' }), /^is an OpenDocument text file, not a spreadsheet/],
    ['a zip of something else', () => zipOf({ 'notes.txt': 'hello' }), /^is a zip archive with no spreadsheet in it/],
    ['an empty file', () => new Uint8Array(0), /^is empty/],
    ['an HTML page', () => new TextEncoder().encode('<!DOCTYPE html><html><body>return</body></html>'), /^is an XML or web page file/],
    ['binary that is no known type', () => new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x42]), /^is not a spreadsheet or CSV text \(it holds binary data\)/],
    ['text in neither UTF-8 nor Windows-1252', () => new Uint8Array([...new TextEncoder().encode('action_id,note\nP4-A2,'), 0x81, 0x8d]), /^is text in neither UTF-8 nor Windows-1252.*CSV UTF-8/],
    ['CSV broken by an unclosed quote', () => new TextEncoder().encode('action_id,edition\nP4-A2,"2017-20,unclosed\n'), /^is not readable as CSV \(line \d+: .*\): save it as/],
  ])('%s', async (_name, make, expected) => {
    const reason = await refusal(await make());
    expect(reason).toMatch(expected);
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason.length).toBeLessThan(300);
  });

  it(`a file over ${MAX_FILE_BYTES / 1024 / 1024} MB, or a workbook that unpacks to over ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`, async () => {
    expect(await refusal(new Uint8Array(MAX_FILE_BYTES + 1).fill(0x41))).toMatch(/^is 5\.0 MB, more than a return can be \(5\.0 MB at most\)/);
    const bomb = await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': new Uint8Array(MAX_UNZIPPED_BYTES + 1) });
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    expect(await refusal(bomb)).toMatch(/^unpacks to 50\.0 MB, more than a return can hold/);
  });

  it('UTF-16 text (Excel\'s "Unicode Text", tab-separated) is read as such', async () => {
    const text = 'Action id\tEdition\tStatus\tAs at\tNote\tReported by\nP4-A2\t2017-20\tComplete\t31/03/2018\tFixture: £5 – “ok”\tPrincipal Manager, CiCCL\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const result = await readSpreadsheet(utf16);
    expect('refused' in result ? result.refused : result.decodedFrom).toBe('UTF-16');
    const checked = checkReturn(returnSheet(result as SpreadsheetRead).rows, context());
    expect(checked.updates.map((u) => u.update.note)).toEqual(['Fixture: £5 – “ok”']);
  });
});

describe('limits and many problems', () => {
  const header = 'action_id,edition,status,as_at,note,reported_by';
  const csv = (rows: string[]) => new TextEncoder().encode([header, ...rows].join('\n'));

  it(`a return of more than ${MAX_ROWS.toLocaleString('en-GB')} filled rows is refused in one line`, async () => {
    const result = (await readSpreadsheet(csv(Array.from({ length: MAX_ROWS + 1 }, (_, i) => `P4-A2,2017-20,Complete,31/03/2018,Fixture ${i},r`)))) as SpreadsheetRead;
    expect(formatProblems(returnSheet(result).problems)).toEqual([`Row 1: the sheet has ${(MAX_ROWS + 1).toLocaleString('en-GB')} filled rows, more than a return can have (${MAX_ROWS.toLocaleString('en-GB')} at most: a return has one row per action): check it is the progress return`]);
  });

  it('past ten problems they are summarised by kind: how many rows, the first three, and the last row', async () => {
    const rows = [...Array.from({ length: 400 }, () => 'P4-A2,2017-20,Nearly done,31/03/2018,n,r'), ...Array.from({ length: 5 }, () => 'P99-A1,2017-20,Complete,31/03/2018,n,r')];
    const read = (await readSpreadsheet(csv(rows))) as SpreadsheetRead;
    const sheet = returnSheet(read);
    const lines = formatProblems(checkReturn(sheet.rows, context()).problems, sheet.names);
    const status = '"Nearly done" is not a status on the Board\'s list: Not started, In progress, At risk, Complete, No longer applicable';
    expect(lines).toEqual([
      'Not a status on the Board\'s list: 400 rows, the first 3 shown:',
      `  Row 2, column "status": ${status}`,
      `  Row 3, column "status": ${status}`,
      `  Row 4, column "status": ${status}`,
      '  … and 397 more problems of this kind, the last in row 401',
      'No such action: 5 rows, the first 3 shown:',
      '  Row 402, column "action_id": there is no action "P99-A1" in edition 2017-20',
      '  Row 403, column "action_id": there is no action "P99-A1" in edition 2017-20',
      '  Row 404, column "action_id": there is no action "P99-A1" in edition 2017-20',
      '  … and 2 more problems of this kind, the last in row 406',
    ]);
  });
});
