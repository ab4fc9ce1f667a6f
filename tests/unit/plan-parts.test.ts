import { describe, expect, it } from 'vitest';
import { planParts, PLAN_PAGE_LIMIT } from '../../src/lib/planParts.ts';

const group = (slug: string, count: number) => ({ slug, heading: slug, href: `/x/${slug}/`, actions: Array.from({ length: count }, (_, i) => `${slug}-${i + 1}`) });

describe('planParts', () => {
  it('keeps a plan within the limit on one page (both real plans)', () => {
    expect(planParts([group('a', 49)])).toBeNull();
    expect(planParts([group('a', 40), group('b', 39)])).toBeNull();
    expect(planParts([group('a', PLAN_PAGE_LIMIT)])).toBeNull();
  });

  it('gives a longer plan a page per statement, in plan order, every action once', () => {
    const groups = [group('a', 150), group('b', 120)];
    const parts = planParts(groups)!;
    expect(parts.map((p) => [p.number, p.group.slug, p.group.actions.length, p.run, p.runs])).toEqual([
      [1, 'a', 150, 1, 1],
      [2, 'b', 120, 1, 1],
    ]);
  });

  it('splits a statement longer than the limit into equal runs of consecutive actions', () => {
    const parts = planParts([group('a', 10), group('b', 25)], 12)!;
    expect(parts.map((p) => [p.group.slug, p.group.actions.length, p.run, p.runs])).toEqual([
      ['a', 10, 1, 1],
      ['b', 9, 1, 3],
      ['b', 9, 2, 3],
      ['b', 7, 3, 3],
    ]);
    expect(parts.flatMap((p) => p.group.actions)).toEqual([...group('a', 10).actions, ...group('b', 25).actions]);
    for (const p of parts) expect(p.group.actions.length).toBeLessThanOrEqual(12);
  });
});
