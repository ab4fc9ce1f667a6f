/**
 * A returned spreadsheet, read as what its bytes are rather than what its name says: an Excel
 * workbook (.xlsx), a LibreOffice one (.ods), CSV text in UTF-8 (with or without a byte-order
 * mark), UTF-16 (Excel's "Unicode Text") or Windows-1252 (what Excel's plain "CSV" saves), or
 * something that is none of these, refused in one line. Bytes in, tables of cells out: no files.
 *
 * Cells keep what the spreadsheet stored: text exactly as typed, a date cell as its date, a
 * number as a number. What each column means is for `progressReturns.ts`.
 */
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { serialDate } from '../../src/lib/progress.ts';

/** Text as typed, a date cell's date ("2018-03-31"), or a number cell's number. */
export type SheetCell = string | { date: string } | { number: number };

export interface SheetRow {
  /** The row number the spreadsheet shows (1 is the first row). */
  row: number;
  cells: SheetCell[];
}

export interface SheetTable {
  /** The sheet's name in a workbook; empty for CSV. */
  name: string;
  rows: SheetRow[];
}

export type SpreadsheetKind = 'xlsx' | 'ods' | 'csv';

export interface SpreadsheetRead {
  kind: SpreadsheetKind;
  /** What the file was read as, for the report: "an Excel workbook (.xlsx)". */
  readAs: string;
  /** For CSV text that is not UTF-8: the encoding it was decoded from, to say so. */
  decodedFrom?: 'Windows-1252' | 'UTF-16';
  /** True for a workbook set to the 1904 date system (old Excel for Mac). */
  date1904: boolean;
  tables: SheetTable[];
}

/** Why a file cannot be read as a return, in one sentence naming what it is and the fix. */
export interface SpreadsheetRefusal {
  refused: string;
}

/** The largest return accepted: a return for the whole plan saved by Excel is about 30 kB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The most a workbook may unpack to, so that a small zip cannot fill the memory. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;
/** The most rows with anything in them: a return has one row per action (a plan has fewer than 100). */
export const MAX_ROWS = 1000;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Files officers might send by mistake, recognised by their first bytes. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

const SAVE_AS = 'save it as an Excel Workbook (.xlsx), an OpenDocument Spreadsheet (.ods) or CSV UTF-8, and send that';

/** Reads a returned file, whatever its name, or says in one sentence why it cannot be read. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SpreadsheetRead | SpreadsheetRefusal> {
  if (bytes.length > MAX_FILE_BYTES) {
    return { refused: `is ${megabytes(bytes.length)}, more than a return can be (${megabytes(MAX_FILE_BYTES)} at most): check it is the progress return, or send only its "Return" sheet` };
  }
  if (bytes.length === 0) return { refused: 'is empty (0 bytes): send the saved return again' };
  if (ZIP_SIGNATURES.some((s) => startsWith(bytes, s))) return readZip(bytes);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return { refused: `is an Excel 97-2003 workbook (.xls) or a workbook protected with a password, which cannot be read: open it, remove any password, and ${SAVE_AS}` };
  }
  const known = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (known) return { refused: `is ${known.what}, not a spreadsheet: send the progress return itself (.xlsx, .ods or .csv)` };
  return readCsv(bytes);
}

async function readZip(bytes: Uint8Array): Promise<SpreadsheetRead | SpreadsheetRefusal> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return { refused: `looks like a workbook but cannot be opened (${(error as Error).message}): it may not have finished saving or sending; ${SAVE_AS}` };
  }
  // JSZip knows each entry's unpacked size from the zip's directory before unpacking anything.
  const unzipped = Object.values(zip.files).reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (unzipped > MAX_UNZIPPED_BYTES) {
    return { refused: `unpacks to ${megabytes(unzipped)}, more than a return can hold (${megabytes(MAX_UNZIPPED_BYTES)} at most): check it is the progress return` };
  }
  const mimetype = (await zip.file('mimetype')?.async('string'))?.trim();
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return readOds(zip);
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) {
    return { refused: `is an OpenDocument ${mimetype.replace('application/vnd.oasis.opendocument.', '')} file, not a spreadsheet: send the progress return itself (.ods, .xlsx or .csv)` };
  }
  if (zip.file('xl/workbook.xml')) return readXlsx(bytes);
  if (zip.file('xl/workbook.bin')) return { refused: `is an Excel Binary Workbook (.xlsb), which cannot be read: ${SAVE_AS}` };
  if (zip.file('word/document.xml')) return { refused: 'is a Word document, not a spreadsheet: send the progress return itself (.xlsx, .ods or .csv)' };
  if (zip.file('ppt/presentation.xml')) return { refused: 'is a PowerPoint presentation, not a spreadsheet: send the progress return itself (.xlsx, .ods or .csv)' };
  return { refused: 'is a zip archive with no spreadsheet in it: send the progress return itself (.xlsx, .ods or .csv), not zipped' };
}

// ---------------------------------------------------------------------------------------------
// Excel workbooks (.xlsx), with exceljs: date cells come back as dates (it reads the cell's
// number format, and the workbook's 1904 setting), shared and rich text as the text typed.

async function readXlsx(bytes: Uint8Array): Promise<SpreadsheetRead | SpreadsheetRefusal> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer over the same bytes is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (error) {
    return { refused: `is an Excel workbook that cannot be read (${(error as Error).message}): open it in Excel or LibreOffice and ${SAVE_AS}` };
  }
  const date1904 = Boolean(workbook.properties.date1904);
  const tables = workbook.worksheets.map((sheet): SheetTable => {
    const rows: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = xlsxCell(cell.value);
      });
      rows.push({ row: number, cells: Array.from(cells, (c) => c ?? '') });
    });
    return { name: sheet.name, rows };
  });
  return { kind: 'xlsx', readAs: 'an Excel workbook (.xlsx)', date1904, tables };
}

function xlsxCell(value: ExcelJS.CellValue | undefined): SheetCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return { date: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') return { number: value };
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return xlsxCell(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : xlsxCell(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return '';
}

// ---------------------------------------------------------------------------------------------
// OpenDocument spreadsheets (.ods), LibreOffice's own format: content.xml holds every sheet.

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const odsParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Text exactly as typed: no trimming, no turning "007" into 7.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

const tagOf = (node: XmlNode) => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: XmlNode) => (node[tagOf(node)] as XmlNode[] | undefined) ?? [];
const attr = (node: XmlNode, name: string) => node[':@']?.[name];

async function readOds(zip: JSZip): Promise<SpreadsheetRead | SpreadsheetRefusal> {
  const xml = await zip.file('content.xml')?.async('string');
  if (xml === undefined) return { refused: `is an OpenDocument spreadsheet without its content (no content.xml): open it in LibreOffice and ${SAVE_AS}` };
  let doc: XmlNode[];
  try {
    doc = odsParser.parse(xml) as XmlNode[];
  } catch (error) {
    return { refused: `is an OpenDocument spreadsheet whose content cannot be read (${(error as Error).message}): open it in LibreOffice and ${SAVE_AS}` };
  }
  const tables: SheetTable[] = [];
  const visit = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      if (tagOf(node) === 'table:table') tables.push(odsTable(node));
      else if (tagOf(node) !== '#text') visit(childrenOf(node));
    }
  };
  visit(doc);
  return { kind: 'ods', readAs: 'an OpenDocument spreadsheet (.ods)', date1904: false, tables };
}

/** Rows may sit in header-row, row-group and rows containers; repeated rows and cells are counted, empty ones not stored. */
function odsTable(table: XmlNode): SheetTable {
  const rows: SheetRow[] = [];
  let rowNumber = 1;
  const visitRows = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (tag === 'table:table-row') {
        const repeat = Number(attr(node, 'table:number-rows-repeated') ?? 1);
        const cells = odsCells(childrenOf(node));
        if (cells.some((c) => c !== '')) {
          // A filled row repeated (rare: identical rows) is every one of those rows.
          for (let i = 0; i < Math.min(repeat, MAX_ROWS + 1); i++) rows.push({ row: rowNumber + i, cells });
        }
        rowNumber += repeat;
      } else if (['table:table-header-rows', 'table:table-row-group', 'table:table-rows'].includes(tag)) {
        visitRows(childrenOf(node));
      }
    }
  };
  visitRows(childrenOf(table));
  return { name: attr(table, 'table:name') ?? '', rows };
}

function odsCells(nodes: XmlNode[]): SheetCell[] {
  const cells: SheetCell[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag !== 'table:table-cell' && tag !== 'table:covered-table-cell') continue;
    const repeat = Number(attr(node, 'table:number-columns-repeated') ?? 1);
    const value = odsCell(node);
    // Empty cells repeated to the sheet's last column are not stored; a filled one repeated is.
    if (value === '') cells.length += repeat;
    else for (let i = 0; i < Math.min(repeat, 1024); i++) cells.push(value);
  }
  while (cells.length > 0 && (cells[cells.length - 1] ?? '') === '') cells.pop();
  return Array.from(cells, (c) => c ?? '');
}

function odsCell(node: XmlNode): SheetCell {
  const type = attr(node, 'office:value-type');
  if (type === 'date') {
    const value = attr(node, 'office:date-value') ?? '';
    return /^\d{4}-\d{2}-\d{2}/.test(value) ? { date: value.slice(0, 10) } : value;
  }
  if (type === 'float') {
    const number = Number(attr(node, 'office:value'));
    if (Number.isFinite(number)) return { number };
  }
  // Text, and what other types show (a percentage, an amount, a time): the words in the cell.
  return childrenOf(node)
    .filter((child) => tagOf(child) === 'text:p')
    .map((p) => odsText(childrenOf(p)))
    .join('\n');
}

/**
 * A paragraph's text as typed. In ODF, runs of white space in the XML count as one space; extra
 * spaces are <text:s text:c="n"/>, tabs <text:tab/>, line breaks within a paragraph <text:line-break/>.
 */
function odsText(nodes: XmlNode[]): string {
  return nodes
    .map((node) => {
      const tag = tagOf(node);
      if (tag === '#text') return String(node['#text'] ?? '').replace(/[ \t\r\n]+/g, ' ');
      if (tag === 'text:s') return ' '.repeat(Number(attr(node, 'text:c') ?? 1));
      if (tag === 'text:tab') return '\t';
      if (tag === 'text:line-break') return '\n';
      if (tag === 'text:span' || tag === 'text:a' || tag === 'text:meta') return odsText(childrenOf(node));
      return '';
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// CSV text.

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Characters no spreadsheet's text holds: control characters other than tab, line feed and carriage return. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

interface Decoded {
  text: string;
  decodedFrom?: 'Windows-1252' | 'UTF-16';
}

function decode(bytes: Uint8Array): Decoded | SpreadsheetRefusal {
  if (startsWith(bytes, UTF16LE_BOM)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), decodedFrom: 'UTF-16' };
  if (startsWith(bytes, UTF16BE_BOM)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), decodedFrom: 'UTF-16' };
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    // Not UTF-8. Excel's plain "CSV" saves Windows-1252 (in the UK and most of western Europe).
    // The five bytes Windows-1252 leaves undefined decode to control characters, caught below.
    return { text: new TextDecoder('windows-1252').decode(body), decodedFrom: 'Windows-1252' };
  }
}

/**
 * The separator the spreadsheet saved with: LibreOffice and Excel in many locales write ";"
 * (or a tab) where "," is the decimal mark. The header row holds only column names, so the
 * separator it uses most is the file's.
 */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n|\r/, 1)[0] ?? '';
  const [most] = [',', ';', '\t'].map((separator) => ({ separator, count: header.split(separator).length - 1 })).sort((a, b) => b.count - a.count);
  return most && most.count > 0 ? most.separator : ',';
}

function readCsv(bytes: Uint8Array): SpreadsheetRead | SpreadsheetRefusal {
  const decoded = decode(bytes);
  if ('refused' in decoded) return decoded;
  const { text, decodedFrom } = decoded;
  if (BINARY.test(text)) {
    return decodedFrom === 'Windows-1252' && !text.includes('\u0000')
      ? { refused: `is text in neither UTF-8 nor Windows-1252, so its characters cannot be read for sure: ${SAVE_AS}` }
      : { refused: `is not a spreadsheet or CSV text (it holds binary data): send the progress return itself (.xlsx, .ods or .csv)` };
  }
  const trimmed = text.trimStart();
  if (/^<(\?xml|!doctype|html)/i.test(trimmed)) {
    return { refused: `is an XML or web page file, not a return LibreOffice or Excel saved as a workbook or CSV: ${SAVE_AS}` };
  }
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = (error as Error).message.replace(/, value is .*$/s, '');
    return { refused: `is not readable as CSV${line ? ` (line ${line}: ${reason})` : ''}: ${SAVE_AS}` };
  }
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.replace(/\r\n?/g, '\n')) })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const readAs = decodedFrom === 'Windows-1252' ? 'CSV text in Windows-1252' : decodedFrom === 'UTF-16' ? 'CSV text in UTF-16' : 'CSV text in UTF-8';
  return { kind: 'csv', readAs, ...(decodedFrom ? { decodedFrom } : {}), date1904: false, tables: [{ name: '', rows }] };
}

/** A number cell in a date column as its date, in the workbook's date system. */
export const cellSerialDate = (serial: number, read: Pick<SpreadsheetRead, 'date1904'>) => serialDate(serial, read.date1904);
