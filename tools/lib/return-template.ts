/**
 * The progress return template as an Excel workbook (exceljs), one per lead and one for the
 * whole plan: a first sheet of instructions in plain English, then the sheet "Return" with one
 * row per action, the plan's words locked, a drop-down of the Board's statuses and date cells for
 * "As at". Excel and LibreOffice both open it as it is. Data in, bytes out.
 */
import ExcelJS from 'exceljs';
import { PROGRESS_STATUSES, STATUS_LABELS, STATUS_MEANINGS, statusLabel } from '../../src/lib/progress.ts';
import { columnLetter, latestUpdate, RETURN_COLUMNS, type ReturnAction } from './progress-returns.ts';

export interface TemplateOptions {
  /** "2017-20" */
  edition: string;
  /** "Halton Strategy for Children in Care and Care Leavers 2017-20" */
  editionTitle: string;
  /** The first year of the edition: "As at" accepts dates from its 1 January. */
  startYear: number;
  /** Whose actions these are, or undefined for the whole plan. */
  leadName?: string;
  actions: readonly ReturnAction[];
}

export const RETURN_SHEET = 'Return';
export const INSTRUCTIONS_SHEET = 'Instructions';

/** Several items in one cell, on separate lines of the cell (as in the open data CSV). */
const ITEM_SEPARATOR = '\n';
/** Day first, as a UK office reads dates, whatever the computer's settings. */
const DATE_FORMAT = 'dd/mm/yyyy';
/** The latest date "As at" accepts: years past it are a slip of the keyboard. */
const LAST_DATE = new Date(Date.UTC(2099, 11, 31));

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;
const DARK_GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD0CECE' } } as const;
const WHITE = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } } as const;
const THIN = { style: 'thin', color: { argb: 'FFA6A6A6' } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel does not size rows to wrapped text it did not type itself: a height for the longest cell, in points. */
function rowHeight(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, i) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / Math.max(1, widths[i]! - 2))), 0));
  return Math.min(409, 15 * Math.max(1, ...lines));
}

const statusList = PROGRESS_STATUSES.map((s) => STATUS_LABELS[s]);

/** The instructions, paragraph by paragraph: headings, text, and the statuses as a two-column table. */
function instructions(options: TemplateOptions): ({ heading: string } | { text: string } | { term: string; meaning: string })[] {
  const whose = options.leadName ? `the ${options.actions.length} actions that ${options.leadName} leads or shares the lead for` : `all ${options.actions.length} actions of the plan`;
  return [
    { heading: `Progress return: ${options.leadName ?? 'the whole action plan'}` },
    { text: `${options.editionTitle}: ${whose}, one a row, on the sheet "${RETURN_SHEET}".` },
    { heading: 'What to fill in' },
    { text: 'For each action with news since the last return, fill in the four white cells of its row:' },
    { term: 'Status', meaning: 'Choose one from the drop-down list. The statuses are below.' },
    { term: 'As at', meaning: `The date your update describes, usually the last day of the quarter. Type it day first: 31/03/${options.startYear + 1}.` },
    { term: 'Note', meaning: "What has been done, in a sentence or two. It is published on the action's web page word for word, so write it for the public and do not name children, young people or families." },
    { term: 'Reported by', meaning: 'Your role or your organisation, for example "Principal Manager, CiCCL". It is published with the note.' },
    { text: 'Leave "Status" empty for an action with nothing to report: its row adds nothing.' },
    { text: 'The grey columns are the plan\'s own words and the latest status already published. They are locked so that they are not changed by mistake; there is no password (in Excel, Review > Unprotect Sheet; in LibreOffice, Tools > Protect Sheet) if you really need to.' },
    { heading: 'The statuses' },
    ...PROGRESS_STATUSES.map((s) => ({ term: STATUS_LABELS[s], meaning: STATUS_MEANINGS[s] })),
    { heading: 'Dates' },
    { text: `"As at" cells are date cells: type the date day first, as 31/03/${options.startYear + 1} (or ${options.startYear + 1}-03-31), and it is kept as a date whatever your computer's settings. Dates from 1 January ${options.startYear} up to today are accepted.` },
    { heading: 'What happens to this file' },
    { text: 'Save it as it is (an Excel workbook, .xlsx; LibreOffice can also save it as .ods) and send it back to the council\'s web team.' },
    { text: 'The web team import it. Every row is checked first: if anything is wrong, nothing is imported and they tell you the row and what to change.' },
    { text: "Once imported, each update appears on its action's page, in the action plan's summary and in the progress feeds." },
    { text: 'Found a mistake after sending? Correct the row in this workbook and send it again. Rows already imported are recognised and skipped; a changed row is published as a correction, with the date it was corrected and what it said before.' },
    { text: 'A CSV file works too: in Excel, save as "CSV UTF-8 (Comma delimited)"; in LibreOffice, as "Text CSV" with the character set "Unicode (UTF-8)".' },
  ];
}

function instructionsSheet(workbook: ExcelJS.Workbook, options: TemplateOptions): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET, { properties: { tabColor: { argb: 'FF1F4E79' } } });
  const widths = [18, 92];
  sheet.columns = widths.map((width) => ({ width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  for (const paragraph of instructions(options)) {
    const row = sheet.addRow([]);
    if ('term' in paragraph) {
      row.getCell(1).value = paragraph.term;
      row.getCell(1).font = { bold: true };
      row.getCell(2).value = paragraph.meaning;
      row.height = rowHeight([paragraph.term, paragraph.meaning], widths);
      continue;
    }
    const text = 'heading' in paragraph ? paragraph.heading : paragraph.text;
    row.getCell(1).value = text;
    sheet.mergeCells(row.number, 1, row.number, 2);
    if ('heading' in paragraph) {
      row.getCell(1).font = { bold: true, size: row.number === 1 ? 16 : 13 };
      row.height = row.number === 1 ? 26 : 22;
    } else row.height = rowHeight([text], [widths[0]! + widths[1]!]);
  }
}

function returnSheet(workbook: ExcelJS.Workbook, options: TemplateOptions): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(RETURN_SHEET);
  const widths = RETURN_COLUMNS.map((c) => c.width);
  sheet.columns = RETURN_COLUMNS.map((c) => ({
    key: c.key,
    width: c.width,
    style: { alignment: { wrapText: true, vertical: 'top' }, numFmt: c.key.endsWith('as_at') ? DATE_FORMAT : '@' },
  }));
  const header = sheet.addRow(RETURN_COLUMNS.map((c) => c.header));
  header.eachCell((cell, column) => {
    cell.font = { bold: true };
    cell.fill = RETURN_COLUMNS[column - 1]!.input ? WHITE : DARK_GREY;
    cell.border = BORDER;
  });
  header.height = 30;

  const statusPrompt = { showInputMessage: true, promptTitle: 'Status', prompt: 'Choose from the list; leave empty if there is nothing to report.' };
  for (const action of options.actions) {
    const latest = latestUpdate(action.progress);
    const values: Record<string, string | Date> = {
      action_id: action.code,
      edition: action.edition,
      statement: action.statement,
      action: action.actions.join(ITEM_SEPARATOR),
      lead: action.leadText,
      leads: action.leads.map((l) => l.name).join(ITEM_SEPARATOR),
      timescale: action.timescales.join(ITEM_SEPARATOR),
      latest_status: latest ? statusLabel(latest.status) : '',
      latest_as_at: latest ? new Date(`${latest.asAt}T00:00:00Z`) : '',
    };
    // The cells to fill in are left empty (no value at all, not an empty text).
    const row = sheet.addRow(RETURN_COLUMNS.map((c) => values[c.key] || null));
    row.height = rowHeight(RETURN_COLUMNS.map((c) => String(values[c.key] ?? '')), widths);
    RETURN_COLUMNS.forEach((column, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (!column.input) {
        cell.fill = GREY;
        return;
      }
      cell.fill = WHITE;
      cell.protection = { locked: false };
      if (column.key === 'status') {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${statusList.join(',')}"`],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Not a status on the list',
          error: `Choose one of: ${statusList.join(', ')}.`,
          ...statusPrompt,
        };
      } else if (column.key === 'as_at') {
        cell.dataValidation = {
          type: 'date',
          operator: 'between',
          allowBlank: true,
          formulae: [new Date(Date.UTC(options.startYear, 0, 1)), LAST_DATE],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Not a date',
          error: `Type the date day first, for example 31/03/${options.startYear + 1}, from 1 January ${options.startYear}.`,
          showInputMessage: true,
          promptTitle: 'As at',
          prompt: `The date the update describes, day first: 31/03/${options.startYear + 1}.`,
        };
      }
    });
  }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: `${columnLetter(RETURN_COLUMNS.findIndex((c) => c.key === 'status'))}2` }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: RETURN_COLUMNS.length } };
  return sheet;
}

/** The workbook's bytes. */
export async function returnTemplateXlsx(options: TemplateOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = `Progress return: ${options.leadName ?? 'the whole action plan'} (${options.edition})`;
  workbook.subject = options.editionTitle;
  workbook.creator = 'npm run progress -- template';
  instructionsSheet(workbook, options);
  const sheet = returnSheet(workbook, options);
  // Locked cells stay selectable and columns and rows resizable; no password: this guards against slips, not people.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false, insertRows: false, deleteRows: false, insertColumns: false, deleteColumns: false });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
