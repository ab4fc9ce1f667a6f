/**
 * Search as people really type, in Chromium through the real search page: the relevance sets
 * (tests/relevance/: the old set, and both halves of the set in users' words) typed into the
 * search box one after another on one page,
 * and the states that forgive (corrected, fewer or some of the words, nothing), each announced
 * in the page's live status.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, siteUrl } from '../helpers/browser.ts';
import { openEverything, runEngines } from '../helpers/audit.ts';
import { LISTS_QUERIES, QUERIES_OF_LEEWAY, RELEVANCE_FILES, SET_LABELS, TARGET_SUCCESS_AT_3, leastSuccessAt3, relevanceSets, runRelevance } from '../../tools/lib/relevance-run.ts';
import { GROUPS, formatSummary, summariseGroups } from '../../tools/lib/relevance.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The search page for a query, once its status names that query. */
async function search(query: string, extra = ''): Promise<Page> {
  const page = await openPage(browser, `/search/?q=${encodeURIComponent(query)}${extra}`);
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('#search-status')?.dataset['query'] === q, query);
  return page;
}

/**
 * Both accessibility engines on the page as it is, everything folded opened (as the page audit
 * does), once the page has been still for a moment: an engine that reads the filters while a
 * search redraws them would report the half-drawn list.
 */
async function engines(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      }),
  );
  await page.evaluate(openEverything);
  return runEngines(page);
}

/** What the live region gives a screen reader: the status role, polite, and its whole text. */
async function announced(page: Page): Promise<string> {
  const status = page.getByRole('status');
  expect(await status.getAttribute('aria-live')).toBe('polite');
  return ((await status.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('search relevance', () => {
  it('answers within the first three results: the old set 95 %, each half and group of the set in users’ words 90 %, or, while short of that, no worse than last measured', async () => {
    const { sets, missing } = relevanceSets();
    if (missing.includes('held-out')) console.log(`Relevance: no ${RELEVANCE_FILES['held-out'].pathname.replace(/.*\/tests\//, 'tests/')} here: the set in users’ words is covered by its tuning half only.`);
    const context = await browser.newContext();
    const page = await context.newPage();
    const shortfalls: string[] = [];
    try {
      for (const set of sets) {
        // One page for every set, the queries typed one after another.
        const { outcomes, summary } = await runRelevance(page, siteUrl('/search/'), set.queries);
        const misses = outcomes.filter((o) => LISTS_QUERIES[set.name] && (o.rank === null || o.rank > 3)).map((o) => `“${o.query}” (${o.rank ?? 'not found'}): ${o.top.join(' ')}`);
        const groups = summariseGroups(outcomes);
        console.log([`Relevance, ${SET_LABELS[set.name]}: ${formatSummary(summary)}`, ...groups.map((g) => `  ${g.group}: ${formatSummary(g.summary)}`), ...(misses.length ? [`  beyond 3: ${misses.join('; ')}`] : [])].join('\n'));
        expect(summary.queries, set.file.pathname).toBeGreaterThanOrEqual(40);
        const target = TARGET_SUCCESS_AT_3[set.name];
        const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
        for (const [label, measured, group] of [[SET_LABELS[set.name], summary, undefined] as const, ...(set.name === 'old' ? [] : groups.map((g) => [`${SET_LABELS[set.name]}, ${g.group}`, g.summary, g.group] as const))]) {
          const { least, belowTarget } = leastSuccessAt3(set, measured.queries, group);
          if (measured.successAt3 < least) shortfalls.push(`${label}: success@3 ${percent(measured.successAt3)} < ${percent(least)}${belowTarget ? ` (as measured ${set.measured?.on}, less ${QUERIES_OF_LEEWAY} queries)` : ''}`);
          // Short of the target and not worse than measured: said in the log, every run, not passed over.
          else if (measured.successAt3 < target) console.log(`Relevance, ${label}: success@3 ${percent(measured.successAt3)}, short of the target ${percent(target)} (held at what was measured on ${set.measured?.on ?? '?'})`);
        }
        if (set.name !== 'old') expect(groups.map((g) => g.group), set.file.pathname).toEqual([...GROUPS]);
      }
      expect(sets.map((s) => s.name)).toEqual(expect.arrayContaining(['old', 'tuning']));
      expect(shortfalls).toEqual([]);
    } finally {
      await context.close();
    }
    // Some 1,570 queries typed one after another: about four minutes on a quiet machine, five and more on CI's two cores beside the other tests.
  }, 540_000);
});

describe('search states', () => {
  it('a misspelling: results for the correction, announced, with a link to it and one to search as typed', async () => {
    const page = await search('apprentiships');
    try {
      expect(await announced(page)).toMatch(/^Showing results for apprenticeships\. Search instead for apprentiships\. \d+ results?(, showing the first 20)?\.$/);
      expect(await page.locator('#search-results a').first().getAttribute('href')).toMatch(/#p7-a3$/);
      expect(await page.getByRole('status').getByRole('link', { name: 'apprenticeships', exact: true }).getAttribute('href')).toBe('?q=apprenticeships');
      // The status with its links, and the results, pass both accessibility engines.
      expect(await engines(page)).toEqual([]);
      const asTyped = page.getByRole('status').getByRole('link', { name: 'apprentiships', exact: true });
      expect(await asTyped.getAttribute('href')).toBe('?q=apprentiships&exact=1');
      // Searching as typed: no correction, and Pagefind's matches on a mere prefix ("a") are not shown as results.
      await asTyped.click();
      await expect.poll(() => announced(page)).toMatch(/^No results for ‘apprentiships’\./);
      expect(page.url()).toContain('exact=1');
      expect(await page.locator('#search-results > li').count()).toBe(0);
      expect(await page.locator('#search-input').evaluate((input) => input === document.activeElement)).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('a question: results without its common words, announced; words that never meet: results for some of them, announced', async () => {
    const page = await search('how much pocket money will I get');
    try {
      expect(await announced(page)).toMatch(/^No results for all of ‘how much pocket money will I get’\. Showing results for ‘pocket money’, leaving out common words\. \d+ results?(, showing the first 20)?\.$/);
      expect(await page.locator('#search-results a').first().getAttribute('href')).toMatch(/\/2017-20\/pledge\/6\//);
      await page.fill('#search-input', 'dental apprenticeships');
      await page.press('#search-input', 'Enter');
      await expect.poll(() => announced(page)).toMatch(/^No results for all of ‘dental apprenticeships’\. Showing results that match some of the words\. \d+ results?(, showing the first 20)?\.$/);
      const hrefs = await page.locator('#search-results h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs.some((h) => h?.endsWith('#p7-a3'))).toBe(true);
      expect(hrefs.some((h) => h?.endsWith('#p8-a3'))).toBe(true);
      // Counts would not be exact for results fused from several searches: the filters are listed without them.
      expect(await page.locator('#search-filters label').first().textContent()).not.toMatch(/\(\d+\)$/);
      expect(await engines(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('a real word the site lacks is never corrected into a site word of similar spelling: at most a “Did you mean”', async () => {
    const page = await search('bullying');
    try {
      const said = await announced(page);
      expect(said).toMatch(/^No results for ‘bullying’\. Did you mean building/);
      expect(said).not.toMatch(/Showing results for/);
      expect(await page.locator('#search-results > li').count()).toBe(0);
      expect(await page.getByRole('status').getByRole('link', { name: 'building', exact: true }).getAttribute('href')).toBe('?q=building');
    } finally {
      await page.context().close();
    }
  });

  it('an everyday word: results for the strategy’s own wording, said to be a similar wording, never shown as the strategy’s', async () => {
    const page = await search('can i see my sister');
    try {
      expect(await announced(page)).toMatch(/^No results for ‘can i see my sister’\. Showing results for (a wording|wordings) with the same or a similar meaning: ‘family’/);
      expect(await page.locator('#search-results h2 a').first().getAttribute('href')).toMatch(/^\/2017-20\/pledge\/4\//);
      // The excerpt marks the strategy's word where the page holds it, not the word typed.
      const marks = await page.locator('#search-results > li').first().locator('mark').allTextContents();
      expect(marks.map((m) => m.toLowerCase())).toContain('family');
      expect(marks.map((m) => m.toLowerCase())).not.toContain('sister');
    } finally {
      await page.context().close();
    }
  });

  it('nothing at all: announced, with a way on', async () => {
    const page = await search('xylophone zebra');
    try {
      expect(await announced(page)).toBe('No results for ‘xylophone zebra’. Try other or fewer words, or look in the A to Z of this site.');
      expect(await page.locator('#search-results > li').count()).toBe(0);
      expect(await page.getByRole('status').getByRole('link', { name: 'A to Z of this site' }).getAttribute('href')).toBe('/a-to-z/');
    } finally {
      await page.context().close();
    }
  });

  it('without the vocabulary (it cannot load) search goes on as Pagefind alone would, uncorrected', async () => {
    const context = await browser.newContext();
    await context.route('**/vocabulary.json', (route) => route.abort());
    const page = await context.newPage();
    try {
      await page.goto(siteUrl('/search/?q=apprentiships'));
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#search-status')?.dataset['query'] === 'apprentiships');
      // What Pagefind alone gives, as before the vocabulary existed: no correction, no error.
      expect(await announced(page)).toMatch(/results? for “apprentiships”/);
      expect(await announced(page)).not.toMatch(/Showing results for/);
      expect(await page.locator('#search-error').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('the vocabulary is fetched only when a word may not be in it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => void (request.url().includes('vocabulary.json') && fetched.push(request.url())));
    try {
      await page.goto(siteUrl('/search/?q=pocket%20money'));
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#search-status')?.dataset['query'] === 'pocket money');
      expect(fetched).toEqual([]);
      await page.fill('#search-input', 'therapy');
      await page.press('#search-input', 'Enter');
      await expect.poll(() => announced(page)).toMatch(/^No results for ‘therapy’\. Showing results for (a wording|wordings) with the same or a similar meaning: ‘therapeutic’/);
      expect(fetched).toHaveLength(1);
      expect(await page.locator('#search-results a').first().getAttribute('href')).toMatch(/#p8-a1$/);
    } finally {
      await context.close();
    }
  });
});
