/** Forced colours, reduced motion, and reading with JavaScript off. (Reflow runs with axe on every page.) */
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

describe('forced colours and reduced motion', () => {
  it.each(['/', '/2017-20/action-plan/', '/search/'])('%s keeps controls and the focus indicator visible', async (path) => {
    const page = await openPage(browser, path, { forcedColors: 'active', reducedMotion: 'reduce' });
    try {
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { text: el.textContent?.trim(), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), visible: el.getBoundingClientRect().width > 1 };
      });
      expect(skip.text).toBe('Skip to main content');
      expect(skip.visible).toBe(true);
      expect(skip.outline).not.toBe('none');
      expect(skip.width).toBeGreaterThanOrEqual(2);
      // The search button and input keep a visible border in forced colours.
      const borders = await page.evaluate(() => [...document.querySelectorAll('input[type="search"], button')].map((el) => getComputedStyle(el).borderStyle));
      expect(borders.length).toBeGreaterThan(0);
      for (const border of borders) expect(border).not.toBe('none');
    } finally {
      await page.context().close();
    }
  });
});

describe('without JavaScript', () => {
  it('on a phone, Menu is a link that shows the navigation, and Search a link to the search page', async () => {
    const page = await openPage(browser, '/2017-20/pledge/6/', { javaScriptEnabled: false, viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    try {
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.isVisible()).toBe(false);
      expect(await page.getByRole('link', { name: 'Search', exact: true }).first().getAttribute('href')).toBe('/search/');
      await page.getByRole('link', { name: 'Menu' }).click();
      expect(await nav.isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Action plan' }).isVisible()).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('the action plan shows every action and the plain filter links', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/', { javaScriptEnabled: false });
    try {
      expect(await page.locator('tr[data-action]').count()).toBe(49);
      expect(await page.locator('#action-filters').isVisible()).toBe(false);
      const browse = page.locator('nav[aria-labelledby="browse-heading"]');
      expect(await browse.getByRole('link', { name: 'Principal Manager, CiCCL' }).count()).toBe(1);
      expect(await browse.getByRole('link', { name: /^2018/ }).count()).toBe(1);
      expect(await browse.getByRole('link', { name: /Pocket money/ }).count()).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  it('the search page says search needs JavaScript and offers the A to Z', async () => {
    const page = await openPage(browser, '/search/?q=pocket+money', { javaScriptEnabled: false });
    try {
      expect(await page.getByText('Search needs JavaScript').isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Foreword' }).count()).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });
});
