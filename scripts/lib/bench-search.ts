/**
 * The benchmark's measures of forgiving search, kept apart from scripts/bench.ts: relevance of
 * the relevance set (success@1, success@3, mean reciprocal rank) through the real search page,
 * and the bytes of a first search that needs the vocabulary (a misspelling from a cold page),
 * Pagefind's files and the vocabulary together.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { relevanceQueries, runRelevance, type QueryOutcome } from './relevance-run.ts';
import type { RelevanceSummary } from '../../src/lib/relevance.ts';

export interface SearchBench {
  relevance: RelevanceSummary & { hardest: Pick<QueryOutcome, 'query' | 'kind' | 'rank'>[]; ms: number };
  /** Each query of the relevance set after the first, typed into the page with the index loaded: Enter to results shown. */
  warmPageQueryMs: { median: number; max: number; slowest: string };
  /** A first search for a misspelling from a cold page: bytes (JSON and scripts at gzip size) and of them the vocabulary's. */
  correctedFirstQuery: { query: string; bytes: number; vocabularyBytes: number; ms: number };
}

export async function benchSearch(browser: Browser, siteUrl: string): Promise<SearchBench> {
  const context = await browser.newContext();
  const started = Date.now();
  const { outcomes, summary } = await runRelevance(await context.newPage(), new URL('search/', siteUrl).href, relevanceQueries());
  const ms = Date.now() - started;
  await context.close();
  // Hardest: not found, then lowest ranked.
  const hardest = [...outcomes].sort((a, b) => (b.rank ?? Infinity) - (a.rank ?? Infinity)).slice(0, 5).map(({ query, kind, rank }) => ({ query, kind, rank }));

  const cold = await browser.newContext();
  const page = await cold.newPage();
  let bytes = 0;
  let vocabularyBytes = 0;
  page.on('response', async (response) => {
    const path = new URL(response.url()).pathname;
    const vocabulary = path.endsWith('/search/vocabulary.json');
    if (!path.includes('/pagefind/') && !vocabulary) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    const size = /\.(js|json|css)$/.test(path) ? gzipSync(body).length : body.length;
    bytes += size;
    if (vocabulary) vocabularyBytes += size;
  });
  const query = 'apprentiships';
  await page.goto(new URL('search/', siteUrl).href);
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('Type words'));
  const t = Date.now();
  await page.fill('#search-input', query);
  await page.press('#search-input', 'Enter');
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('#search-status')?.dataset['query'] === q, query);
  const firstMs = Date.now() - t;
  await cold.close();
  const warm = outcomes.slice(1).sort((a, b) => a.ms - b.ms);
  const warmPageQueryMs = { median: warm[Math.floor(warm.length / 2)]?.ms ?? 0, max: warm.at(-1)?.ms ?? 0, slowest: warm.at(-1)?.query ?? '' };
  return { relevance: { ...summary, hardest, ms }, warmPageQueryMs, correctedFirstQuery: { query, bytes, vocabularyBytes, ms: firstMs } };
}

/** Rows for the benchmark's table: [measure, value, budget]. */
export function searchBenchRows(bench: SearchBench): [string, string, string][] {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const { relevance: r, correctedFirstQuery: c } = bench;
  return [
    [`Search relevance (${r.queries} queries, tests/relevance/): success@1 / success@3 / MRR`, `${pct(r.successAt1)} / ${pct(r.successAt3)} / ${r.mrr.toFixed(3)}`, 'success@3 ≥ 95 %'],
    ['Warm search through the page (relevance set, Enter to results shown), median / max', `${bench.warmPageQueryMs.median} / ${bench.warmPageQueryMs.max} ms (“${bench.warmPageQueryMs.slowest}”)`, '< 100 ms'],
    ['Hardest queries (rank of the first answer)', r.hardest.map((h) => `“${h.query}” ${h.rank ?? 'not found'}`).join(', '), ''],
    [`First query needing the vocabulary (“${c.query}”), bytes transferred`, `${(c.bytes / 1024).toFixed(1)} KB, of which vocabulary ${(c.vocabularyBytes / 1024).toFixed(1)} KB (${c.ms} ms)`, '< 150 KB'],
  ];
}
