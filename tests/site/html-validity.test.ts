/**
 * Every built page is valid HTML, by two checkers: html-validate (rules in
 * htmlvalidate.config.ts) and the W3C Nu HTML Checker (vnu-jar from npm, run by Debian's Java).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages, readPage } from '../helpers/dist.ts';
import { htmlValidateConfig } from '../../htmlvalidate.config.ts';

const validator = new HtmlValidate(htmlValidateConfig);

describe('html-validate', () => {
  it.each(htmlPages())('%s has no errors', async (path) => {
    const report = await validator.validateString(readPage(path), path);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('can fail: an invalid page is reported', async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p></body></html>');
    expect(report.valid).toBe(false);
  });
});

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
}

/** Runs the Nu checker over files or folders; its JSON report goes to stderr. */
async function nuCheck(...targets: string[]): Promise<NuMessage[]> {
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const { stderr } = await promisify(execFile)('java', ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'json', ...targets], { maxBuffer: 64 * 1024 * 1024 }).catch(
    (failure: { stderr?: string; code?: number | string }) => {
      // It exits 1 when it reports an error; anything else (no Java, say) is a real failure.
      if (failure.code === 1 && failure.stderr) return { stderr: failure.stderr };
      throw failure;
    },
  );
  return (JSON.parse(stderr) as { messages: NuMessage[] }).messages;
}

describe('the W3C Nu HTML Checker', () => {
  // One run (one Java start) over the site and a page known to be invalid, so the check shows it can fail.
  const known = join(mkdtempSync(join(tmpdir(), 'nu-')), 'known-invalid.html');
  writeFileSync(known, '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p></body></html>');
  const report = nuCheck(DIST, known);
  report.catch(() => undefined); // awaited by each test below; this only stops an early 'unhandled' report
  const isKnown = (m: NuMessage) => (m.url ?? '').endsWith('known-invalid.html');

  it('finds no error in any built page', { timeout: 180_000 }, async () => {
    const errors = (await report).filter((m) => m.type !== 'info' && !isKnown(m)).map((m) => `${(m.url ?? '').replace(/^.*\/dist\//, '/')}:${m.lastLine ?? '?'} ${m.message}`);
    expect(errors).toEqual([]);
  });

  it('can fail: an invalid page is reported', { timeout: 180_000 }, async () => {
    expect((await report).filter((m) => m.type === 'error' && isKnown(m)).length).toBeGreaterThan(0);
  });
});
