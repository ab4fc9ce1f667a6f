/** The alternative formats: tagged PDFs with outline, large print, the print edition, plain text. */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, readPage, textOf } from '../helpers/dist.ts';
import { readCollection, type ActionFile } from '../helpers/content.ts';

const edition = '2017-20';
const pdf = join(DIST, edition, `halton-strategy-${edition}.pdf`);
const largePdf = join(DIST, edition, `halton-strategy-${edition}-large-print.pdf`);
const actions = readCollection<ActionFile>(edition, 'actions');
const statements = readCollection<{ text: string }>(edition, 'themes');
const chapters = ['Foreword', 'Introduction', 'Who is this strategy for?', 'Vision and aims', 'Overview', 'Local profile', 'Views of children in care and care leavers', 'Delivery and review of the strategy', 'Action plan'];
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.each([
  ['PDF', pdf, ''],
  ['large print PDF', largePdf, ' (large print)'],
])('the %s', (_name, file, suffix) => {
  it('exists, is tagged, has the document title and language', () => {
    expect(existsSync(file)).toBe(true);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           Halton Strategy for Children in Care and Care Leavers 2017-20${suffix}`);
    expect(readFileSync(file).toString('latin1')).toContain('/Lang (en-GB)');
  });

  it('has a bookmark outline with every chapter', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    // Wrapped bookmark titles lose the space at the line break: compare without spaces.
    const titles = outline.map((t) => t.replace(/\s+/g, ''));
    for (const chapter of chapters) expect(titles).toContain(chapter.replace(/\s+/g, ''));
  });

  it('has selectable text holding all 12 Pledge statements and every action', () => {
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    for (const statement of statements) expect(text).toContain(statement.text);
    // Table cells wrap side by side, so a cell's words interleave with its neighbours' in the
    // extracted text: each action's words must appear in order within its row's stretch of text.
    const tokens = text.split(' ');
    for (const action of actions) {
      const at = tokens.indexOf(action.code);
      expect(at, action.code).toBeGreaterThanOrEqual(0);
      const window = tokens.slice(Math.max(0, at - 150), at + 250);
      let cursor = -1;
      for (const word of squash(action.actions[0]!).split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w)).slice(0, 8)) {
        cursor = window.indexOf(word, cursor + 1);
        expect(cursor, `${action.code}: “${word}”`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('never splits an action-plan row across pages: each page the table continues on starts with its header, then a whole row', () => {
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    const header = /Outcome +(Target\/Timescale|Timescale) +Lead/;
    let tablePages = 0;
    for (let n = 1; n <= pages; n += 1) {
      const lines = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).split('\n');
      const at = lines.findIndex((line) => header.test(line));
      if (at < 0) continue;
      tablePages += 1;
      const first = lines.slice(at + 1).find((line) => line.trim() && line.trim() !== 'id') ?? '';
      // A row fragment would start with the middle of a cell; a whole row starts with its id,
      // and a new group with its numbered heading.
      expect(first, `page ${n}`).toMatch(/^\s*([A-Z][A-Z0-9]*-A\d+|\d+\. )/);
    }
    if (!suffix) expect(tablePages).toBeGreaterThan(5);
  });

  it('numbers its pages in the footer', () => {
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Page 2 of \d+/);
  });
});

describe('large print', () => {
  it('sets body text at 18 point or more', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', '-zoom', '1', largePdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
    const usage = new Map<number, number>();
    for (const m of xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
      const size = sizes.get(m[1]!) ?? 0;
      usage.set(size, (usage.get(size) ?? 0) + m[2]!.length);
    }
    const [bodySize] = [...usage.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // At zoom 1 pdftohtml reports sizes in points (the standard PDF's body reads 11).
    expect(bodySize).toBeGreaterThanOrEqual(18);
  });
});

describe('the print edition', () => {
  const html = readPage(`/${edition}/print/`);
  it('holds every chapter and every action exactly once, in reading order', () => {
    const text = textOf(html);
    let last = -1;
    for (const chapter of chapters) {
      const at = html.indexOf(`>${chapter.replace(/'/g, '&#39;')}</h2>`);
      expect(at, chapter).toBeGreaterThan(last);
      last = at;
    }
    for (const action of actions) expect(html.match(new RegExp(`<tr id="${action.id}"`, 'g')), action.id).toHaveLength(1);
    expect(text).toContain('Councillor Tom McInerney');
  });
});

describe('plain text', () => {
  it('holds every chapter, statement and action, with headings marked', () => {
    const text = readFileSync(join(DIST, edition, `halton-strategy-${edition}.txt`), 'utf8');
    for (const chapter of chapters) expect(text).toContain(`## ${chapter}`);
    for (const statement of statements) expect(squash(text)).toContain(statement.text);
    for (const action of actions) expect(text).toContain(`Action ${action.code}\n`);
    expect(text).not.toMatch(/<[A-Z][a-zA-Z]+ ?\/>/);
  });
});

describe('PDF links', () => {
  it('are shown with their size on every page of the edition', () => {
    expect(readPage('/2017-20/pledge/3/')).toMatch(/halton-strategy-2017-20\.pdf">PDF<\/a> \(<span data-pdf-size>\d+(\.\d)? (KB|MB)<\/span>, tagged/);
    expect(readPage('/alternative-formats/')).toMatch(/large-print\.pdf">Large print PDF<\/a> \(<span data-pdf-size>\d+(\.\d)? (KB|MB)<\/span>\)/);
  });

  it('are removed, with one clear line, when Chromium is missing', () => {
    const work = mkdtempSync(join(tmpdir(), 'no-pdf-'));
    mkdirSync(join(work, edition), { recursive: true });
    cpSync(join(DIST, edition, 'print'), join(work, edition, 'print'), { recursive: true });
    cpSync(join(DIST, 'alternative-formats'), join(work, 'alternative-formats'), { recursive: true });
    const result = spawnSync('node', ['scripts/build-pdf.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, OUT_DIR: work, CHROMIUM_PATH: '/nonexistent/chromium' } });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/^PDFs not built: no Chromium at \/nonexistent\/chromium/);
    expect(readFileSync(join(work, 'alternative-formats', 'index.html'), 'utf8')).not.toMatch(/\.pdf"/);
    rmSync(work, { recursive: true, force: true });
  });
});
