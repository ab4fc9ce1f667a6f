/**
 * The 2008-11 action plan group by group: as many rows in the content as in the seed. A seed
 * row continued after a page break is one row; a row whose paired actions were split keeps
 * one row (its actions share `splitFrom`).
 */
import { describe, expect, it } from 'vitest';
import { normaliseSeedText } from '../helpers/fidelity.ts';
import { readCollection, readSeed } from '../helpers/content.ts';

const GROUPS: [string, string][] = [
  ['SERVICE MANAGEMENT', 'sm'],
  ['HELP CHILDREN IN CARE BE HEALTHY', 'bh'],
  ['HELP CHILDREN IN CARE BE SAFE', 'ss'],
  ['HELP CHILDREN IN CARE ENJOY AND ACHIEVE', 'ea'],
  ['HELP CiC MAKE A POSITIVE CONTRIBUTION', 'pc'],
  ['HELP CiC ACHIEVE ECONOMIC WELL-BEING', 'ew'],
];

/** Rows per group heading in the seed, not counting repeated headers or page-break continuations. */
function seedRowsPerGroup(seed: string): Map<string, number> {
  const counts = new Map<string, number>();
  let group = '';
  for (const line of seed.split('\n')) {
    if (!line.includes('\t')) continue;
    const cells = line.split('\t').map((c) => normaliseSeedText(c));
    if (/^TARGET FROM$/i.test(cells[0] ?? '')) continue;
    const heading = GROUPS.find(([name]) => cells[0] === name);
    if (heading) {
      group = heading[1];
      continue;
    }
    if (!group) continue;
    const filled = cells.filter(Boolean);
    // A line with no "Target from" and no key task that holds one cell only, or that starts in
    // the middle of a sentence, is the rest of the row above, cut by a page break.
    const continuation = !cells[0] && !cells[1] && (filled.length <= 1 || /^[a-z]/.test(filled[0] ?? ''));
    if (!continuation) counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return counts;
}

describe('the 2008-11 action plan', () => {
  const seedRows = seedRowsPerGroup(readSeed('2008-11'));
  const actions = readCollection('2008-11', 'actions');

  it('has the seed’s six groups: service management and the five Every Child Matters outcomes', () => {
    expect([...seedRows.keys()]).toEqual(GROUPS.map(([, code]) => code));
    expect(readCollection('2008-11', 'themes').map((t) => t.id).sort()).toEqual(GROUPS.map(([, code]) => code).sort());
  });

  it.each(GROUPS.map(([name, code]) => [name, code]))('%s: as many rows as the seed', (_name, code) => {
    const rows = actions.filter((a) => a.theme === code && (!a.splitFrom || a.splitFrom === a.code));
    expect(rows.length).toBe(seedRows.get(code));
  });

  it('split rows keep their pairing: every split action names an existing first action of its own group', () => {
    for (const action of actions.filter((a) => a.splitFrom)) {
      const first = actions.find((a) => a.code === action.splitFrom);
      expect(first?.theme, action.code).toBe(action.theme);
      expect(first?.splitFrom, action.code).toBe(first?.code);
    }
  });
});
