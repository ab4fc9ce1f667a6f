/**
 * Every page in the sitemap, plus the 404, visited once on a phone (375 x 667, touch) for every
 * check made on it:
 * - the phone layout: the `h1` within the top 200 px, and on chapter pages the first sentence on
 *   the first screen;
 * - WCAG 2.2 checks the engines do not fully make: target size (2.5.8), focus not hidden under a
 *   fixed or sticky element (2.4.11), text spacing (1.4.12);
 * - three accessibility engines, axe-core (WCAG 2.0-2.2 A and AA), IBM Equal Access
 *   (WCAG_2_2) and HTML_CodeSniffer (WCAG2AA, its errors), each loaded from the test server's
 *   own origin, after the page's scripts have drawn what they draw and with everything folded
 *   opened: at phone width on every page, and at desktop width (1280 px) on the first page of
 *   each template (the desktop layout differs only in the header and the grid, which a template
 *   shares). AUDIT_DESKTOP=all runs the desktop pass on every page too;
 * - the dark theme: axe's colour contrast rule again with the system set to dark, at phone width
 *   with everything opened (the light theme is checked by the engines above);
 * - one h1, no skipped heading level, the landmarks, and reflow at 320 px (1.4.10).
 * No rule of any engine is disabled; exceptions would be listed in tests/helpers/audit.ts.
 *
 * Pages are shared out between a few long-lived browser contexts (AUDIT_CONCURRENCY, default 2:
 * measured on two cores, more only queue for the CPU), each reusing its tab, so each engine is
 * fetched once per context and compiled from cache after that.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, siteUrl, sitemapPaths } from '../helpers/browser.ts';
import {
  documentStructure,
  focusHiddenUnderFixed,
  openEverything,
  phoneLayout,
  runColourRules,
  runEngines,
  sidewaysScroll,
  textSpacingProblems,
  undersizedTargets,
} from '../helpers/audit.ts';
import { onePerTemplate } from '../../tools/lib/templates.ts';

const CONCURRENCY = Number(process.env['AUDIT_CONCURRENCY'] ?? 2);
const PHONE = { width: 375, height: 667 };
const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
const idle: Page[] = [];
const waiting: ((page: Page) => void)[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launch();
  for (let i = 0; i < CONCURRENCY; i++) {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    contexts.push(context);
    idle.push(await context.newPage());
  }
});
afterAll(async () => {
  await browser?.close();
});

/** A tab from the pool, for one page's whole visit. */
async function withTab<T>(visit: (page: Page) => Promise<T>): Promise<T> {
  const page = idle.pop() ?? (await new Promise<Page>((resolve) => waiting.push(resolve)));
  try {
    return await visit(page);
  } finally {
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: 'light' });
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  }
}

/** Waits until the page's own scripts have finished drawing: search has answered, filters are shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname.endsWith('/search/')) {
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.trim() || !document.querySelector('#search-error')?.hasAttribute('hidden'));
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

const paths = [...(await sitemapPaths()), '/404.html'];
const desktopPass = new Set(process.env['AUDIT_DESKTOP'] === 'all' ? paths : onePerTemplate(paths));
const isChapter = (path: string) => /^\/20\d\d-\d\d\/[a-z-]+\/$/.test(path) && !/\/(action-plan|pledge|outcomes|leads|principles|print)\/$/.test(path);

describe('every page of the sitemap', () => {
  it('is a sitemap of the whole site', () => {
    expect(paths.length).toBeGreaterThan(200);
    expect(paths).toContain('/2017-20/pledge/6/');
    expect(paths).toContain('/2008-11/action-plan/');
    expect(paths.filter(isChapter)).toContain('/2017-20/introduction/');
    expect(paths.filter(isChapter)).not.toContain('/2017-20/leads/');
    expect(desktopPass.size).toBeGreaterThan(30);
  });

  // The two action plans and print editions take the engines several seconds on a busy machine.
  it.concurrent.each(paths)('%s: three engines, phone layout, WCAG 2.2 checks, structure and reflow', { timeout: 180_000 }, async (path) => {
    await withTab(async (page) => {
      const started = Date.now();
      const lap = (label: string) => process.env['AUDIT_TIMING'] && console.log(`${path} ${label} ${Date.now() - started} ms`);
      await page.goto(siteUrl(path));
      await settled(page);

      // On a phone, as it first appears.
      lap('loaded');
      const layout = await page.evaluate(phoneLayout);
      expect(layout.h1Top, 'h1 within the top 200 px at 375 x 667').toBeLessThanOrEqual(200);
      if (isChapter(path) && layout.firstSentenceBottom !== null) {
        expect(layout.firstSentenceBottom, "the chapter's first sentence on the first screen").toBeLessThanOrEqual(PHONE.height);
      }
      expect(await page.evaluate(documentStructure)).toEqual({ h1: 1, skipped: false, header: true, nav: true, main: 1, footer: true });

      await page.evaluate(openEverything);
      lap('layout');
      expect(await page.evaluate(undersizedTargets), 'targets under 24 x 24 px (2.5.8)').toEqual([]);
      expect(await page.evaluate(focusHiddenUnderFixed), 'focus hidden under a fixed or sticky box (2.4.11)').toEqual([]);
      expect(await page.evaluate(textSpacingProblems), 'text cut off or overlapped with text spacing (1.4.12)').toEqual([]);
      lap('wcag22');
      expect(await runEngines(page), 'engines at 375 px').toEqual([]);
      lap('engines phone');

      // The dark theme, as a reader whose system is set to dark sees it ("Match device" is the
      // default): the same page, everything still open, checked by axe's colour contrast alone.
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await runColourRules(page), 'colour contrast in the dark theme at 375 px').toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
      lap('dark colours');

      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate(sidewaysScroll), 'sideways scroll at 320 px (1.4.10)').toBeLessThanOrEqual(0);

      if (desktopPass.has(path)) {
        await page.setViewportSize(DESKTOP);
        expect(await runEngines(page), 'engines at 1280 px').toEqual([]);
        lap('engines desktop');
      }
    });
  });
});
