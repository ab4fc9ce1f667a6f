/**
 * Every EPUB through Ace by DAISY (`@daisy/ace-cli`), the EPUB accessibility checker publishers
 * use: it checks the package's accessibility metadata and navigation, and runs axe-core on every
 * content document in Chromium (Debian's, or CHROMIUM_PATH: Ace's own browser download is
 * switched off in package.json's allowScripts). Its EARL report must hold no failed assertion.
 * Once per run, both books at once (about a minute).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { DIST } from '../helpers/dist.ts';
import { CHROMIUM_PATH } from '../helpers/browser.ts';

const require = createRequire(import.meta.url);
const ACE = require.resolve('@daisy/ace-cli/bin/ace.js');
const ACE_VERSION = (JSON.parse(readFileSync(require.resolve('@daisy/ace-cli/package.json'), 'utf8')) as { version: string }).version;

/** The part of Ace's EARL report (report.json) read here. */
interface AceReport {
  'earl:result': { 'earl:outcome': string };
  'a11y-metadata': { missing: string[]; present: string[] };
  assertions: {
    'earl:testSubject': { url: string };
    assertions?: { 'earl:result': { 'earl:outcome': string }; 'earl:test': { 'dct:title': string; 'earl:impact': string } }[];
  }[];
}

const books = readdirSync(DIST)
  .filter((slug) => existsSync(join(DIST, slug, `halton-strategy-${slug}.epub`)))
  .map((slug) => join(DIST, slug, `halton-strategy-${slug}.epub`));
const work = mkdtempSync(join(tmpdir(), 'ace-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function ace(book: string, out: string): Promise<AceReport> {
  return new Promise((resolve, reject) => {
    // -f: write over the output folder; -s: no progress output; -o: where report.json goes.
    execFile(process.execPath, [ACE, '-f', '-s', '-o', out, book], { env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM_PATH }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const report = join(out, 'report.json');
      if (!existsSync(report)) return reject(new Error(`Ace wrote no report for ${book}: ${error?.message ?? ''}\n${stdout}\n${stderr}`));
      resolve(JSON.parse(readFileSync(report, 'utf8')) as AceReport);
    });
  });
}

const reports = Promise.all(books.map((book, i) => ace(book, join(work, String(i)))));

describe('Ace by DAISY', () => {
  it('finds every EPUB the site links to', () => {
    expect(books.map((b) => b.replace(`${DIST}/`, '')).sort()).toEqual(['2008-11/halton-strategy-2008-11.epub', '2017-20/halton-strategy-2017-20.epub']);
  });

  it.each(books.map((book, i) => [book.replace(`${DIST}/`, ''), i] as const))('reports no violation in %s, having checked every content document', { timeout: 240_000 }, async (name, i) => {
    const report = (await reports)[i]!;
    const failed = report.assertions.flatMap((subject) =>
      (subject.assertions ?? [])
        .filter((a) => a['earl:result']['earl:outcome'] === 'fail')
        .map((a) => `${a['earl:test']['earl:impact']} ${a['earl:test']['dct:title']} in ${subject['earl:testSubject'].url}`),
    );
    const byImpact = ['critical', 'serious', 'moderate', 'minor'].map((impact) => `${failed.filter((f) => f.startsWith(`${impact} `)).length} ${impact}`).join(', ');
    console.log(`Ace ${ACE_VERSION}, ${name}: ${failed.length} violations (${byImpact}); ${report.assertions.length} files checked; metadata present: ${report['a11y-metadata'].present.join(', ')}`);
    expect(failed).toEqual([]);
    expect(report['earl:result']['earl:outcome']).toBe('pass');
    // A report that silently skipped documents would pass too: each content document is in it.
    const zip = await JSZip.loadAsync(readFileSync(join(DIST, name)));
    const documents = Object.keys(zip.files).filter((f) => /^EPUB\/text\/.+\.xhtml$/.test(f)).map((f) => f.replace(/^EPUB\//, ''));
    const checked = report.assertions.map((a) => a['earl:testSubject'].url);
    for (const document of documents) expect(checked, document).toContain(document);
    expect(report['a11y-metadata'].missing).not.toContain('schema:accessibilitySummary');
  });
});
