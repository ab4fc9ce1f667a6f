/** The least success@3 the relevance test asks of a set: its target, or what was measured less the leeway while short of it. */
import { describe, expect, it } from 'vitest';
import { QUERIES_OF_LEEWAY, TARGET_SUCCESS_AT_3, leastSuccessAt3, type RelevanceSet } from '../../tools/lib/relevance-run.ts';

const set = (name: RelevanceSet['name'], measured?: RelevanceSet['measured']): RelevanceSet => ({ name, file: new URL('file:///set.json'), queries: [], measured });

describe('leastSuccessAt3', () => {
  it('is the target where nothing was measured, or what was measured reached it', () => {
    expect(leastSuccessAt3(set('old'), 49)).toEqual({ least: TARGET_SUCCESS_AT_3.old, belowTarget: false });
    expect(leastSuccessAt3(set('tuning', { on: '2026-12-02', successAt3: 0.93, groups: { staff: 0.95 } }), 100, 'staff')).toEqual({ least: 0.9, belowTarget: false });
  });

  it('is what was measured less the leeway while short of the target, for the set and for each group', () => {
    const measured = set('held-out', { on: '2026-12-02', successAt3: 0.8, groups: { members: 0.75 } });
    expect(leastSuccessAt3(measured, 100)).toEqual({ least: 0.8 - QUERIES_OF_LEEWAY / 100, belowTarget: true });
    expect(leastSuccessAt3(measured, 20, 'members')).toEqual({ least: 0.75 - QUERIES_OF_LEEWAY / 20, belowTarget: true });
  });

  it('a group the measurement does not name is held to the target', () => {
    expect(leastSuccessAt3(set('held-out', { on: '2026-12-02', successAt3: 0.8, groups: {} }), 30, 'public')).toEqual({ least: 0.9, belowTarget: false });
  });
});
