/**
 * The site deployed under a sub-path (/strategy/) as well as at the root: a second build with
 * BASE_PATH, its links checked, and search run in Chromium against it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../build/lib/static-server.ts';
import { ROOT, buildEnv, oneBuildAtATime } from '../helpers/dist.ts';
import { launch } from '../helpers/browser.ts';
import { brokenLinks } from '../helpers/links.ts';

const BASE = '/strategy/';
const work = mkdtempSync(join(tmpdir(), 'base-path-'));
const out = join(work, 'dist');
let browser: Browser;
let server: Server;
let siteUrl: string;

beforeAll(async () => {
  // PDFs are left out (no Chromium path) to keep this second build quick; the root build makes them.
  const build = oneBuildAtATime(() =>
    spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: buildEnv({ BASE_PATH: BASE, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), CHROMIUM_PATH: '/nonexistent' }),
    }),
  );
  if (build.status !== 0) throw new Error(`build under ${BASE} failed:\n${build.stdout}\n${build.stderr}`);
  ({ server, url: siteUrl } = await serve(out, { base: BASE }));
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe(`built under ${BASE}`, () => {
  it('has no broken internal link or anchor, and none that escapes the base path', () => {
    expect(brokenLinks(out, BASE)).toEqual([]);
  });

  it('search loads its index from under the base path and links results there', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('search/?q=peer+mentors', siteUrl).href);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/results? for/);
    const href = await page.locator('#search-results a').first().getAttribute('href');
    expect(href).toBe(`${BASE}2017-20/pledge/1/#p1-a4`);
    await page.close();
  });
});
