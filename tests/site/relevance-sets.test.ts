/**
 * The relevance sets are sound: every answer is an action of the content or a page of the built
 * site, and the set in users' words has its groups, its needs and enough queries for each group.
 * The held-out half is checked when it is there (it is written apart, and may be absent from a
 * working copy).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { editionSlugs, readCollection } from '../helpers/content.ts';
import { relevanceSets } from '../../tools/lib/relevance-run.ts';
import { GROUPS, checkUserSet, isActionId } from '../../tools/lib/relevance.ts';

const actionIds = new Set(editionSlugs().flatMap((e) => readCollection(e, 'actions').map((a) => a.id.toUpperCase())));
const { sets } = relevanceSets();

describe.each(sets.map((s) => [s.name, s] as const))('relevance set: %s', (name, set) => {
  it('answers with actions that exist and pages that are built', () => {
    const missing = set.queries.flatMap((q) =>
      q.answers.filter((a) => (isActionId(a) ? !actionIds.has(a.toUpperCase()) : !existsSync(join(DIST, a, 'index.html')))).map((a) => `“${q.query}”: ${a}`),
    );
    expect(missing).toEqual([]);
  });

  it.runIf(name !== 'old')('says who asks and what they want to know, with enough queries for each group', () => {
    expect(checkUserSet(set.queries, name === 'tuning' ? 12 : 0)).toEqual([]);
    expect(new Set(set.queries.map((q) => q.group))).toEqual(new Set(GROUPS));
    // Each query once: a query typed twice would count twice.
    expect(new Set(set.queries.map((q) => q.query.toLowerCase())).size).toBe(set.queries.length);
  });
});

it('the tuning half has at least 48 queries in users’ words', () => {
  expect(sets.find((s) => s.name === 'tuning')?.queries.length).toBeGreaterThanOrEqual(48);
});
