/**
 * `npm run build` is `astro build`, and its integration (build/integration.ts) ran every
 * post-build step, in the order the steps need: those that rewrite built pages (PDF and document
 * links) before Pagefind indexes them, the vocabulary after the index it reads, the host files
 * last. Read from the times the build recorded for the test run (BUILD_TIMINGS).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_STEPS } from '../../build/integration.ts';
import { readTimings } from '../../build/timings.ts';
import { BUILD_TIMINGS_FILE, DIST, ROOT } from '../helpers/dist.ts';
import { pageTree, textsOf } from '../helpers/html.ts';

describe('the build', () => {
  it('is astro build alone, from any shell', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBe('astro build');
  });

  it('ran Astro, then the PDFs, the documents, Pagefind, the vocabulary and the host files, each timed', () => {
    const timings = readTimings(BUILD_TIMINGS_FILE);
    expect(timings.map((t) => t.step)).toEqual(['Astro', 'PDFs', 'Documents', 'Pagefind', 'Vocabulary', 'Host files']);
    expect(BUILD_STEPS.map((s) => s.name)).toEqual(timings.slice(1).map((t) => t.step));
    for (const { step, seconds } of timings) expect(seconds, step).toBeGreaterThanOrEqual(0);
    // Recorded by the build that made this dist/, after its last file.
    expect(statSync(BUILD_TIMINGS_FILE).mtimeMs, 'the times are from an older build than dist/ (SKIP_BUILD=1 over a build made without BUILD_TIMINGS?)').toBeGreaterThanOrEqual(statSync(join(DIST, '_headers')).mtimeMs);
  });

  it('indexed the pages after their file links were filled in', () => {
    const sizes = textsOf('span[data-pdf-size]', pageTree('/2017-20/pledge/3/'));
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toMatch(/^\d/);
    // The index is written after the pages it reads were last changed.
    expect(statSync(join(DIST, 'pagefind', 'pagefind-entry.json')).mtimeMs).toBeGreaterThanOrEqual(statSync(join(DIST, '2017-20', 'pledge', '3', 'index.html')).mtimeMs);
  });
});
