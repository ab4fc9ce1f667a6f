/**
 * Runs the relevance set through the real search page in Chromium: one page, each query typed
 * into the search box and submitted as a reader would, the result links read once the status
 * says the search for that query is done. Shared by tests/browser/search-relevance.test.ts and
 * `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { rankOf, summarise, type RelevanceQuery, type RelevanceSummary } from '../../src/lib/relevance.ts';

export const RELEVANCE_FILE = new URL('../../tests/relevance/search-queries.json', import.meta.url);

export function relevanceQueries(): RelevanceQuery[] {
  return (JSON.parse(readFileSync(RELEVANCE_FILE, 'utf8')) as { queries: RelevanceQuery[] }).queries;
}

export interface QueryOutcome extends RelevanceQuery {
  rank: number | null;
  /** The first three result links, for a report. */
  top: string[];
  status: string;
  /** From pressing Enter to the results and their status shown. */
  ms: number;
}

/** `searchUrl` is the search page's full address; `base` the site's base path ("/" or "/strategy/"). */
export async function runRelevance(page: Page, searchUrl: string, queries: readonly RelevanceQuery[], base = '/'): Promise<{ outcomes: QueryOutcome[]; summary: RelevanceSummary }> {
  await page.goto(searchUrl);
  await page.waitForFunction(() => /Type words/.test(document.querySelector('#search-status')?.textContent ?? ''));
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    await page.fill('#search-input', q.query);
    const started = Date.now();
    await page.press('#search-input', 'Enter');
    // The status names the query it reports on once its results are shown.
    await page.waitForFunction(
      (query) => {
        const status = document.querySelector<HTMLElement>('#search-status');
        return status?.dataset['query'] === query || (status?.textContent ?? '').includes(`“${query}”`);
      },
      q.query,
      { timeout: 15_000 },
    );
    const ms = Date.now() - started;
    const hrefs = (await page.locator('#search-results > li h2 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) =>
      href.startsWith(base) ? `/${href.slice(base.length)}` : href,
    );
    outcomes.push({ ...q, rank: rankOf(hrefs, q.answers), top: hrefs.slice(0, 3), status: (await page.locator('#search-status').textContent()) ?? '', ms });
  }
  return { outcomes, summary: summarise(outcomes.map((o) => o.rank)) };
}
