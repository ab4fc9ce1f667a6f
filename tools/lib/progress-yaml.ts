/**
 * Appending progress updates to an action's YAML file, and correcting one, through the `yaml`
 * package's document API, so the file keeps its comments, quoting and layout, earlier updates
 * are never rewritten, and a correction keeps what the update said before. Pure: text in, text out.
 */
import { isMap, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yamlData } from '../../src/lib/contentReader.ts';
import type { ProgressEntry } from '../../src/lib/contentSchemas.ts';

/** As the content files are written: no folding of long lines, lists indented under their key,
 *  and a line break inside a note written \n rather than as a folded blank line. */
const OUTPUT = { lineWidth: 0, indentSeq: true, doubleQuotedAsJSON: true } as const;

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

/** A list item as the README's example writes it, strings double-quoted, the date plain. */
function entryMap(fields: Record<string, string>, dateKeys: readonly string[]): YAMLMap {
  const item = new YAMLMap();
  // A plain date, as the README's example writes it; YAML 1.2 reads it as a string.
  for (const [key, value] of Object.entries(fields)) item.set(key, dateKeys.includes(key) ? new Scalar(value) : quoted(value));
  return item;
}

function progressList(doc: ReturnType<typeof parseDocument>, file: string, create: boolean): YAMLSeq {
  let list = doc.get('progress', true);
  if (create && (list === undefined || list === null || (list instanceof Scalar && list.value === null))) {
    list = new YAMLSeq();
    doc.set('progress', list);
  }
  if (!isSeq(list)) throw new Error(`${file}: "progress" is not a list`);
  return list;
}

function parsedDocument(source: string, file: string) {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(`${file} is not valid YAML: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) throw new Error(`${file} does not hold a YAML mapping`);
  return doc;
}

/** An entry as the file's data holds it (the shape parse() gives), for the check that nothing else moved. */
const entryData = (u: ProgressEntry) => ({
  status: u.status,
  asAt: u.asAt,
  note: u.note,
  reportedBy: u.reportedBy,
  ...(u.corrections && u.corrections.length > 0 ? { corrections: u.corrections.map((c) => ({ correctedOn: c.correctedOn, status: c.status, note: c.note, reportedBy: c.reportedBy })) } : {}),
});

function checked(source: string, result: string, file: string, progress: (before: unknown[]) => unknown[]): string {
  // The promise kept, checked on the data: everything as before but the change asked for.
  const before = yamlData(source, file) as Record<string, unknown>;
  const expected = { ...before, progress: progress((before['progress'] as unknown[] | null) ?? []) };
  if (JSON.stringify(yamlData(result, file)) !== JSON.stringify(expected)) throw new Error(`${file}: the change would alter what the file already says`);
  return result;
}

/** The file's text with `updates` added at the end of its `progress` list (created if absent). */
export function appendProgress(source: string, updates: readonly ProgressEntry[], file = 'the action file'): string {
  const doc = parsedDocument(source, file);
  const list = progressList(doc, file, true);
  for (const update of updates) list.items.push(entryMap({ status: update.status, asAt: update.asAt, note: update.note, reportedBy: update.reportedBy }, ['asAt']));
  return checked(source, doc.toString(OUTPUT), file, (before) => [...before, ...updates.map(entryData)]);
}

/**
 * The file's text with the update at `index` of its `progress` list corrected: its status, note
 * and reporter replaced by the correction's, its date and place (so its anchor and feed id) kept,
 * and the words it said before added to its `corrections`, with the day it was corrected.
 */
export function correctProgress(source: string, correction: { index: number; update: ProgressEntry; correctedOn: string }, file = 'the action file'): string {
  const doc = parsedDocument(source, file);
  const list = progressList(doc, file, false);
  const item = list.items[correction.index];
  if (!isMap(item)) throw new Error(`${file}: there is no update ${correction.index + 1} in "progress" to correct`);
  const was = { status: String(item.get('status')), note: String(item.get('note')), reportedBy: String(item.get('reportedBy')) };
  item.set('status', quoted(correction.update.status));
  item.set('note', quoted(correction.update.note));
  item.set('reportedBy', quoted(correction.update.reportedBy));
  let history: unknown = item.get('corrections', true);
  if (history === undefined) {
    history = new YAMLSeq();
    item.set('corrections', history);
  }
  if (!isSeq(history)) throw new Error(`${file}: "corrections" of update ${correction.index + 1} is not a list`);
  history.items.push(entryMap({ correctedOn: correction.correctedOn, ...was }, ['correctedOn']));
  return checked(source, doc.toString(OUTPUT), file, (before) =>
    before.map((entry, i) => {
      if (i !== correction.index) return entry;
      const old = entry as Record<string, unknown>;
      const earlier = (old['corrections'] as unknown[] | undefined) ?? [];
      return { ...old, status: correction.update.status, note: correction.update.note, reportedBy: correction.update.reportedBy, corrections: [...earlier, { correctedOn: correction.correctedOn, ...was }] };
    }),
  );
}

/**
 * The file's text with top-level fields set to new values (strings double-quoted, numbers
 * plain, as the content files write them), the rest as it was: for the growth benchmark's
 * synthetic editions (tools/lib/growth.ts).
 */
export function withFields(source: string, fields: Readonly<Record<string, string | number>>, file = 'the content file'): string {
  const doc = parsedDocument(source, file);
  for (const [key, value] of Object.entries(fields)) doc.set(key, typeof value === 'string' ? quoted(value) : new Scalar(value));
  const result = doc.toString(OUTPUT);
  const expected = { ...(yamlData(source, file) as Record<string, unknown>), ...fields };
  if (JSON.stringify(yamlData(result, file)) !== JSON.stringify(expected)) throw new Error(`${file}: setting ${Object.keys(fields).join(', ')} would alter what else the file says`);
  return result;
}

/** The file's text with its `progress` list taken off (if it has one), as before any update was recorded. */
export function withoutProgress(source: string): string {
  const doc = parseDocument(source);
  if (!doc.has('progress')) return source;
  doc.delete('progress');
  return doc.toString(OUTPUT);
}

/** The unchanged text of a file as the document API writes it back: the check that nothing else moves. */
export function rewriteUnchanged(source: string): string {
  return parseDocument(source).toString(OUTPUT);
}
