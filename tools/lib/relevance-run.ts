/**
 * Runs relevance sets through the real search page in Chromium: one page, each query typed into
 * the search box and submitted as a reader would, the result links read once the status says
 * the search for that query is done. Shared by tests/browser/search-relevance.test.ts and
 * `npm run bench`.
 *
 * Three sets, in tests/relevance/: the old set (`search-queries.json`, written from the
 * strategy's own words, kept as a regression check), and the set in users' words in two halves,
 * `user-queries-tuning.json` (the search was tuned against it) and `user-queries-heldout.json`
 * (written by someone else and never looked at while tuning; it may be absent from a working
 * copy, and then only the tuning half is run).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { rankOf, summarise, type RelevanceQuery, type RelevanceSummary } from './relevance.ts';

const folder = new URL('../../tests/relevance/', import.meta.url);

export type SetName = 'old' | 'tuning' | 'held-out';

export const RELEVANCE_FILES: Record<SetName, URL> = {
  old: new URL('search-queries.json', folder),
  tuning: new URL('user-queries-tuning.json', folder),
  'held-out': new URL('user-queries-heldout.json', folder),
};

/** What a set is, for reports. */
export const SET_LABELS: Record<SetName, string> = {
  old: 'old set (the strategy’s words, regression)',
  tuning: 'users’ words, tuning half',
  'held-out': 'users’ words, held-out half',
};

/**
 * Whether a report (the relevance test's log, `npm run bench`) lists a set's queries one by one:
 * not the held-out half's, which whoever tunes the search reads as a whole only, its figures.
 */
export const LISTS_QUERIES: Record<SetName, boolean> = { old: true, tuning: true, 'held-out': false };

/** The success@3 asked for (issue 20): the old set 95 %; each half of the set in users' words, and each group in it, 90 %. */
export const TARGET_SUCCESS_AT_3: Record<SetName, number> = { old: 0.95, tuning: 0.9, 'held-out': 0.9 };

/**
 * A set or group the search does not yet bring to its target is held at what was last measured
 * on it (the file's `measured`), less this many queries: a change to the content (an update
 * note on an action's page) may move a query or two a place, more than that is the search
 * getting worse.
 */
export const QUERIES_OF_LEEWAY = 2;

/** Success@3 as last measured and recorded in the set's file, for the set and for each group. */
export interface Measured {
  on: string;
  successAt3: number;
  groups: Record<string, number>;
}

export interface RelevanceSet {
  name: SetName;
  file: URL;
  queries: RelevanceQuery[];
  measured?: Measured | undefined;
}

/**
 * The least success@3 a set (or one group of it, `group`) must reach: its target, or, while the
 * search falls short of that, what was measured less the leeway. `below target` says which.
 */
export function leastSuccessAt3(set: RelevanceSet, count: number, group?: string): { least: number; belowTarget: boolean } {
  const target = TARGET_SUCCESS_AT_3[set.name];
  const recorded = group === undefined ? set.measured?.successAt3 : set.measured?.groups[group];
  if (recorded === undefined || recorded >= target) return { least: target, belowTarget: false };
  return { least: recorded - QUERIES_OF_LEEWAY / count, belowTarget: true };
}

/** Bad JSON or a file without `queries` fails naming the file. */
function readSet(name: SetName): RelevanceSet {
  const file = RELEVANCE_FILES[name];
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file.pathname}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const { queries, measured } = parsed as { queries?: unknown; measured?: Measured };
  if (!Array.isArray(queries)) throw new Error(`${file.pathname}: expected { "about": "...", "queries": [ ... ] }`);
  if (measured !== undefined && (typeof measured.successAt3 !== 'number' || typeof measured.groups !== 'object' || typeof measured.on !== 'string')) {
    throw new Error(`${file.pathname}: "measured" must be { "on": "YYYY-MM-DD", "successAt3": 0.0-1.0, "groups": { "<group>": 0.0-1.0 } }`);
  }
  return { name, file, queries: queries as RelevanceQuery[], measured };
}

/** The sets that are there (the held-out half may not be), and the names of those that are not. */
export function relevanceSets(): { sets: RelevanceSet[]; missing: SetName[] } {
  const names = Object.keys(RELEVANCE_FILES) as SetName[];
  return { sets: names.filter((n) => existsSync(RELEVANCE_FILES[n])).map(readSet), missing: names.filter((n) => !existsSync(RELEVANCE_FILES[n])) };
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
  if (!page.url().startsWith(searchUrl)) {
    await page.goto(searchUrl);
    await page.waitForFunction(() => /Type words/.test(document.querySelector('#search-status')?.textContent ?? ''));
  }
  const outcomes: QueryOutcome[] = [];
  for (const q of queries) {
    // A query typed twice in a row (the sets share some) must not read the last one's results.
    await page.evaluate(() => document.querySelector('#search-status')?.removeAttribute('data-query'));
    await page.fill('#search-input', q.query);
    const started = Date.now();
    await page.press('#search-input', 'Enter');
    // The status names the query it reports on once its results are shown.
    await page.waitForFunction(
      (query) => document.querySelector<HTMLElement>('#search-status')?.dataset['query'] === query,
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
