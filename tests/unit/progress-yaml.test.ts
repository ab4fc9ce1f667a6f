/** Appending updates to an action file keeps every byte already there. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContentFile } from '../../src/lib/contentReader.ts';
import type { ProgressEntry } from '../../src/lib/contentSchemas.ts';
import { progressAsWritten } from '../../src/lib/progress.ts';
import { appendProgress, correctProgress, rewriteUnchanged, withFields, withoutProgress } from '../../tools/lib/progress-yaml.ts';
import { EDITIONS_DIR, editionSlugs, readCollection } from '../helpers/content.ts';

const files = editionSlugs().flatMap((edition) => readCollection(edition, 'actions').map((a) => join(EDITIONS_DIR, edition, 'actions', `${a.id}.yaml`)));
const first: ProgressEntry = { status: 'in-progress', asAt: '2017-12-31', note: 'Fixture: "quoted", with a line break\nand a very long second line that goes well past eighty characters without folding.', reportedBy: 'Fixture officer, Fostering', corrections: [] };
const second: ProgressEntry = { status: 'complete', asAt: '2018-03-31', note: 'Fixture: done.', reportedBy: 'Fixture officer', corrections: [] };
/** The updates of a written file, read back by the content reader: the schema accepts what the writer wrote. */
const progressOf = (text: string) => progressAsWritten(parseContentFile('actions', text, 'p6-a1.yaml').progress);

describe('the yaml document API on the real action files', () => {
  it(`writes each of the ${files.length} files back byte for byte when nothing is added`, () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(rewriteUnchanged(text), file).toBe(text);
    }
  });
});

/** A real action file as it was before any progress: the published one, its progress (if any) taken off. */
const unreported = (file: string) => withoutProgress(readFileSync(join(EDITIONS_DIR, file), 'utf8'));

describe('appendProgress', () => {
  const original = unreported('2017-20/actions/p6-a1.yaml');

  it('adds a progress list after the last field, the file before it untouched, in the README\'s style', () => {
    const once = appendProgress(original, [first]);
    expect(once.startsWith(original)).toBe(true);
    expect(once.slice(original.length)).toBe(
      'progress:\n  - status: "in-progress"\n    asAt: 2017-12-31\n    note: "Fixture: \\"quoted\\", with a line break\\nand a very long second line that goes well past eighty characters without folding."\n    reportedBy: "Fixture officer, Fostering"\n',
    );
    expect(progressOf(once)).toEqual([first]);
  });

  it('appends to an existing list, never rewriting the earlier updates', () => {
    const once = appendProgress(original, [first]);
    const twice = appendProgress(once, [second]);
    expect(twice.startsWith(once)).toBe(true);
    expect(progressOf(twice)).toEqual([first, second]);
  });

  it('keeps comments, and fields after the list, where they were', () => {
    const source = '# Edited by hand.\ncode: "P6-A1" # permanent\nprogress:\n  - status: "complete"\n    asAt: 2018-01-01 # end of quarter\n    note: "x"\n    reportedBy: "y"\nnote: "after"\n';
    const result = appendProgress(source, [second]);
    expect(result).toBe(`${source.replace('note: "after"\n', '')}  - status: "complete"\n    asAt: 2018-03-31\n    note: "Fixture: done."\n    reportedBy: "Fixture officer"\nnote: "after"\n`);
  });

  it('refuses a file it cannot append to safely', () => {
    expect(() => appendProgress('code: [unclosed\n', [second], 'p1-a1.yaml')).toThrow(/p1-a1\.yaml is not valid YAML/);
    expect(() => appendProgress('progress: "none"\n', [second], 'p1-a1.yaml')).toThrow(/"progress" is not a list/);
  });
});

describe('correctProgress', () => {
  const original = unreported('2017-20/actions/p6-a1.yaml');
  const recorded = appendProgress(original, [first, second]);
  const corrected = { ...first, note: 'Fixture: £6.50 a week – corrected.' };

  it('replaces the words of one update in place, keeping its date and place, and records what it said and when it was corrected', () => {
    const result = correctProgress(recorded, { index: 0, update: corrected, correctedOn: '2018-04-20' });
    expect(progressOf(result)).toEqual([
      { ...corrected, corrections: [{ correctedOn: '2018-04-20', status: first.status, note: first.note, reportedBy: first.reportedBy }] },
      second,
    ]);
    // Everything before the corrected update, and the update after it, byte for byte.
    expect(result.startsWith(original)).toBe(true);
    expect(result.endsWith(recorded.slice(recorded.indexOf('  - status: "complete"')))).toBe(true);
    expect(result).toContain('    corrections:\n      - correctedOn: 2018-04-20\n        status: "in-progress"\n');
  });

  it('a second correction adds to the history, oldest first', () => {
    const once = correctProgress(recorded, { index: 0, update: corrected, correctedOn: '2018-04-20' });
    const twice = correctProgress(once, { index: 0, update: { ...corrected, status: 'complete' }, correctedOn: '2018-05-01' });
    const update = progressOf(twice)[0]!;
    expect(update.status).toBe('complete');
    expect(update.corrections.map((c) => [c.correctedOn, c.note])).toEqual([
      ['2018-04-20', first.note],
      ['2018-05-01', corrected.note],
    ]);
  });

  it('refuses an update that is not there', () => {
    expect(() => correctProgress(recorded, { index: 5, update: corrected, correctedOn: '2018-04-20' }, 'p6-a1.yaml')).toThrow(/p6-a1\.yaml: there is no update 6/);
    expect(() => correctProgress(original, { index: 0, update: corrected, correctedOn: '2018-04-20' }, 'p6-a1.yaml')).toThrow(/"progress" is not a list/);
  });
});

describe('withFields', () => {
  const original = unreported('2017-20/actions/p6-a1.yaml');

  it('changes the named fields where they stand, strings quoted and numbers plain, every other byte kept', () => {
    const order = parseContentFile('actions', original, 'p6-a1.yaml').order;
    const changed = withFields(original, { code: 'P6-A99', order: order + 98 });
    expect(changed).toBe(original.replace('code: "P6-A1"', 'code: "P6-A99"').replace(`order: ${order}\n`, `order: ${order + 98}\n`));
    expect(parseContentFile('actions', changed, 'p6-a99.yaml')).toMatchObject({ code: 'P6-A99', order: order + 98 });
  });

  it('refuses text that is not a YAML mapping', () => {
    expect(() => withFields('- a list', { code: 'X' }, 'list.yaml')).toThrow(/list\.yaml does not hold a YAML mapping/);
  });
});
