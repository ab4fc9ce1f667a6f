/**
 * Progress updates for the Partnership Board's monitoring. None are published at launch, so the
 * feature is exercised on a copy of the content: two quarterly returns go from the template,
 * filled in as a spreadsheet would, through `npm run progress -- import` (the second with
 * `--build`), to one fixture build that the page and feed tests share.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnv, mainText, readPage, walk } from '../helpers/dist.ts';
import { EDITIONS_DIR, editionSlugs, readCollection } from '../helpers/content.ts';
import { readAtom } from '../helpers/atom.ts';

const work = mkdtempSync(join(tmpdir(), 'progress-'));
const content = join(work, 'editions');
const out = join(work, 'dist');
const TODAY = '2018-04-20';
const P6A1 = join(content, '2017-20/actions/p6-a1.yaml');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run progress -- …` on the copy of the content. */
function progress(...args: string[]): Run {
  const env = buildEnv({ CONTENT_DIR: content, INIT_CWD: ROOT, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), CHROMIUM_PATH: '/nonexistent' });
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts/progress.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every content file's text, to show a refused or dry run changed nothing. */
const snapshot = () => new Map(walk(content).map((file) => [relative(content, file), readFileSync(file, 'utf8')]));

/** The officer's part: open the template, fill in one action's row, save as CSV. */
function fillReturn(template: string, code: string, cells: { status: string; as_at: string; note: string; reported_by: string }): string {
  const rows = parse(readFileSync(template, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  const row = rows.find((r) => r['action_id'] === code);
  if (!row) throw new Error(`no row for ${code} in the template`);
  Object.assign(row, cells);
  const filled = join(work, `filled-${cells.as_at.replace(/\//g, '-')}.csv`);
  writeFileSync(filled, stringify(rows, { bom: true, header: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ }));
  return filled;
}

const quarter1 = { status: 'In progress', as_at: '31/12/2017', note: 'Fixture: pocket money discussed at placement in most new placements.', reported_by: 'Fixture reporter' };
const quarter2 = { status: 'Complete', as_at: '31/03/2018', note: 'Fixture: recorded in every placement plan.', reported_by: 'Fixture reporter' };
const runs: Record<string, Run> = {};
let original = '';
let afterQuarter2 = '';
let unchangedByBadReturn = false;
let unchangedBySecondImport = false;
let unchangedByDryRun = false;

beforeAll(() => {
  cpSync(EDITIONS_DIR, content, { recursive: true });
  original = readFileSync(P6A1, 'utf8');

  const template1 = join(work, 'template-q1.csv');
  runs['template'] = progress('template', '--edition', '2017-20', '--out', template1);
  runs['import1'] = progress('import', fillReturn(template1, 'P6-A1', quarter1), '--today', TODAY);

  let before = snapshot();
  runs['bad'] = progress('import', join(ROOT, 'tests/fixtures/returns/every-problem.csv'), '--today', TODAY);
  unchangedByBadReturn = JSON.stringify([...snapshot()]) === JSON.stringify([...before]);
  runs['dryRun'] = progress('import', join(ROOT, 'tests/fixtures/returns/libreoffice-en-gb.csv'), '--dry-run', '--today', TODAY);
  unchangedByDryRun = JSON.stringify([...snapshot()]) === JSON.stringify([...before]);

  // Next quarter's template shows the status just reported; its return is imported and built in
  // one command (PDFs left out: no Chromium path, as in the base-path build).
  const template2 = join(work, 'template-q2.csv');
  progress('template', '--edition', '2017-20', '--out', template2);
  runs['template2'] = { status: 0, stdout: readFileSync(template2, 'utf8'), stderr: '' };
  const return2 = fillReturn(template2, 'P6-A1', quarter2);
  runs['import2'] = progress('import', return2, '--build', '--today', TODAY);
  if (runs['import2'].status !== 0) throw new Error(`import --build failed:\n${runs['import2'].stdout}\n${runs['import2'].stderr}`);
  afterQuarter2 = readFileSync(P6A1, 'utf8');

  before = snapshot();
  runs['again'] = progress('import', return2, '--today', TODAY);
  unchangedBySecondImport = JSON.stringify([...snapshot()]) === JSON.stringify([...before]);
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('published content', () => {
  it('ships no progress updates: nothing is invented', () => {
    for (const edition of editionSlugs()) {
      for (const action of readCollection<{ progress?: unknown[] }>(edition, 'actions')) expect(action.progress ?? []).toEqual([]);
    }
    expect(mainText(readPage('/2017-20/action-plan/'))).toContain('No progress updates have been published yet.');
  });
});

describe('a quarterly return, from spreadsheet to page', () => {
  it('the template is written for every action', () => {
    expect(runs['template']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['template']!.stdout).toMatch(/Wrote .*template-q1\.csv: 49 actions of edition 2017-20\./);
  });

  it('each import adds its update and says what it added, row by row; --build publishes it in the same command', () => {
    expect(runs['import1']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['import1']!.stdout).toMatch(/^Added 1 update:\n {2}Row \d+: P6-A1: In progress, as at 31 December 2017, reported by Fixture reporter → .*p6-a1\.yaml\n/);
    expect(runs['import2']!.stdout).toMatch(/^Added 1 update:\n {2}Row \d+: P6-A1: Complete, as at 31 March 2018, reported by Fixture reporter .*\nBuilding the site with them \(npm run build\)/);
  });

  it('the next template shows the latest status reported', () => {
    const row = (parse(runs['template2']!.stdout, { bom: true, columns: true }) as Record<string, string>[]).find((r) => r['action_id'] === 'P6-A1');
    expect([row?.['latest_status'], row?.['latest_as_at']]).toEqual(['In progress', '2017-12-31']);
  });

  it('the action file keeps everything it said and gains the updates at its end', () => {
    expect(afterQuarter2.startsWith(original)).toBe(true);
    expect(afterQuarter2.slice(original.length)).toBe(
      `progress:\n  - status: "in-progress"\n    asAt: 2017-12-31\n    note: "${quarter1.note}"\n    reportedBy: "Fixture reporter"\n  - status: "complete"\n    asAt: 2018-03-31\n    note: "${quarter2.note}"\n    reportedBy: "Fixture reporter"\n`,
    );
  });

  it('the action shows its history, newest first, with status in words and the as-at date', () => {
    const text = mainText(readPage('/2017-20/actions/p6-a1/', out));
    expect(text).toMatch(/Latest: Complete, as at 31 March 2018 Fixture: recorded in every placement plan\. Reported by Fixture reporter In progress, as at 31 December 2017/);
  });

  it('the plan page gives an as-at summary', () => {
    const text = mainText(readPage('/2017-20/action-plan/', out));
    expect(text).toContain('As at 31 March 2018, progress has been reported on 1 of 49 actions: Complete: 1');
  });
});

describe('a return that cannot be imported', () => {
  it('is refused whole: every problem listed by row and column, non-zero exit, no file changed', () => {
    expect(runs['bad']!.status).toBe(1);
    expect(runs['bad']!.stdout).toBe('');
    expect(runs['bad']!.stderr.trim().split('\n')).toEqual([
      'tests/fixtures/returns/every-problem.csv has 8 problems. Nothing was imported: no file was changed.',
      '  Row 2, column "action_id": there is no action "P13-A1" in edition 2017-20',
      '  Row 3, column "status": "Nearly done" is not a status on the Board\'s list: Not started, In progress, At risk, Complete, No longer applicable',
      '  Row 4, column "as_at": "30/02/2018" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      '  Row 5, column "as_at": 1 January 2030 is in the future (today is 20 April 2018)',
      '  Row 6, column "reported_by": is empty: give the role or organisation reporting',
      '  Row 7, column "status": this update is already recorded for P6-A1 (In progress, as at 31 December 2017): has this return been imported before?',
      '  Row 8, column "as_at": is filled in but "status" is empty: give a status, or clear "as_at"',
      '  Row 8, column "note": is filled in but "status" is empty: give a status, or clear "note"',
    ]);
    expect(unchangedByBadReturn).toBe(true);
  });

  it('run a second time, the same return adds nothing', () => {
    expect(runs['again']!.status).toBe(1);
    expect(runs['again']!.stderr).toMatch(/column "status": this update is already recorded for P6-A1 \(Complete, as at 31 March 2018\)/);
    expect(unchangedBySecondImport).toBe(true);
  });

  it('a dry run says what it would add and changes nothing', () => {
    expect(runs['dryRun']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['dryRun']!.stdout).toMatch(/^Would add 2 updates \(dry run: no file was changed\):\n {2}Row 18: P4-A2: Complete, as at 31 March 2018, reported by Fixture officer, CiCCL → .*\n {2}Row 22: P6-A1: In progress, as at 31 March 2018/);
    expect(unchangedByDryRun).toBe(true);
  });
});

describe('the progress feeds with updates', () => {
  it('the edition feed has one valid entry per update, newest first, each linking to the update on its page', () => {
    const feed = readAtom(readFileSync(join(out, '2017-20/progress.atom'), 'utf8'));
    expect(feed.problems).toEqual([]);
    expect(feed.updated).toBe('2018-03-31T00:00:00Z');
    expect(feed.entries.map((e) => [e.title, e.author, e.summary, e.category])).toEqual([
      ['P6-A1: Complete, as at 31 March 2018', 'Fixture reporter', quarter2.note, 'complete'],
      ['P6-A1: In progress, as at 31 December 2017', 'Fixture reporter', quarter1.note, 'in-progress'],
    ]);
    const page = readPage('/2017-20/actions/p6-a1/', out);
    for (const entry of feed.entries) {
      const link = new URL(entry.link);
      expect(link.pathname).toBe('/2017-20/actions/p6-a1/');
      expect(page).toContain(` id="${link.hash.slice(1)}"`);
    }
  });

  it('the site feed carries the same updates; the other edition\'s feed stays empty and valid', () => {
    const site = readAtom(readFileSync(join(out, 'progress.atom'), 'utf8'));
    const archived = readAtom(readFileSync(join(out, '2008-11/progress.atom'), 'utf8'));
    expect([site.problems, archived.problems]).toEqual([[], []]);
    expect(site.entries.map((e) => e.id)).toEqual(readAtom(readFileSync(join(out, '2017-20/progress.atom'), 'utf8')).entries.map((e) => e.id));
    expect(archived.entries).toEqual([]);
  });
});

describe('the schema', () => {
  it('a status outside the fixed list fails the build naming the file and field', () => {
    appendFileSync(join(content, '2017-20/actions/p1-a1.yaml'), 'progress:\n  - status: "nearly"\n    asAt: 2018-01-01\n    note: "x"\n    reportedBy: "y"\n');
    const build = spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: buildEnv({ CONTENT_DIR: content, OUT_DIR: join(work, 'bad'), ASTRO_CACHE_DIR: join(work, 'cache2') }) });
    expect(build.status).not.toBe(0);
    expect(`${build.stdout}${build.stderr}`).toMatch(/2017-20\/actions\/p1-a1\.yaml/);
    expect(`${build.stdout}${build.stderr}`).toMatch(/progress\.0\.status/);
  });
});
