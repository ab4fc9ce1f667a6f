/**
 * Appending progress updates to an action's YAML file through the `yaml` package's document
 * API, so the file keeps its comments, quoting and layout and earlier updates are never
 * rewritten. Pure: text in, text out.
 */
import { isMap, isSeq, parse, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ProgressEntry } from './progressReturns.ts';

/** As the content files are written: no folding of long lines, lists indented under their key,
 *  and a line break inside a note written \n rather than as a folded blank line. */
const OUTPUT = { lineWidth: 0, indentSeq: true, doubleQuotedAsJSON: true } as const;

const quoted = (value: string) => Object.assign(new Scalar(value), { type: Scalar.QUOTE_DOUBLE });

/** The file's text with `updates` added at the end of its `progress` list (created if absent). */
export function appendProgress(source: string, updates: readonly ProgressEntry[], file = 'the action file'): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new Error(`${file} is not valid YAML: ${doc.errors[0]!.message}`);
  if (!isMap(doc.contents)) throw new Error(`${file} does not hold a YAML mapping`);
  let list = doc.get('progress', true);
  if (list === undefined || list === null || (list instanceof Scalar && list.value === null)) {
    list = new YAMLSeq();
    doc.set('progress', list);
  }
  if (!isSeq(list)) throw new Error(`${file}: "progress" is not a list`);
  for (const update of updates) {
    const item = new YAMLMap();
    item.set('status', quoted(update.status));
    // A plain date, as the README's example writes it; YAML 1.2 reads it as a string.
    item.set('asAt', new Scalar(update.asAt));
    item.set('note', quoted(update.note));
    item.set('reportedBy', quoted(update.reportedBy));
    list.items.push(item);
  }
  const result = doc.toString(OUTPUT);
  // The promise kept, checked on the data: everything as before, the new updates after the old.
  const before = parse(source) as Record<string, unknown>;
  const expected = { ...before, progress: [...((before['progress'] as unknown[] | null) ?? []), ...updates.map((u) => ({ status: u.status, asAt: u.asAt, note: u.note, reportedBy: u.reportedBy }))] };
  if (JSON.stringify(parse(result)) !== JSON.stringify(expected)) throw new Error(`${file}: appending the updates would change what the file already says`);
  return result;
}

/** The unchanged text of a file as the document API writes it back: the check that nothing else moves. */
export function rewriteUnchanged(source: string): string {
  return parseDocument(source).toString(OUTPUT);
}
