/**
 * The return template, read back with exceljs (which wrote it) and, where LibreOffice is
 * installed, opened by LibreOffice itself and read from the OpenDocument it saves: the sheets,
 * the drop-down of statuses, date cells, locked reference columns, frozen header and widths.
 * Which actions a lead's workbook holds is computed from the content, as its lead page does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_STATUSES, STATUS_LABELS, STATUS_MEANINGS } from '../../src/lib/progress.ts';
import { checkReturn, returnSheet, RETURN_COLUMNS } from '../../tools/lib/progress-returns.ts';
import { readSpreadsheet, type SpreadsheetRead } from '../../tools/lib/return-files.ts';
import { INSTRUCTIONS_SHEET, RETURN_SHEET, returnTemplateXlsx } from '../../tools/lib/return-template.ts';
import { readActions, readEdition, readLeads } from '../../tools/lib/action-files.ts';
import type { ProgressEntry } from '../../src/lib/contentSchemas.ts';
import { EDITIONS_DIR } from '../helpers/content.ts';

const EDITION = '2017-20';
const LEAD = 'principal-manager-ciccl';
const actions = readActions(EDITIONS_DIR, EDITION);
const lead = readLeads(EDITIONS_DIR, EDITION).find((l) => l.id === LEAD)!;
/** The actions the lead page lists: those whose `leads` name the lead. */
const credited = actions.filter((a) => a.leads.some((l) => l.id === LEAD));
const { title, startYear } = readEdition(EDITIONS_DIR, EDITION);
const statusLabels = PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]);
const column = (key: string) => RETURN_COLUMNS.findIndex((c) => c.key === key) + 1;

let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;
let sheet: ExcelJS.Worksheet;

beforeAll(async () => {
  bytes = await returnTemplateXlsx({ edition: EDITION, editionTitle: title, startYear, leadName: lead.name, actions: credited });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  sheet = workbook.getWorksheet(RETURN_SHEET)!;
});

describe(`the workbook for ${LEAD} (${EDITION}), read back with exceljs`, () => {
  it('holds exactly the actions credited to the lead, in plan order, under the template\'s headings', () => {
    expect(credited.length).toBeGreaterThan(credited.filter((a) => a.leadText === lead.name).length);
    expect(sheet.getRow(1).values).toEqual([undefined, ...RETURN_COLUMNS.map((c) => c.header)]);
    expect(sheet.rowCount).toBe(credited.length + 1);
    credited.forEach((action, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(column('action_id')).value).toBe(action.code);
      expect(row.getCell(column('lead')).value).toBe(action.leadText);
      expect(String(row.getCell(column('leads')).value).split('\n')).toEqual(action.leads.map((l) => l.name));
      expect(String(row.getCell(column('leads')).value)).toContain(lead.name);
      expect(row.getCell(column('action')).value).toBe(action.actions.join('\n'));
      for (const key of ['status', 'as_at', 'note', 'reported_by']) expect(row.getCell(column(key)).value ?? null).toBeNull();
    });
  });

  it('opens on a first sheet of instructions: what to fill in, each status and what it means, dates, what happens to the file', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual([INSTRUCTIONS_SHEET, RETURN_SHEET]);
    // A paragraph is one cell merged across both columns, which exceljs reads as the same text twice.
    const rows = workbook.getWorksheet(INSTRUCTIONS_SHEET)!.getSheetValues().filter(Boolean).map((r) => [...new Set((r as unknown[]).filter(Boolean).map(String))]);
    const text = rows.map((r) => r.join(' | ')).join('\n');
    expect(text).toContain(`Progress return: ${lead.name}`);
    expect(text).toContain(`the ${credited.length} actions that ${lead.name} leads or shares the lead for`);
    for (const heading of ['What to fill in', 'The statuses', 'Dates', 'What happens to this file']) expect(rows).toContainEqual([heading]);
    for (const status of PROGRESS_STATUSES) expect(rows).toContainEqual([STATUS_LABELS[status], STATUS_MEANINGS[status]]);
    for (const cell of ['Status', 'As at', 'Note', 'Reported by']) expect(rows.some((r) => r[0] === cell && r[1]!.length > 20)).toBe(true);
  });

  it('has a drop-down of the Board\'s statuses on every "Status" cell and date validation on every "As at" cell, and none on the plan\'s words', () => {
    for (let row = 2; row <= credited.length + 1; row++) {
      expect(sheet.getCell(row, column('status')).dataValidation).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true, errorStyle: 'stop', formulae: [`"${statusLabels.join(',')}"`] });
      expect(sheet.getCell(row, column('as_at')).dataValidation).toMatchObject({ type: 'date', operator: 'between', showErrorMessage: true, formulae: [new Date(Date.UTC(startYear, 0, 1)), new Date(Date.UTC(2099, 11, 31))] });
      expect(sheet.getCell(row, column('as_at')).numFmt).toBe('dd/mm/yyyy');
      for (const c of RETURN_COLUMNS.filter((c) => !c.input)) expect(sheet.getCell(row, column(c.key)).dataValidation).toBeUndefined();
    }
  });

  it('locks the plan\'s words (sheet protection, no password) and leaves the four cells to fill in unlocked', () => {
    // exceljs reads the protection back but leaves it out of its typings.
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true, autoFilter: true });
    expect(protection['algorithmName']).toBeUndefined();
    expect(protection['insertRows']).not.toBe(true);
    for (let row = 2; row <= credited.length + 1; row++) {
      for (const c of RETURN_COLUMNS) expect(sheet.getCell(row, column(c.key)).protection?.locked ?? true, `${c.key} of row ${row}`).toBe(!c.input);
    }
  });

  it('freezes the header row (and the id column), wraps text, and gives each column its width', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(sheet.columns.map((c) => c.width)).toEqual(RETURN_COLUMNS.map((c) => c.width));
    expect(sheet.getCell(2, column('action')).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    // Rows are tall enough for their longest cell: Excel does not size rows to text it did not type.
    const longest = credited.findIndex((a) => a.actions.join('\n').length > 200);
    if (longest >= 0) expect(sheet.getRow(longest + 2).height).toBeGreaterThan(30);
  });

  it('is read by the import as a return with nothing to add, whatever its name', async () => {
    const read = (await readSpreadsheet(bytes)) as SpreadsheetRead;
    expect(read.kind).toBe('xlsx');
    const rows = returnSheet(read);
    expect([rows.sheet, rows.problems, rows.unknownColumns, rows.rows.length]).toEqual([RETURN_SHEET, [], [], credited.length]);
    const checked = checkReturn(rows.rows, { today: '2018-04-20', actions: new Map() });
    expect([checked.updates, checked.problems]).toEqual([[], []]);
  });

  it('shows each action\'s latest status already reported, and its date as a date cell', async () => {
    const progress: ProgressEntry[] = [
      { status: 'complete', asAt: '2018-03-31', note: 'n', reportedBy: 'r', corrections: [] },
      { status: 'in-progress', asAt: '2017-12-31', note: 'n', reportedBy: 'r', corrections: [] },
    ];
    const [first, ...rest] = credited;
    const withProgress = await returnTemplateXlsx({ edition: EDITION, editionTitle: title, startYear, leadName: lead.name, actions: [{ ...first!, progress }, ...rest] });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(withProgress) as unknown as ExcelJS.Buffer);
    const row = book.getWorksheet(RETURN_SHEET)!.getRow(2);
    expect([row.getCell(column('latest_status')).value, row.getCell(column('latest_as_at')).value]).toEqual(['Complete', new Date('2018-03-31T00:00:00Z')]);
    expect(book.getWorksheet(RETURN_SHEET)!.getRow(3).getCell(column('latest_status')).value ?? '').toBe('');
  });
});

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!SOFFICE) console.log('LibreOffice (soffice) is not installed here: skipped opening the template with it.');

describe.skipIf(!SOFFICE)('the same workbook opened by LibreOffice (soffice --headless --convert-to ods)', () => {
  const work = mkdtempSync(join(tmpdir(), 'template-lo-'));
  let content = '';
  let ods: Uint8Array;

  beforeAll(async () => {
    writeFileSync(join(work, 'template.xlsx'), bytes);
    const run = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'ods', '--outdir', work, join(work, 'template.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    ods = new Uint8Array(readFileSync(join(work, 'template.ods')));
    content = await (await JSZip.loadAsync(ods)).file('content.xml')!.async('string');
  }, 150_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the sheets, the protection of "Return" and the unlocked cells to fill in', () => {
    expect([...content.matchAll(/<table:table table:name="([^"]+)"([^>]*)>/g)].map((m) => [m[1], /table:protected="true"/.test(m[2]!)])).toEqual([
      [INSTRUCTIONS_SHEET, false],
      [RETURN_SHEET, true],
    ]);
    expect(content).toMatch(/style:cell-protect="none"/);
  });

  it('keeps the drop-down of statuses and the date validation', () => {
    const conditions = [...content.matchAll(/<table:content-validation [^>]*table:condition="([^"]+)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
    expect(conditions).toContain(`of:cell-content-is-in-list(${statusLabels.map((s) => `"${s}"`).join(';')})`);
    expect(conditions.some((c) => /cell-content-is-date\(\) and cell-content-is-between/.test(c))).toBe(true);
  });

  it('saves a spreadsheet the import reads back whole', async () => {
    const read = (await readSpreadsheet(ods)) as SpreadsheetRead;
    expect(read.kind).toBe('ods');
    const rows = returnSheet(read);
    expect([rows.problems, rows.rows.map((r) => r.cells['action_id'])]).toEqual([[], credited.map((a) => a.code)]);
    expect(rows.rows.map((r) => r.cells['action'])).toEqual(credited.map((a) => a.actions.join('\n')));
  });
});
