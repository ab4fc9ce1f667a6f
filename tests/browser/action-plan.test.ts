/** Filtering the action plan in place: rows, live count, URL state, restore, reset, sort. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../helpers/browser.ts';
import { readCollection } from '../helpers/content.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const actions = readCollection('2017-20', 'actions');
const expected = actions.filter((a) => a.theme === 'p12' && a.leads.includes('principal-manager-ciccl')).map((a) => a.code).sort();

describe('the action plan filters', () => {
  it('choosing a statement and a lead narrows the rows, updates the count and the URL', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/');
    try {
      expect(await page.locator('#filter-status').textContent()).toBe('Showing 49 of 49 actions');
      await page.selectOption('#filter-theme', '12');
      await page.selectOption('#filter-lead', 'principal-manager-ciccl');
      const visible = await page.locator('tr[data-action]:visible').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['action']).sort());
      expect(visible).toEqual(expected);
      expect(await page.locator('#filter-status').textContent()).toBe(`Showing ${expected.length} of 49 actions`);
      expect(await page.locator('#filter-status').getAttribute('aria-live')).toBe('polite');
      expect(new URL(page.url()).search).toBe('?theme=12&lead=principal-manager-ciccl');
    } finally {
      await page.context().close();
    }
  });

  it('loading a filtered URL restores the filter, and reset clears it', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/?theme=12&lead=principal-manager-ciccl');
    try {
      expect(await page.locator('#filter-theme').inputValue()).toBe('12');
      expect(await page.locator('tr[data-action]:visible').count()).toBe(expected.length);
      await page.getByRole('button', { name: 'Reset filters' }).click();
      await expect.poll(() => page.locator('tr[data-action]:visible').count()).toBe(49);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await page.context().close();
    }
  });

  it('filters by timescale year and quarter, and by words', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/?when=2018-Q1');
    try {
      const march2018 = actions.filter((a) => a.timescales.some((t) => /^(January|February|March) 2018$/.test(t))).length;
      expect(await page.locator('tr[data-action]:visible').count()).toBe(march2018);
      await page.selectOption('#filter-when', '');
      await page.fill('#filter-text', 'pocket money');
      await expect.poll(() => page.locator('#filter-status').textContent()).toBe('Showing 2 of 49 actions');
    } finally {
      await page.context().close();
    }
  });

  it('sorts by timescale, soonest first, and back by statement', async () => {
    const page = await openPage(browser, '/2017-20/action-plan/?sort=timescale');
    try {
      const first = await page.locator('tr[data-action]:visible').first().getAttribute('data-action');
      const june2017 = actions.filter((a) => a.timescales.includes('June 2017')).map((a) => a.code);
      expect(june2017).toContain(first);
      await page.selectOption('#filter-sort', 'theme');
      expect(await page.locator('tr[data-action]:visible').first().getAttribute('data-action')).toBe('P1-A1');
    } finally {
      await page.context().close();
    }
  });
});
