/** Security and privacy in Chromium: the CSP holds, nothing is fetched from another host, no cookies; print hides chrome. */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, siteUrl } from '../helpers/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('privacy and security in the browser', () => {
  it('pages request nothing from another host, set no cookies and break no CSP rule', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    const violations: string[] = [];
    context.on('request', (request: Request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
    });
    for (const path of ['/', '/2017-20/action-plan/?lead=irm-service', '/search/?q=pocket+money', '/compare/', '/2017-20/overview/']) {
      await page.goto(siteUrl(path));
      await page.waitForLoadState('networkidle');
    }
    const origin = new URL(siteUrl('/')).origin;
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('search works under the CSP (WebAssembly allowed, nothing inline)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(siteUrl('/search/?q=staying+put'));
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/results? for/);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('print', () => {
  it.each(['/2017-20/action-plan/', '/2017-20/print/', '/2017-20/overview/'])('%s hides navigation and repeats table headers when printed', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(siteUrl(path));
    await page.emulateMedia({ media: 'print' });
    const styles = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('body > header')!).display,
      footer: getComputedStyle(document.querySelector('body > footer')!).display,
      breadcrumbs: getComputedStyle(document.querySelector('nav[aria-label="Breadcrumb"]')!).display,
      search: document.querySelector('#site-search')!.checkVisibility() ? 'visible' : 'none',
      thead: document.querySelector('thead') ? getComputedStyle(document.querySelector('thead')!).display : 'table-header-group',
      row: document.querySelector('tbody tr') ? getComputedStyle(document.querySelector('tbody tr')!).breakInside : 'avoid',
      printHeader: getComputedStyle(document.querySelector('.print-only')!).display,
    }));
    expect(styles).toEqual({ header: 'none', footer: 'none', breadcrumbs: 'none', search: 'none', thead: 'table-header-group', row: 'avoid', printHeader: 'block' });
    await context.close();
  });
});
