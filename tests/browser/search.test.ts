/** Search in Chromium on the built, served site: staff queries, filters, anchors, and no chrome in the index. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function search(query: string) {
  const page = await openPage(browser, `/search/?q=${encodeURIComponent(query)}`);
  await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/result/);
  return page;
}

describe('search', () => {
  it.each([
    ['pocket money', '/2017-20/pledge/6/'],
    ['Staying Put', '/2017-20/pledge/12/#p12-a6'],
    ['peer mentors', '/2017-20/pledge/1/#p1-a4'],
    ['Virtual School', '/2017-20/pledge/7/'],
  ])('“%s” returns first a result on the page that holds it (%s)', async (query, expected) => {
    const page = await search(query);
    try {
      const href = await page.locator('#search-results a').first().getAttribute('href');
      expect(href?.startsWith(expected)).toBe(true);
      expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });

  it('a filter narrows the results, and its state is in the URL', async () => {
    const page = await search('foster carers');
    try {
      await expect.poll(() => page.locator('#search-results > li').count()).toBeGreaterThan(0);
      const all = await page.locator('#search-results > li').count();
      await page.getByLabel(/^2017-20 \(\d+\)$/).check();
      await expect.poll(() => page.url()).toContain('edition=2017-20');
      await expect.poll(() => page.locator('#search-results > li').count()).toBeLessThan(all);
      const kinds = await page.locator('#search-results dd').allTextContents();
      expect(kinds).not.toContain('2008-11');
    } finally {
      await page.context().close();
    }
  });

  it('filters work before any text is typed: all actions of a lead', async () => {
    const page = await openPage(browser, '/search/?lead=Housing+Options+Manager&kind=Action');
    try {
      await expect.poll(() => page.locator('#search-status').textContent()).toBe('4 results.');
      const leads = await page.locator('#search-results dd').allTextContents();
      expect(leads.filter((l) => l.includes('Housing Options Manager')).length).toBe(4);
    } finally {
      await page.context().close();
    }
  });

  it('a result link lands on the action’s anchor', async () => {
    const page = await search('peer mentors');
    try {
      await Promise.all([page.waitForURL(/#p1-a4$/), page.locator('#search-results a').first().click()]);
      expect(await page.locator('tr#p1-a4').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('the index holds no chrome: a word of the footer finds only pages that use it in their own text', async () => {
    // "Telephone" is in the footer of every page, but in the main text of very few.
    const page = await openPage(browser, '/search/?q=telephone');
    try {
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/^(No results|[1-3] results?)/);
      const titles = await page.locator('#search-results h2').allTextContents();
      expect(titles.every((t) => /Accessibility|Alternative formats/.test(t))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('on a phone, results come before the filters, which are folded and say how many are ticked', async () => {
    const page = await openPage(browser, '/search/?q=foster+carers&edition=2017-20', { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    try {
      await expect.poll(() => page.locator('#search-results > li').count()).toBeGreaterThan(0);
      const panel = page.locator('#search-filters-panel');
      expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      await expect.poll(() => panel.locator(':scope > summary').textContent()).toBe('Filter results (1 active)');
      const firstResult = await page.locator('#search-results > li').first().boundingBox();
      const filters = await panel.boundingBox();
      expect(firstResult!.y).toBeLessThan(filters!.y);
      // Opened, the ticked filter is there to untick; unticked, the summary no longer counts it.
      await panel.locator(':scope > summary').click();
      await page.getByLabel(/^2017-20 \(\d+\)$/).uncheck();
      await expect.poll(() => panel.locator(':scope > summary').textContent()).toBe('Filter results');
    } finally {
      await page.context().close();
    }
  });

  it('says so visibly when the index cannot load', async () => {
    const context = await browser.newContext();
    await context.route('**/pagefind/**', (route) => route.abort());
    const page = await context.newPage();
    try {
      await page.goto((await import('../helpers/browser.ts')).siteUrl('/search/?q=pocket'));
      await expect.poll(() => page.locator('#search-error').isVisible()).toBe(true);
      expect(await page.getByText('Search is not working at the moment.').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
