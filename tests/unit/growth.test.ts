/**
 * The growth benchmark's synthetic content (tools/lib/growth.ts), made at scale 2 in a temporary
 * folder: content the build would take (every file valid for its schema, no cross-reference
 * problem), N times the editions, and one plan N times longer with codes of its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITION_COLLECTIONS, editionSlugs, readEditionCollection, readEditionFile } from '../../src/lib/contentReader.ts';
import { findContentProblems, type ContentSet } from '../../src/lib/integrity.ts';
import { syntheticContent } from '../../tools/lib/growth.ts';
import { EDITIONS_DIR } from '../helpers/content.ts';

const SCALE = 2;
const target = mkdtempSync(join(tmpdir(), 'growth-content-'));
const made = syntheticContent(target, SCALE);
afterAll(() => rmSync(target, { recursive: true, force: true }));

/** The synthetic content as the build's cross-reference check sees it: ids "<edition>/<file>". */
function contentSet(): ContentSet {
  const slugs = editionSlugs(target);
  const set = { editions: slugs.map((slug) => ({ id: slug, filePath: join(target, slug, 'edition.yaml'), data: readEditionFile(target, slug) })) } as Record<string, unknown[]>;
  for (const collection of EDITION_COLLECTIONS) {
    set[collection] = slugs.flatMap((slug) => readEditionCollection(target, slug, collection).map(({ id, filePath, data }) => ({ id: `${slug}/${id}`, filePath, data })));
  }
  return set as unknown as ContentSet;
}

describe(`the growth benchmark's content at scale ${SCALE}`, () => {
  const real = editionSlugs(EDITIONS_DIR);

  it('is content the build takes: every file valid, every reference found, every file in its own edition', () => {
    expect(findContentProblems(contentSet())).toEqual([]);
  });

  it('holds the real editions, a copy of each, and the long plan, each copy archived and titled as a copy', () => {
    expect(editionSlugs(target)).toEqual([...made.editions].sort());
    expect(made.editions).toHaveLength(real.length * SCALE + 1);
    for (const slug of made.editions.filter((s) => !real.includes(s))) {
      const edition = readEditionFile(target, slug);
      expect(edition.status, slug).toBe('archived');
      expect(edition.shortTitle).toBe(slug);
      expect(edition.endYear - edition.startYear).toBe(3);
      expect(edition.title).toMatch(/\((synthetic copy \d+|synthetic, action plan \d+ times longer)\)$/);
    }
  });

  it('makes the long plan N times the longest real plan, every code its own, each theme N times its actions', () => {
    const longest = real.map((slug) => readEditionCollection(EDITIONS_DIR, slug, 'actions')).sort((a, b) => b.length - a.length)[0]!;
    const actions = readEditionCollection(target, made.longPlan, 'actions');
    expect(actions).toHaveLength(longest.length * SCALE);
    expect(made.longPlanActions).toBe(actions.length);
    expect(new Set(actions.map((a) => a.data.code)).size).toBe(actions.length);
    for (const { id, data } of actions) expect(id).toBe(data.code.toLowerCase());
    const perTheme = (list: typeof actions) => Object.fromEntries([...new Set(list.map((a) => a.data.theme))].sort().map((theme) => [theme, list.filter((a) => a.data.theme === theme).length]));
    expect(perTheme(actions)).toEqual(Object.fromEntries(Object.entries(perTheme(longest)).map(([theme, n]) => [theme, n * SCALE])));
  });
});
