/**
 * Progress updates for the Partnership Board's monitoring. None are published at launch, so the
 * feature is exercised on a copy of the content with fixture updates, built apart.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnv, mainText, readPage } from '../helpers/dist.ts';
import { EDITIONS_DIR, editionSlugs, readCollection } from '../helpers/content.ts';

const work = mkdtempSync(join(tmpdir(), 'progress-'));
const out = join(work, 'dist');

beforeAll(() => {
  const content = join(work, 'editions');
  cpSync(EDITIONS_DIR, content, { recursive: true });
  appendFileSync(
    join(content, '2017-20/actions/p6-a1.yaml'),
    `progress:
  - status: "in-progress"
    asAt: 2017-12-31
    note: "Fixture: pocket money discussed at placement in most new placements."
    reportedBy: "Fixture reporter"
  - status: "complete"
    asAt: 2018-03-31
    note: "Fixture: recorded in every placement plan."
    reportedBy: "Fixture reporter"
`,
  );
  const build = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: buildEnv({ CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache') }) });
  if (build.status !== 0) throw new Error(`${build.stdout}\n${build.stderr}`);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('published content', () => {
  it('ships no progress updates: nothing is invented', () => {
    for (const edition of editionSlugs()) {
      for (const action of readCollection<{ progress?: unknown[] }>(edition, 'actions')) expect(action.progress ?? []).toEqual([]);
    }
    expect(mainText(readPage('/2017-20/action-plan/'))).toContain('No progress updates have been published yet.');
  });
});

describe('with fixture updates', () => {
  it('the action shows its history, newest first, with status in words and the as-at date', () => {
    const text = mainText(readPage('/2017-20/actions/p6-a1/', out));
    expect(text).toMatch(/Latest: Complete, as at 31 March 2018 Fixture: recorded in every placement plan\. Reported by Fixture reporter In progress, as at 31 December 2017/);
  });

  it('the plan page gives an as-at summary', () => {
    const text = mainText(readPage('/2017-20/action-plan/', out));
    expect(text).toContain('As at 31 March 2018, progress has been reported on 1 of 49 actions: Complete: 1');
  });

  it('a status outside the fixed list fails the build naming the file and field', () => {
    const content = join(work, 'editions');
    appendFileSync(join(content, '2017-20/actions/p1-a1.yaml'), 'progress:\n  - status: "nearly"\n    asAt: 2018-01-01\n    note: "x"\n    reportedBy: "y"\n');
    const build = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: buildEnv({ CONTENT_DIR: content, OUT_DIR: join(work, 'bad'), ASTRO_CACHE_DIR: join(work, 'cache2') }) });
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toMatch(/2017-20\/actions\/p1-a1\.yaml/);
    expect(`${build.stdout}${build.stderr}`).toMatch(/progress\.0\.status/);
  });
});
