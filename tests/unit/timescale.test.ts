import { describe, expect, it } from 'vitest';
import { isoDue, parseTimescale, quarterOf, sortKey } from '../../src/lib/timescale.ts';
import { editionSlugs, readCollection } from '../helpers/content.ts';

describe.each([
  ['March 2018', { kind: 'month', year: 2018, month: 3 }],
  ['September 2017', { kind: 'month', year: 2017, month: 9 }],
  ['Dec 2018', { kind: 'month', year: 2018, month: 12 }],
  ['Sept 2006', { kind: 'month', year: 2006, month: 9 }],
  ['Nov 06', { kind: 'month', year: 2006, month: 11 }],
  ['March 07', { kind: 'month', year: 2007, month: 3 }],
  ['2008', { kind: 'year', year: 2008 }],
  ['2009 100%', { kind: 'year', year: 2009 }],
  ['2008 from 13.1% to 9%', { kind: 'year', year: 2008 }],
  ['Increase of 5% by 2009', { kind: 'year', year: 2009 }],
  ['Annual June/July', { kind: 'recurring', months: [6, 7] }],
  ['Annually September', { kind: 'recurring', months: [9] }],
  ['Under 5 years old bi-annually (RHA)', { kind: 'recurring', months: [] }],
  ['5-17 years Annually (RHA)', { kind: 'recurring', months: [] }],
  ['Ongoing', { kind: 'ongoing' }],
  ['In place and ongoing', { kind: 'ongoing' }],
  ['Complete', { kind: 'complete' }],
  ['Within 20 working days of coming into care (IHA)', { kind: 'relative' }],
  ['Within 2 months of leaving care (Health passports)', { kind: 'relative' }],
  ['Increase the number of foster carers by 10%', { kind: 'unknown' }],
  ['Youth Service Baseline 2006 - 2007 Contacts: 7%', { kind: 'unknown' }],
])('parseTimescale(%j)', (text, expected) => {
  it('reads the structure and keeps the text', () => {
    const parsed = parseTimescale(text);
    expect(parsed).toMatchObject(expected);
    expect(parsed.text).toBe(text);
  });
});

describe('timescale helpers', () => {
  it('puts months in calendar quarters', () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map(quarterOf)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
  });
  it('gives ISO due dates only for dated timescales', () => {
    expect(isoDue(parseTimescale('March 2018'))).toBe('2018-03');
    expect(isoDue(parseTimescale('2009 8%'))).toBe('2009');
    expect(isoDue(parseTimescale('Ongoing'))).toBe('');
  });
  it('sorts dated timescales first, in date order', () => {
    const keys = ['Ongoing', 'March 2018', 'June 2017', '2018'].map((t) => sortKey([parseTimescale(t)]));
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[3], keys[0]]);
  });
});

// Every timescale the seeds print, read from the content: a date-like text must never fall
// through to "unknown", or it would vanish from the year filters and the timeline.
const allTimescales = editionSlugs().flatMap((edition) =>
  readCollection(edition, 'actions').flatMap((a) => a.timescales.map((t) => [edition, a.code, t] as const)),
);
describe.each(allTimescales)('%s %s timescale %j', (_edition, _code, text) => {
  it('parses to a kind that keeps its date', () => {
    const parsed = parseTimescale(text);
    const startsWithDate = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{2,4}\b|^20\d\d\b/i.test(text);
    if (startsWithDate) expect(['month', 'year']).toContain(parsed.kind);
    if (/ongoing|complete|annual/i.test(text)) expect(['ongoing', 'complete', 'recurring']).toContain(parsed.kind);
    expect(parsed.text).toBe(text.replace(/\s+/g, ' ').trim());
  });
});
