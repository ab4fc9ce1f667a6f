/** The three readers' journeys made with Tab and Enter alone, with a visible focus indicator at every stop. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../helpers/browser.ts';
import { focused, tabTo } from '../helpers/keyboard.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard only', () => {
  it('a member of the public reaches Pledge statement 6 from the home page', async () => {
    const page = await openPage(browser, '/');
    try {
      await tabTo(page, (f) => f.tag === 'A' && f.text === 'The Pledge');
      await Promise.all([page.waitForURL(/\/2017-20\/pledge\/$/), page.keyboard.press('Enter')]);
      await tabTo(page, (f) => f.tag === 'A' && f.text.startsWith('We will give you pocket money'));
      await Promise.all([page.waitForURL(/\/2017-20\/pledge\/6\/$/), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toContain('We will give you pocket money');
    } finally {
      await page.context().close();
    }
  });

  it('an elected member filters the action plan by a lead', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/');
    try {
      await tabTo(page, (f) => f.id === 'filter-lead');
      // A closed select changes with the arrow keys, as a keyboard user would do it.
      for (let i = 0; i < 40; i += 1) {
        if ((await page.locator('#filter-lead').inputValue()) === 'housing-options-manager') break;
        await page.keyboard.press('ArrowDown');
      }
      expect(await page.locator('#filter-lead').inputValue()).toBe('housing-options-manager');
      await expect.poll(() => page.locator('#filter-status').textContent()).toBe('Showing 4 of 49 actions');
      expect(page.url()).toContain('lead=housing-options-manager');
    } finally {
      await page.context().close();
    }
  });

  it('a member of staff searches from the header and opens a result', async () => {
    const page = await openPage(browser, '/');
    try {
      await tabTo(page, (f) => f.id === 'site-search');
      await page.keyboard.type('peer mentors');
      await Promise.all([page.waitForURL(/\/search\/\?q=peer\+mentors/), page.keyboard.press('Enter')]);
      await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/results? for “peer mentors”/);
      await tabTo(page, (f) => f.tag === 'A' && f.text.startsWith('P1-A4'));
      await Promise.all([page.waitForURL(/\/2017-20\/pledge\/1\/#p1-a4$/), page.keyboard.press('Enter')]);
      expect(await page.locator('#p1-a4').isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

describe('the phone header, by keyboard', () => {
  const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

  it('Menu opens the navigation and the edition switcher, says so, and closes with Escape', async () => {
    const page = await openPage(browser, '/2017-20/introduction/', PHONE);
    try {
      const menu = page.getByRole('button', { name: 'Menu' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.isVisible()).toBe(false);
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Menu');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await nav.isVisible()).toBe(true);
      expect(await page.getByRole('navigation', { name: 'Editions' }).getByRole('link', { name: '2008-11 (previous)' }).isVisible()).toBe(true);
      await tabTo(page, (f) => f.tag === 'A' && f.text === 'The strategy', 5);
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      expect((await focused(page)).text).toBe('Menu');
    } finally {
      await page.context().close();
    }
  });

  it('Search is one press away: it opens the search box with the cursor in it', async () => {
    const page = await openPage(browser, '/', PHONE);
    try {
      await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Search');
      await page.keyboard.press('Enter');
      expect((await focused(page)).id).toBe('site-search');
      await page.keyboard.type('Staying Put');
      await Promise.all([page.waitForURL(/\/search\/\?q=Staying\+Put/), page.keyboard.press('Enter')]);
    } finally {
      await page.context().close();
    }
  });
});

