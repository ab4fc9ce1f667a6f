/** How an officer may write a status and a date, and the anchors updates are published under. */
import { describe, expect, it } from 'vitest';
import { parseReportDate, parseStatus, progressAnchors, progressAsWritten, PROGRESS_STATUSES, serialDate, STATUS_LABELS, STATUS_MEANINGS } from '../../src/lib/progress.ts';

describe.each([
  ['in-progress', 'in-progress'],
  ['In progress', 'in-progress'],
  ['  IN PROGRESS ', 'in-progress'],
  ['Complete', 'complete'],
  ['no longer applicable', 'no-longer-applicable'],
  ['Not_started', 'not-started'],
  ['At risk', 'at-risk'],
  ['Nearly done', undefined],
  ['Completed', undefined],
  ['', undefined],
])('parseStatus(%j)', (text, expected) => {
  it(`is ${String(expected)}`, () => expect(parseStatus(text)).toBe(expected));
});

describe('every status', () => {
  it('is read back from its own words, and has a meaning for the template\'s instructions', () => {
    for (const status of PROGRESS_STATUSES) {
      expect(parseStatus(STATUS_LABELS[status])).toBe(status);
      expect(STATUS_MEANINGS[status]).toMatch(/^[A-Z].{20,}\.$/);
    }
  });
});

describe('serialDate: a date cell\'s number as its date', () => {
  it.each([
    [43190, false, '2018-03-31'],
    [43190.75, false, '2018-03-31'],
    [41728, true, '2018-03-31'],
    [32874, false, '1990-01-01'],
    [100, false, undefined],
    [80000, false, undefined],
  ])('%d (1904 system: %s) is %s', (serial, date1904, iso) => {
    expect(serialDate(serial, date1904)).toBe(iso);
  });
});

describe.each([
  ['2018-03-31', '2018-03-31'],
  ['2018-3-1', '2018-03-01'],
  ['31/03/2018', '2018-03-31'],
  ['1/3/2018', '2018-03-01'],
  ['31/03/18', '2018-03-31'],
  ['31.03.2018', '2018-03-31'],
  ['31-03-2018', '2018-03-31'],
  ['31 March 2018', '2018-03-31'],
  ['31 Mar 2018', '2018-03-31'],
  ['29/02/2016', '2016-02-29'],
])('parseReportDate(%j)', (text, iso) => {
  it(`reads ${iso}`, () => expect(parseReportDate(text)).toEqual({ iso }));
});

describe.each([
  ['30/02/2018', /not a real date/],
  ['29/02/2018', /not a real date/],
  ['03/31/18', /not a real date.*day first/],
  ['2018-13-01', /not a real date/],
  ['31 Smarch 2018', /"Smarch" is not a month/],
  ['March 2018', /not a date/],
  ['next week', /not a date/],
])('parseReportDate(%j)', (text, message) => {
  it('is refused with a reason', () => {
    const reading = parseReportDate(text);
    expect('error' in reading && reading.error).toMatch(message);
  });
});

describe('progressAnchors', () => {
  it('names each update by its date, numbering a second one on the same date in file order', () => {
    expect(progressAnchors(['2017-12-31', '2018-03-31', '2018-03-31', '2018-06-30'])).toEqual(['progress-2017-12-31', 'progress-2018-03-31', 'progress-2018-03-31-2', 'progress-2018-06-30']);
  });
  it('keeps earlier anchors when an update is appended', () => {
    const before = progressAnchors(['2018-03-31', '2018-06-30']);
    expect(progressAnchors(['2018-03-31', '2018-06-30', '2018-03-31']).slice(0, 2)).toEqual(before);
  });
});

describe('progressAsWritten: an action\'s updates with their dates as the file writes them', () => {
  it('keeps the file\'s order and every field, dates as "2018-03-31", corrections\' dates too', () => {
    const update = { status: 'complete' as const, asAt: new Date('2018-03-31'), note: 'n', reportedBy: 'r', corrections: [{ correctedOn: new Date('2018-04-20'), status: 'in-progress' as const, note: 'was', reportedBy: 'r' }] };
    const earlier = { status: 'in-progress' as const, asAt: new Date('2017-12-31'), note: 'm', reportedBy: 'q', corrections: [] };
    expect(progressAsWritten([update, earlier])).toEqual([
      { status: 'complete', asAt: '2018-03-31', note: 'n', reportedBy: 'r', corrections: [{ correctedOn: '2018-04-20', status: 'in-progress', note: 'was', reportedBy: 'r' }] },
      { status: 'in-progress', asAt: '2017-12-31', note: 'm', reportedBy: 'q', corrections: [] },
    ]);
  });
});
