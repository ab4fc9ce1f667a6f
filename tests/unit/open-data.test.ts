/** The action plan's CSV as RFC 4180 says, as spreadsheet programs read it: written by csv-stringify. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../src/lib/actionPlan.ts';
import { actionPlanCsv, CSV_COLUMNS } from '../../src/lib/openData.ts';
import { parseTimescale } from '../../src/lib/timescale.ts';

const record = (code: string, fields: Partial<ActionRecord>): ActionRecord => {
  const timescales = fields.timescales ?? ['March 2018'];
  return {
    edition: '2017-20', code, anchor: code.toLowerCase(), themeId: 'p1', themeCode: 'P1', themeNumber: 1, themeSlug: '1', themeShortTitle: 'Moving in',
    order: 1, source: undefined, aims: ['An aim'], actions: ['An action'], outcomes: [], timescales, parsedTimescales: timescales.map(parseTimescale),
    leadText: 'Fostering', leadIds: ['fostering'], leadNames: ['Fostering'], leadSegments: [], inherited: [], splitFrom: undefined, note: undefined, progress: [],
    ...fields,
  };
};

const plain = record('P1-A1', {});
const awkward = record('P1-A2', {
  aims: ['Children, and young people'],
  actions: ['Say "hello"', 'then listen'],
  outcomes: ['A line\r\nbreak of its own'],
  timescales: ['March 2018', 'Ongoing'],
  note: 'Joined across a page break.',
});
const csv = actionPlanCsv([plain, awkward]);

describe('actionPlanCsv', () => {
  it('begins with a byte-order mark and the header, and ends every row, the last too, with CRLF', () => {
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS.map((c) => c.name).join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').split('\r\n')).toHaveLength(4);
  });

  it('writes a plain cell bare and an empty cell empty', () => {
    expect(csv.split('\r\n')[1]).toBe('P1-A1,2017-20,1,Moving in,,An aim,An action,,March 2018,month,2018-03,Fostering,fostering,,');
  });

  it('quotes a cell holding a comma, a quote (doubled) or a line break, the items of a seed cell on lines of their own', () => {
    expect(csv).toContain(',"Children, and young people",');
    expect(csv).toContain(',"Say ""hello""\nthen listen",');
    expect(csv).toContain(',"A line\r\nbreak of its own",');
    expect(csv).toContain(',"March 2018\nOngoing","month\nongoing","2018-03\n",');
  });

  it('reads back, cell for cell, with a CSV parser', () => {
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(CSV_COLUMNS.map((c) => c.name));
    expect(rows.slice(1)).toEqual([plain, awkward].map((a) => CSV_COLUMNS.map((c) => c.value(a))));
  });
});
