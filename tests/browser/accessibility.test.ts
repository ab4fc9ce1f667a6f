/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on every page in the sitemap, plus the structure
 * axe does not check: one h1, no skipped heading levels, the four landmarks, and reflow at 320px.
 * No rule is disabled.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, sitemapPaths } from '../helpers/browser.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const paths = [...(await sitemapPaths()), '/404.html'];

describe('every page of the sitemap', () => {
  it('is a sitemap of the whole site', () => {
    expect(paths.length).toBeGreaterThan(200);
    expect(paths).toContain('/2017-20/pledge/6/');
    expect(paths).toContain('/2008-11/action-plan/');
  });

  it.concurrent.each(paths)('%s passes axe, has one h1, ordered headings and landmarks, and reflows at 320px', async (path) => {
    const page = await openPage(browser, path);
    try {
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(violations).toEqual([]);
      const structure = await page.evaluate(() => {
        const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
          .filter((h) => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).display !== 'none')
          .map((h) => Number(h.tagName[1]));
        const skipped = levels.some((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1);
        return {
          h1: document.querySelectorAll('h1').length,
          firstIsH1: levels[0] === 1 || document.querySelector('h1') !== null,
          skipped,
          header: document.querySelectorAll('body > header, header:not(main header)').length > 0,
          nav: document.querySelectorAll('nav').length > 0,
          main: document.querySelectorAll('main').length,
          footer: document.querySelectorAll('footer').length > 0,
        };
      });
      expect(structure).toEqual({ h1: 1, firstIsH1: true, skipped: false, header: true, nav: true, main: 1, footer: true });
      // Reflow (WCAG 1.4.10): at 320 CSS pixels wide the page does not scroll sideways; wide
      // tables stack or scroll inside their own labelled region.
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'sideways scroll at 320px').toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  });
});
