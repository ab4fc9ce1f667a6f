/**
 * Progress returns: the template, and every kind of return a spreadsheet saves, read and checked
 * against the real action plan. Fixtures are in tests/fixtures/returns/ (see its README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionKey, checkReturn, formatProblems, readReturn, RETURN_COLUMNS, returnTemplateCsv, type ProgressEntry } from '../../src/lib/progressReturns.ts';
import { readActions } from '../../scripts/lib/action-files.ts';
import { ROOT } from '../helpers/dist.ts';
import { EDITIONS_DIR, editionSlugs } from '../helpers/content.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/returns');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const TODAY = '2018-04-20';
const actions2017 = readActions(EDITIONS_DIR, '2017-20');

/** The real plan, with whatever updates a test says are already recorded. */
const allActions = editionSlugs().flatMap((edition) => readActions(EDITIONS_DIR, edition));
function context(recorded: Record<string, ProgressEntry[]> = {}) {
  return { today: TODAY, recorded: new Map(allActions.map((a) => [actionKey(a.edition, a.code), recorded[a.code] ?? a.progress])) };
}

describe('the return template', () => {
  const csv = returnTemplateCsv(actions2017);

  it('is UTF-8 with a byte-order mark and CRLF line ends, for Excel and LibreOffice', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${RETURN_COLUMNS.join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('has one row per action, read back whole (line breaks inside cells quoted), with the update columns empty', () => {
    const { rows, problems } = readReturn(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.cells['action_id'])).toEqual(actions2017.map((a) => a.code));
    for (const [i, row] of rows.entries()) {
      const action = actions2017[i]!;
      expect(row.cells['action']).toBe(action.actions.join('\n'));
      expect(row.cells['lead']).toBe(action.leadText);
      expect(row.cells['timescale']).toBe(action.timescales.join('\n'));
      expect(row.cells['statement']).toMatch(/^Pledge statement \d+: /);
      expect([row.cells['status'], row.cells['as_at'], row.cells['note'], row.cells['reported_by']]).toEqual(['', '', '', '']);
    }
    expect(actions2017.some((a) => a.actions.length > 1)).toBe(true);
  });

  it('shows the latest status already reported', () => {
    const [first, ...rest] = actions2017;
    const progress = [
      { status: 'complete', asAt: '2018-03-31', note: 'n', reportedBy: 'r' },
      { status: 'in-progress', asAt: '2017-12-31', note: 'n', reportedBy: 'r' },
    ];
    const { rows } = readReturn(returnTemplateCsv([{ ...first!, progress }, ...rest]));
    expect([rows[0]!.cells['latest_status'], rows[0]!.cells['latest_as_at']]).toEqual(['Complete', '2018-03-31']);
    expect([rows[1]!.cells['latest_status'], rows[1]!.cells['latest_as_at']]).toEqual(['', '']);
  });
});

const P6A1_NOTE = 'Fixture: pocket money discussed at placement.\nSavings accounts opened for most children.';

describe.each([
  {
    file: 'excel-bom-crlf.csv',
    saved: 'byte-order mark, CRLF, a CRLF inside a quoted cell, blank rows, a reporter with no status',
    expected: [
      { row: 2, code: 'P4-A2', update: { status: 'complete', asAt: '2018-03-31', note: 'Fixture: contact plans reviewed at every looked after review.', reportedBy: 'Fixture officer, CiCCL' } },
      { row: 5, code: 'P6-A1', update: { status: 'in-progress', asAt: '2018-03-31', note: P6A1_NOTE, reportedBy: 'Fixture officer, Fostering' } },
    ],
  },
  ...['libreoffice-en-gb.csv', 'libreoffice-semicolons.csv'].map((file) => ({
    file,
    saved: 'saved by LibreOffice 7.4 in English (UK): no byte-order mark, LF, dates as 31/03/18, timescales turned into dates, a blank row of separators',
    expected: [
      { row: 18, code: 'P4-A2', update: { status: 'complete', asAt: '2018-03-31', note: 'Fixture: contact plans reviewed; "regular" means every six months.', reportedBy: 'Fixture officer, CiCCL' } },
      { row: 22, code: 'P6-A1', update: { status: 'in-progress', asAt: '2018-03-31', note: P6A1_NOTE, reportedBy: 'Fixture officer, Fostering' } },
    ],
  })),
])('$file ($saved)', ({ file, expected }) => {
  it('gives exactly its updates, with the spreadsheet row numbers', () => {
    const { rows, problems } = readReturn(fixture(file));
    expect(problems).toEqual([]);
    const checked = checkReturn(rows, context());
    expect(checked.problems).toEqual([]);
    expect(checked.updates).toEqual(expected.map((e) => ({ ...e, edition: '2017-20' })));
  });
});

describe('a return with a problem is refused whole, every problem named by row and column', () => {
  const problemsOf = (file: string, recorded: Record<string, ProgressEntry[]> = {}) => {
    const read = readReturn(fixture(file));
    if (read.problems.length > 0) return { updates: [], lines: formatProblems(read.problems) };
    const checked = checkReturn(read.rows, context(recorded));
    return { updates: checked.updates, lines: formatProblems(checked.problems) };
  };

  it('every-problem.csv: unknown action, status off the list, no such date, a future date, no reporter, an update already recorded, a note without a status', () => {
    const recorded = { 'P6-A1': [{ status: 'in-progress', asAt: '2017-12-31', note: 'Fixture: pocket money discussed at placement in most new placements.', reportedBy: 'Fixture reporter' }] };
    const { lines } = problemsOf('every-problem.csv', recorded);
    expect(lines).toEqual([
      'Row 2, column "action_id": there is no action "P13-A1" in edition 2017-20',
      'Row 3, column "status": "Nearly done" is not a status on the Board\'s list: Not started, In progress, At risk, Complete, No longer applicable',
      'Row 4, column "as_at": "30/02/2018" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      'Row 5, column "as_at": 1 January 2030 is in the future (today is 20 April 2018)',
      'Row 6, column "reported_by": is empty: give the role or organisation reporting',
      'Row 7, column "status": this update is already recorded for P6-A1 (In progress, as at 31 December 2017): has this return been imported before?',
      'Row 8, column "as_at": is filled in but "status" is empty: give a status, or clear "as_at"',
      'Row 8, column "note": is filled in but "status" is empty: give a status, or clear "note"',
    ]);
  });

  it('libreoffice-en-us-dates.csv: dates saved month first are not read as other dates', () => {
    expect(problemsOf('libreoffice-en-us-dates.csv').lines).toEqual([
      'Row 18, column "as_at": "03/31/18" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      'Row 22, column "as_at": "03/31/18" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
    ]);
  });

  it('missing-columns.csv: a header without the columns to fill in', () => {
    expect(problemsOf('missing-columns.csv').lines).toEqual([
      'Row 1, column "note": the column is missing from the header row (start from `npm run progress -- template`)',
      'Row 1, column "reported_by": the column is missing from the header row (start from `npm run progress -- template`)',
    ]);
  });

  it('the same update twice in one return, an unknown edition, empty cells', () => {
    const header = RETURN_COLUMNS.join(',');
    const row = (cells: Partial<Record<(typeof RETURN_COLUMNS)[number], string>>) => RETURN_COLUMNS.map((c) => cells[c] ?? '').join(',');
    const good = { action_id: 'p4-a2', edition: '2017-20', status: 'complete', as_at: '2018-03-31', note: 'Fixture', reported_by: 'Fixture reporter' };
    const text = [header, row(good), row(good), row({ ...good, edition: '2019-22' }), row({ ...good, action_id: '', as_at: '', note: '' })].join('\n');
    const checked = checkReturn(readReturn(text).rows, context());
    expect(checked.updates.map((u) => [u.row, u.code])).toEqual([[2, 'P4-A2']]);
    expect(formatProblems(checked.problems)).toEqual([
      'Row 3, column "status": repeats row 2',
      'Row 4, column "edition": there is no edition "2019-22"',
      'Row 5, column "action_id": is empty',
      'Row 5, column "as_at": is empty: give the date the update describes, for example 31/03/2018',
      'Row 5, column "note": is empty: say what has been done, in a sentence or two',
    ]);
  });

  it('a file that is not CSV at all', () => {
    const { problems } = readReturn(`${RETURN_COLUMNS.join(',')}\nP4-A2,"2017-20,unclosed\n`);
    expect(problems).toHaveLength(1);
    expect(formatProblems(problems)[0]).toMatch(/column "\(file\)": the file is not readable as CSV/);
  });
});
