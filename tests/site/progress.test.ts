/**
 * Progress returns from the spreadsheets officers use to the published pages and feeds, on a
 * copy of the content (its progress cleared, so the story is the same whatever is published).
 * The templates are written with `npm run progress -- template`; the returns are the fixtures
 * LibreOffice saved from them (tests/fixtures/returns/, what was typed in typed.json), imported
 * in the order a quarter brings them, the last with `--build`: one fixture build that the page
 * and feed tests share.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longDate } from '../../src/lib/dates.ts';
import { parseStatus, PROGRESS_STATUSES, STATUS_LABELS } from '../../src/lib/progress.ts';
import { withoutProgress } from '../../tools/lib/progress-yaml.ts';
import { toString } from 'hast-util-to-string';
import { DIST, ROOT, buildEnv, mainText, readPage, walk, oneBuildAtATime } from '../helpers/dist.ts';
import { attribute, attributesOf, pageTree, selectAll } from '../helpers/html.ts';
import { EDITIONS_DIR, editionSlugs, readCollection } from '../helpers/content.ts';
import { readAtom } from '../helpers/atom.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/returns');
const TYPED = JSON.parse(readFileSync(join(FIXTURES, 'typed.json'), 'utf8')) as {
  today: string;
  updates: Record<string, { code: string; status: string; asAt: string; note: string; reportedBy: string }>;
};
const TODAY = TYPED.today;
const work = mkdtempSync(join(tmpdir(), 'progress-'));
const content = join(work, 'editions');
const out = join(work, 'dist');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run progress -- …` on the copy of the content. */
function progress(args: string[], env: Record<string, string> = {}): Run {
  // The tool builds the site after an import (one build at a time: oneBuildAtATime).
  const run = oneBuildAtATime(() =>
    spawnSync(process.execPath, [join(ROOT, 'tools/progress.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: buildEnv({ CONTENT_DIR: content, INIT_CWD: ROOT, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), CHROMIUM_PATH: '/nonexistent', ...env }),
    }),
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
const fixture = (name: string) => join(FIXTURES, name);
const importing = (name: string, ...flags: string[]) => progress(['import', fixture(name), '--today', TODAY, ...flags]);

/** Every content file's text, to show a refused or dry run changed nothing. */
const snapshot = () => JSON.stringify(walk(content).map((file) => [relative(content, file), readFileSync(file, 'utf8')]));
const runs: Record<string, Run> = {};
const unchanged: Record<string, boolean> = {};
/** Runs an import that must change nothing, and records whether it did. */
function refused(name: string, run: () => Run) {
  const before = snapshot();
  runs[name] = run();
  unchanged[name] = snapshot() === before;
}

/** What typed.json says each update should be, as the page and feed show it. */
const typed = (key: string) => {
  const t = TYPED.updates[key]!;
  return { ...t, status: parseStatus(t.status)! };
};
/** The updates published at the end, each as it stands: (action, update, what it said before a correction). */
const PUBLISHED = [
  { key: 'P6-A1 Q2' },
  { key: 'P6-A1 Q1 corrected', was: 'P6-A1 Q1' },
  { key: 'P4-A2 Q1' },
  { key: 'P9-A1 Q1' },
  { key: 'P12-A1 Q1' },
  { key: 'P1-A1 Q1' },
  { key: 'P4-A3 Q1' },
  { key: 'P8-A3 Q1' },
].map((p) => ({ ...typed(p.key), was: p.was ? typed(p.was) : undefined }));

beforeAll(() => {
  cpSync(EDITIONS_DIR, content, { recursive: true });
  // The story starts from no progress, whatever the published content already holds.
  for (const file of walk(content).filter((f) => /\/actions\/[^/]+\.yaml$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    const before = withoutProgress(text);
    if (before !== text) writeFileSync(file, before);
  }

  for (const edition of editionSlugs()) runs[`template ${edition}`] = progress(['template', '--edition', edition, '--out', join(work, `returns-${edition}`)]);
  runs['ciccl'] = importing('ciccl-q1.xlsx');
  runs['fostering'] = importing('fostering-q1.ods');
  runs['windows-1252'] = importing('irm-q1-windows-1252.csv');
  runs['utf-8 again'] = importing('irm-q1-utf8.csv');
  runs['resend'] = importing('ciccl-q1-resend.xlsx');
  refused('correction without --corrections', () => importing('ciccl-q1-correction.xlsx'));
  runs['correction'] = importing('ciccl-q1-correction.xlsx', '--corrections');
  runs['extra column'] = importing('ciccl-q1-extra-column.xlsx');
  refused('png', () => importing('not-a-spreadsheet.csv'));
  refused('every problem', () => importing('every-problem.csv'));
  refused('old template, dry run', () => importing('libreoffice-en-gb.csv', '--dry-run'));
  const huge = join(work, 'huge.csv');
  writeFileSync(huge, `action_id,edition,status,as_at,note,reported_by\n${'P4-A2,2017-20,Complete,31/03/2018,Fixture,r\n'.repeat(120_000)}`);
  refused('huge', () => progress(['import', huge, '--today', TODAY]));
  refused('build without SITE_URL', () => importing('ciccl-q2.xlsx', '--build'));
  runs['next template'] = progress(['template', '--edition', '2017-20', '--lead', 'principal-manager-ciccl', '--out', join(work, 'next.xlsx')]);
  // The next quarter's return, imported and built in one command (a local preview; PDFs left
  // out: no Chromium path, as in the base-path build).
  runs['build'] = importing('ciccl-q2.xlsx', '--build', '--preview');
  if (runs['build'].status !== 0) throw new Error(`import --build failed:\n${runs['build'].stdout}\n${runs['build'].stderr}`);
  refused('q2 again', () => importing('ciccl-q2.xlsx'));
  for (const topic of ['', 'template', 'import']) runs[`help ${topic}`] = progress([...(topic ? [topic] : []), '--help']);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The action codes of each row of a workbook's sheet "Return". */
async function workbookCodes(file: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const codes: string[] = [];
  book.getWorksheet('Return')!.eachRow((row, n) => {
    if (n > 1) codes.push(String(row.getCell(1).value));
  });
  return codes;
}

describe('the templates', () => {
  it.each(editionSlugs())('%s: one workbook per lead holding exactly the actions its lead page lists, and one for the whole plan', async (edition) => {
    expect(runs[`template ${edition}`]).toMatchObject({ status: 0, stderr: '' });
    const folder = join(work, `returns-${edition}`);
    const leadPages = readdirSync(join(DIST, edition, 'leads'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(readdirSync(folder).sort()).toEqual(['whole-plan.xlsx', ...leadPages.map((lead) => `${lead}.xlsx`)].sort());
    for (const lead of leadPages) {
      const onPage = attributesOf('tr[id][data-action]', 'data-action', pageTree(`/${edition}/leads/${lead}/`));
      expect(await workbookCodes(join(folder, `${lead}.xlsx`)), lead).toEqual(onPage);
    }
    const plan = attributesOf('tr[id][data-action]', 'data-action', pageTree(`/${edition}/action-plan/`));
    expect(await workbookCodes(join(folder, 'whole-plan.xlsx'))).toEqual(plan);
  });

  it('say what they wrote: the Principal Manager, CiCCL has more actions than rows printing that lead', () => {
    const count = selectAll('[data-action]', pageTree('/2017-20/leads/principal-manager-ciccl/')).length;
    expect(runs['template 2017-20']!.stdout).toMatch(new RegExp(`^  principal-manager-ciccl\\.xlsx +${count} actions: Principal Manager, CiCCL$`, 'm'));
    const printed = readCollection('2017-20', 'actions').filter((action) => action.leadText === 'Principal Manager, CiCCL').length;
    expect(count).toBeGreaterThan(printed);
  });

  it('the next template shows the latest status reported', async () => {
    expect(runs['next template']).toMatchObject({ status: 0, stderr: '' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(work, 'next.xlsx'));
    const row = book.getWorksheet('Return')!.getRows(2, 100)!.find((r) => r.getCell(1).value === 'P6-A1')!;
    expect([row.getCell(8).value, row.getCell(9).value]).toEqual(['In progress', new Date('2017-12-31T00:00:00Z')]);
  });
});

describe('returns, as the web team imports them', () => {
  it('an .xlsx and an .ods saved by LibreOffice are read as workbooks, row by row', () => {
    expect(runs['ciccl']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['ciccl']!.stdout).toMatch(/^Read .*ciccl-q1\.xlsx: an Excel workbook \(\.xlsx\), sheet "Return", \d+ rows\.\nAdded 2 updates:\n {2}Row \d+: P4-A2: Complete, as at 31 December 2017, reported by Principal Manager, CiCCL → .*p4-a2\.yaml\n {2}Row \d+: P6-A1: In progress, as at 31 December 2017/);
    expect(runs['fostering']!.stdout).toMatch(/^Read .*fostering-q1\.ods: an OpenDocument spreadsheet \(\.ods\), sheet "Return", \d+ rows\.\nAdded 1 update:\n {2}Row \d+: P1-A1: At risk, as at 31 December 2017/);
  });

  it('Excel\'s plain "CSV" (Windows-1252) is read as such and said so, with the characters to check; the reporter who is not a lead is a warning', () => {
    expect(runs['windows-1252']).toMatchObject({ status: 0, stderr: '' });
    const out = runs['windows-1252']!.stdout;
    expect(out).toContain('It is not UTF-8: it was read as Windows-1252, what Excel\'s plain "CSV" saves. Check these characters as read: ');
    for (const char of '£’“”–') expect(out.split('Check these characters as read: ')[1]!.split('.')[0]).toContain(char);
    expect(out).toMatch(/Warning: Row \d+, column "Reported by": "Fixture reporter" is not one of P8-A3's leads/);
    expect(out).toMatch(/Added 2 updates:\n {2}Row \d+: P4-A3: .*\n {2}Row \d+: P8-A3: /);
  });

  it('the same return saved again as UTF-8 is already recorded: nothing added, nothing refused', () => {
    expect(runs['utf-8 again']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['utf-8 again']!.stdout).toMatch(/Already recorded, nothing to do: 2 rows \(row \d+, P4-A3; row \d+, P8-A3\)\.\nNothing new to import\. No file was changed\.\n$/);
  });

  it('a resend adds only its new row', () => {
    expect(runs['resend']!.stdout).toMatch(/Already recorded, nothing to do: 2 rows .*\nAdded 1 update:\n {2}Row \d+: P9-A1: Not started/);
  });

  it('a correction is refused without --corrections, naming what changed; with it, it is made and said so', () => {
    expect(runs['correction without --corrections']!.status).toBe(1);
    expect(runs['correction without --corrections']!.stderr).toMatch(/has 1 problem\. Nothing was imported: no file was changed\.\n {2}Row \d+, column "Note": P6-A1 as at 31 December 2017 is already recorded in other words \(note "…pocket money of £5\.50 a week agreed –…" → "…pocket money of £6\.50 a week agreed –…"\)\. If this row corrects it, import with --corrections/);
    expect(unchanged['correction without --corrections']).toBe(true);
    expect(runs['correction']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['correction']!.stdout).toMatch(/Already recorded, nothing to do: 2 rows \(row \d+, P4-A2; row \d+, P9-A1\)\.\nCorrected 1 update, shown as corrected on 20 April 2018 with what it said before:\n {2}Row \d+: P6-A1 as at 31 December 2017: note "…pocket money of £5\.50 a week agreed –…" → "…pocket money of £6\.50 a week agreed –…" → .*p6-a1\.yaml\n/);
  });

  it('a column that is not the return\'s is named in the output', () => {
    expect(runs['extra column']!.stdout).toMatch(/Warning: Column N "Comments for the Board" is not a column of the return, so it is not imported \(filled in row \d+\)\./);
    expect(runs['extra column']!.stdout).toMatch(/Added 1 update:\n {2}Row \d+: P12-A1/);
  });

  it('a picture renamed .csv is refused in one line, saying what it is', () => {
    expect(runs['png']).toMatchObject({ status: 1, stdout: '' });
    expect(runs['png']!.stderr.trim().split('\n')).toEqual([`tests/fixtures/returns/not-a-spreadsheet.csv is a PNG image, not a spreadsheet: send the progress return itself (.xlsx, .ods or .csv). Nothing was imported: no file was changed.`]);
    expect(unchanged['png']).toBe(true);
  });

  it('a return with problems is refused whole: every problem by row and column, non-zero exit, no file changed', () => {
    expect(runs['every problem']).toMatchObject({ status: 1, stdout: '' });
    const lines = runs['every problem']!.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^tests\/fixtures\/returns\/every-problem\.csv, read as CSV text in UTF-8, has \d+ problems\. Nothing was imported: no file was changed\.$/);
    expect(lines.slice(1, 6)).toEqual([
      '  Row 2, column "action_id": there is no action "P13-A1" in edition 2017-20',
      '  Row 3, column "status": "Nearly done" is not a status on the Board\'s list: Not started, In progress, At risk, Complete, No longer applicable',
      '  Row 4, column "as_at": "30/02/2018" is not a real date (dates are read day first: 31/03/2018 or 2018-03-31)',
      '  Row 5, column "as_at": 1 January 2030 is in the future (today is 20 April 2018)',
      '  Row 6, column "reported_by": is empty: give the role or organisation reporting',
    ]);
    expect(unchanged['every problem']).toBe(true);
  });

  it('a return made from the CSV template sent out before the workbooks still imports (a dry run changes nothing)', () => {
    expect(runs['old template, dry run']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['old template, dry run']!.stdout).toMatch(/Would add 2 updates:\n {2}Row 18: P4-A2: Complete, as at 31 March 2018, reported by Fixture officer, CiCCL → .*\n {2}Row 22: P6-A1: In progress, as at 31 March 2018, reported by Fixture officer, Fostering → /);
    expect(runs['old template, dry run']!.stdout).toContain('Dry run: no file was changed.');
    expect(unchanged['old template, dry run']).toBe(true);
  });

  it('a file over the size limit is refused in one line', () => {
    expect(runs['huge']!.status).toBe(1);
    expect(runs['huge']!.stderr.trim()).toMatch(/^\S*huge\.csv is \d\.\d MB, more than a return can be \(5 MB at most\): check it is the progress return\. Nothing was imported: no file was changed\.$/);
    expect(unchanged['huge']).toBe(true);
  });

  it('--build refuses without SITE_URL (the published links would say localhost) unless asked for a preview, before changing anything', () => {
    expect(runs['build without SITE_URL']).toMatchObject({ status: 2, stdout: '' });
    expect(runs['build without SITE_URL']!.stderr).toMatch(/^--build publishes the site, and its links, sitemap and feeds must name the address it is published at: give it as SITE_URL=https:\/\/… npm run progress -- import … --build, or add --preview for a local preview build/);
    expect(unchanged['build without SITE_URL']).toBe(true);
    expect(runs['build']!.stdout).toMatch(/Added 1 update:\n {2}Row \d+: P6-A1: Complete, as at 31 March 2018.*\nBuilding the site with them \(npm run build\), as a local preview…/);
  });

  it('run a second time, the same return adds nothing and says so', () => {
    expect(runs['q2 again']).toMatchObject({ status: 0, stderr: '' });
    expect(runs['q2 again']!.stdout).toMatch(/Already recorded, nothing to do: 1 row \(row \d+, P6-A1\)\.\nNothing new to import\. No file was changed\.\n$/);
    expect(unchanged['q2 again']).toBe(true);
  });

  it('--help on the command and on each subcommand, with the statuses, the date formats and an example', () => {
    for (const topic of ['', 'template', 'import']) {
      const run = runs[`help ${topic}`]!;
      expect(run).toMatchObject({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/Example|Usage:/);
      expect(run.stdout).toContain('npm run progress -- ');
    }
    for (const topic of ['', 'import']) {
      for (const status of PROGRESS_STATUSES) expect(runs[`help ${topic}`]!.stdout).toContain(STATUS_LABELS[status]);
      expect(runs[`help ${topic}`]!.stdout).toContain('31/03/2018');
    }
    expect(runs['help template']!.stdout).toMatch(/--lead LEAD/);
  });
});

describe('the fixture build: pages and feeds with every character intact', () => {
  const page = (code: string) => readPage(`/2017-20/actions/${code.toLowerCase()}/`, out);

  it('each action shows its history, newest first, the note as typed (line breaks kept), and a correction with its date and what it said before', () => {
    for (const code of [...new Set(PUBLISHED.map((p) => p.code))]) {
      const html = page(code);
      const tree = pageTree(`/2017-20/actions/${code.toLowerCase()}/`, out);
      const updates = PUBLISHED.filter((p) => p.code === code).sort((a, b) => b.asAt.localeCompare(a.asAt));
      updates.forEach((u, i) => {
        // The note's own characters, newlines too, inside the element that shows them.
        expect(selectAll('p.m-0.whitespace-pre-line', tree).map(toString)).toContain(u.note);
        expect(mainText(html)).toContain(`${i === 0 ? 'Latest: ' : ''}${STATUS_LABELS[u.status]}, as at ${longDate(u.asAt)} ${u.note.replace(/\s+/g, ' ')} Reported by ${u.reportedBy}`);
        if (u.was) {
          expect(mainText(html)).toContain(`Corrected on ${longDate(TODAY)}: what it said before Until ${longDate(TODAY)} this update said: ${STATUS_LABELS[u.was.status]}, as at ${longDate(u.was.asAt)} ${u.was.note.replace(/\s+/g, ' ')} Reported by ${u.was.reportedBy}`);
          // Folded away under a summary that begins with the date of the correction.
          const summaries = selectAll('details > summary:first-child', tree).filter((summary) => {
            const [words, time] = summary.children;
            return words?.type === 'text' && words.value.trimStart() === 'Corrected on ' && time?.type === 'element' && time.tagName === 'time' && attribute(time, 'datetime') === '2018-04-20';
          });
          expect(summaries.length).toBeGreaterThan(0);
        }
      });
    }
  });

  it('no page or feed of the build holds a replacement character (U+FFFD)', () => {
    for (const file of walk(out).filter((f) => /\.(html|atom|xml|json|csv)$/.test(f))) expect(readFileSync(file, 'utf8'), relative(out, file)).not.toContain('\uFFFD');
  });

  it('the plan page gives the as-at summary of the latest status of each action', () => {
    const latest = new Map<string, (typeof PUBLISHED)[number]>();
    for (const p of PUBLISHED) if (!latest.has(p.code) || latest.get(p.code)!.asAt < p.asAt) latest.set(p.code, p);
    const counts = PROGRESS_STATUSES.map((s) => [STATUS_LABELS[s], [...latest.values()].filter((p) => p.status === s).length] as const).filter(([, n]) => n > 0);
    const asAt = [...latest.values()].map((p) => p.asAt).sort().at(-1)!;
    const plan = mainText(readPage('/2017-20/action-plan/', out));
    const total = selectAll('[data-action]', pageTree('/2017-20/action-plan/', out)).length;
    expect(plan).toContain(`As at ${longDate(asAt)}, progress has been reported on ${latest.size} of ${total} actions: ${counts.map(([label, n]) => `${label}: ${n}`).join(' ')}`);
  });

  it('the edition feed has one valid entry per update, the words as typed, newest change first, each linking to its update on the page', () => {
    const feed = readAtom(readFileSync(join(out, '2017-20/progress.atom'), 'utf8'));
    expect(feed.problems).toEqual([]);
    const expected = PUBLISHED.map((p) => ({
      title: `${p.code}: ${STATUS_LABELS[p.status]}, as at ${longDate(p.asAt)}${p.was ? ` (corrected ${longDate(TODAY)})` : ''}`,
      updated: `${p.was ? TODAY : p.asAt}T00:00:00Z`,
      author: p.reportedBy,
      summary: p.note,
      category: p.status,
    }));
    const sorted = [...feed.entries].map((e) => ({ title: e.title, updated: e.updated, author: e.author, summary: e.summary, category: e.category }));
    expect(sorted).toEqual(expect.arrayContaining(expected));
    expect(sorted).toHaveLength(expected.length);
    expect(feed.entries.map((e) => e.updated)).toEqual([...feed.entries.map((e) => e.updated)].sort().reverse());
    expect(feed.updated).toBe(feed.entries[0]!.updated);
    for (const entry of feed.entries) {
      const link = new URL(entry.link);
      expect(attributesOf('[id]', 'id', pageTree(link.pathname, out)), entry.link).toContain(link.hash.slice(1));
    }
  });

  it('the site feed carries the same updates; the other edition\'s feed stays empty and valid', () => {
    const site = readAtom(readFileSync(join(out, 'progress.atom'), 'utf8'));
    const edition = readAtom(readFileSync(join(out, '2017-20/progress.atom'), 'utf8'));
    const archived = readAtom(readFileSync(join(out, '2008-11/progress.atom'), 'utf8'));
    expect([site.problems, archived.problems]).toEqual([[], []]);
    expect(site.entries.map((e) => e.id)).toEqual(edition.entries.map((e) => e.id));
    expect(archived.entries).toEqual([]);
  });

  it('the action files gained the updates and the correction, and nothing else moved', () => {
    const file = readFileSync(join(content, '2017-20/actions/p6-a1.yaml'), 'utf8');
    const original = readFileSync(join(EDITIONS_DIR, '2017-20/actions/p6-a1.yaml'), 'utf8').replace(/progress:[\s\S]*$/, '');
    expect(file.startsWith(original)).toBe(true);
    expect(file).toContain(`    corrections:\n      - correctedOn: ${TODAY}\n        status: "in-progress"\n`);
  });
});

describe('the schema', () => {
  it('a status outside the fixed list, or a correction without its date, fails the build naming the file and field', () => {
    appendFileSync(join(content, '2017-20/actions/p1-a2.yaml'), 'progress:\n  - status: "nearly"\n    asAt: 2018-01-01\n    note: "x"\n    reportedBy: "y"\n    corrections:\n      - status: "complete"\n        note: "x"\n        reportedBy: "y"\n');
    const build = oneBuildAtATime(() => spawnSync('npx', ['astro', 'build'], { cwd: ROOT, encoding: 'utf8', env: buildEnv({ CONTENT_DIR: content, OUT_DIR: join(work, 'bad'), ASTRO_CACHE_DIR: join(work, 'cache2') }) }));
    const output = `${build.stdout}${build.stderr}`;
    expect(build.status).not.toBe(0);
    expect(output).toMatch(/2017-20\/actions\/p1-a2\.yaml/);
    expect(output).toMatch(/progress\.0\.status/);
    expect(output).toMatch(/progress\.0\.corrections\.0\.correctedOn/);
  });
});
