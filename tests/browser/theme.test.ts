/**
 * The colour theme as a reader meets it: chosen with the keyboard alone, kept for the next page
 * and after a reload, put on the page before anything is drawn; "Match device" following the
 * system; without JavaScript no switch but the system's theme; print always light; forced
 * colours above both. (Contrast in both themes: tests/browser/accessibility.test.ts.)
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, siteUrl } from '../helpers/browser.ts';
import { tabTo } from '../helpers/keyboard.ts';
import { computed } from '../helpers/theme-tokens.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PAPER = { light: computed('paper', 'light'), dark: computed('paper', 'dark') };

/** The page's background and text colour as drawn, and the switch's checked choice. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const html = getComputedStyle(document.documentElement);
    return {
      background: html.backgroundColor,
      text: getComputedStyle(document.body).color,
      checked: document.querySelector<HTMLInputElement>('#theme-switch input:checked')?.value ?? null,
      // Recorded by the init script below: the theme before the body's first content.
      atFirstContent: (window as unknown as { themeAtFirstContent?: string }).themeAtFirstContent ?? null,
    };
  });
}

/**
 * A desktop context (the switch is in the header's third band) that records, from the page's
 * mutation records in the order the parser made them, whether <html data-theme> was set before
 * the first content of the body was parsed, so before anything could be drawn.
 */
async function themedContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: 'light', ...options });
  await context.addInitScript(() => {
    const record = (verdict: string) => ((window as unknown as { themeAtFirstContent?: string }).themeAtFirstContent = verdict);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') {
          record(document.documentElement.dataset['theme'] ?? 'unset');
        } else if ([...r.addedNodes].some((n) => n instanceof Element && !['BODY', 'SCRIPT'].includes(n.tagName) && n.closest('body'))) {
          record('content before the theme');
        } else continue;
        observer.disconnect();
        return;
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-theme'] });
  });
  return context;
}

describe('the colour theme switch', () => {
  it('is chosen with the keyboard alone and kept across a navigation and a reload, from the first paint', async () => {
    const context = await themedContext();
    const page = await context.newPage();
    try {
      await page.goto(siteUrl('/2017-20/introduction/'));
      expect(await drawn(page)).toMatchObject({ background: PAPER.light, checked: 'system' });

      // A radio group is one Tab stop, on its checked button; the arrow keys move the choice.
      await tabTo(page, (f) => f.name === 'theme');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('system');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(await drawn(page)).toMatchObject({ background: PAPER.dark, checked: 'dark' });
      // What a screen reader is told: a named group of radio buttons, "Dark" checked.
      expect(await page.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

      await page.goto(siteUrl('/2017-20/pledge/6/'));
      expect(await drawn(page)).toMatchObject({ background: PAPER.dark, checked: 'dark', atFirstContent: 'dark' });
      await page.reload();
      expect(await drawn(page)).toMatchObject({ background: PAPER.dark, checked: 'dark', atFirstContent: 'dark' });

      // A chosen theme holds whatever the system says.
      await page.emulateMedia({ colorScheme: 'dark' });
      await tabTo(page, (f) => f.name === 'theme');
      await page.keyboard.press('ArrowLeft');
      expect(await drawn(page)).toMatchObject({ background: PAPER.light, checked: 'light' });
      await page.reload();
      expect(await drawn(page)).toMatchObject({ background: PAPER.light, checked: 'light', atFirstContent: 'light' });

      // Back to "Match device": nothing is stored, and the page follows the system both ways.
      await tabTo(page, (f) => f.name === 'theme');
      await page.keyboard.press('ArrowLeft');
      expect(await drawn(page)).toMatchObject({ background: PAPER.dark, checked: 'system' });
      expect(await page.evaluate(() => localStorage.length)).toBe(0);
      await page.emulateMedia({ colorScheme: 'light' });
      expect((await drawn(page)).background).toBe(PAPER.light);
      await page.goto(siteUrl('/compare/'));
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await drawn(page)).toMatchObject({ background: PAPER.dark, checked: 'system', atFirstContent: 'system' });
    } finally {
      await context.close();
    }
  });

  it('prints light, and gives way to forced colours, whatever the chosen theme', async () => {
    const context = await themedContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(siteUrl('/compare/'));
      await page.evaluate(() => localStorage.setItem('strategy-theme', 'dark'));
      await page.reload();
      const bar = () => page.evaluate(() => getComputedStyle(document.querySelector('.chart .bar-0')!).fill);
      expect((await drawn(page)).background).toBe(PAPER.dark);
      expect(await bar()).toBe(computed('chart-1', 'dark'));

      await page.emulateMedia({ media: 'print' });
      // print.css prints text black.
      expect(await drawn(page)).toMatchObject({ background: PAPER.light, text: 'rgb(0, 0, 0)' });
      expect(await bar()).toBe(computed('chart-1', 'light'));

      // Forced colours: the system's colours replace the theme's, and the bars take CanvasText.
      await page.emulateMedia({ media: 'screen', forcedColors: 'active' });
      const forced = await drawn(page);
      expect(forced.background).not.toBe(PAPER.dark);
      expect(await bar()).toBe(forced.text);
    } finally {
      await context.close();
    }
  });

  it('is not shown without JavaScript, and the system theme applies through CSS alone', async () => {
    const context = await themedContext({ javaScriptEnabled: false, colorScheme: 'dark' });
    const page = await context.newPage();
    try {
      await page.goto(siteUrl('/2017-20/pledge/6/'));
      expect(await page.locator('#theme-switch').isVisible()).toBe(false);
      expect(await page.getByRole('radio').count()).toBe(0);
      expect((await drawn(page)).background).toBe(PAPER.dark);
      await page.emulateMedia({ colorScheme: 'light' });
      expect((await drawn(page)).background).toBe(PAPER.light);
    } finally {
      await context.close();
    }
  });
});
