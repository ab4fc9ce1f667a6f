/**
 * Performance benchmark (not a test): build time, bytes shipped per page (gzip HTML + CSS + JS
 * loaded by script tags), JavaScript needed to read a page, Pagefind index size, search latency
 * and transfer, and the time to apply an action plan filter, in Chromium.
 * Prints a table and writes bench-results/latest.{json,md} so runs can be compared.
 *
 *   npm run bench            (builds first)
 *   SKIP_BUILD=1 npm run bench
 *   npm run bench -- --no-lighthouse | --lighthouse-runs 5 | --lighthouse-only action-plan
 *   npm run bench -- --scale 1,5,20   growth only (tools/lib/growth.ts)
 */
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../build/lib/chromium.ts';
import { serve } from '../build/lib/static-server.ts';
import { filesUnder } from '../build/lib/built-site.ts';
import { readTimings, type StepTiming } from '../build/timings.ts';
import { parseHtml } from '../build/lib/html.ts';
import { loadedAssets } from './lib/page-assets.ts';
import { benchSearch, searchBenchRows } from './lib/bench-search.ts';
import { growthBench } from './lib/growth.ts';
import { lighthouseBench } from './lib/lighthouse.ts';
import { median } from './lib/statistics.ts';

const args = process.argv.slice(2);
if (args.includes('--scale')) {
  console.log(await growthBench(args));
  process.exit(0);
}

const dist = 'dist';
const BUDGET_MAX = 60 * 1024;
const BUDGET_MEDIAN = 30 * 1024;

const gz = (path: string) => gzipSync(readFileSync(path)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let buildSeconds: number | null = null;
/** The build's steps with their times, as the build's integration records them (build/integration.ts). */
let steps: StepTiming[] = [];
if (!process.env['SKIP_BUILD']) {
  const work = mkdtempSync(join(tmpdir(), 'bench-'));
  const timings = join(work, 'timings.json');
  const started = Date.now();
  execSync('npm run build', { stdio: 'ignore', env: { ...process.env, BUILD_TIMINGS: timings } });
  buildSeconds = (Date.now() - started) / 1000;
  steps = readTimings(timings);
  rmSync(work, { recursive: true, force: true });
}

// Bytes per page: the HTML and every stylesheet and script it loads, each gzipped.
const pages = filesUnder(dist).filter((f) => f.endsWith('.html'));
const perPage = pages.map((file) => {
  const html = readFileSync(file, 'utf8');
  const assets = loadedAssets(parseHtml(html));
  const assetBytes = (script: boolean) => assets.filter((a) => a.script === script).reduce((sum, a) => sum + gz(join(dist, a.href.replace(/^\//, ''))), 0);
  const css = assetBytes(false);
  const js = assetBytes(true);
  const htmlBytes = gz(file);
  return { page: `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, ''), html: htmlBytes, css, js, total: htmlBytes + css + js };
});
const totals = perPage.map((p) => p.total);
const heaviest = [...perPage].sort((a, b) => b.total - a.total).slice(0, 5);
// Script is progressive enhancement (filters, search, print date); tests/browser/layout.test.ts
// reads pages with JavaScript off. Reported: how many pages load any, and how much.
const loadingJs = perPage.filter((p) => p.js > 0);
const pagefindBytes = filesUnder(join(dist, 'pagefind')).reduce((sum, f) => sum + statSync(f).size, 0);

// In Chromium: search transfer and latency, and the action plan filter.
const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
const page = await browser.newPage();
// Pagefind's index files are already gzip-compressed; its scripts are served compressed by any
// static host, so they count at their gzip size (the uncompressed total is reported too).
let searchBytes = 0;
let searchBytesUncompressed = 0;
page.on('response', async (response) => {
  if (!response.url().includes('/pagefind/')) return;
  const body = await response.body().catch(() => Buffer.alloc(0));
  searchBytesUncompressed += body.length;
  searchBytes += /\.(js|json|css)$/.test(new URL(response.url()).pathname) ? gzipSync(body).length : body.length;
});
// Bytes for a first search from a cold page: Pagefind's script, WebAssembly, metadata, filter
// index and the index chunks and fragments the query needs.
await page.goto(new URL('search/', url).href);
await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('Type words'));
const firstStart = Date.now();
await page.fill('#search-input', 'pocket money');
await page.waitForFunction(() => /results? for/.test(document.querySelector('#search-status')?.textContent ?? ''));
const firstQueryMs = Date.now() - firstStart;
const firstQueryBytes = searchBytes;
const firstQueryBytesUncompressed = searchBytesUncompressed;
const warm = await page.evaluate(async () => {
  const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
  const times: number[] = [];
  for (const q of ['staying put', 'peer mentors', 'virtual school', 'foster carers', 'pocket money']) {
    const t = performance.now();
    const search = await pagefind.search(q);
    await Promise.all(search.results.slice(0, 20).map((r: { data: () => Promise<unknown> }) => r.data()));
    times.push(performance.now() - t);
  }
  return times;
});
await page.goto(new URL('2017-20/action-plan/', url).href);
const filterMs = await page.evaluate(() => {
  const select = document.querySelector<HTMLSelectElement>('#filter-lead')!;
  const times: number[] = [];
  for (const value of ['principal-manager-ciccl', 'irm-service', 'housing-options-manager', '']) {
    const t = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    void document.body.offsetHeight; // include the style and layout the change causes
    times.push(performance.now() - t);
  }
  return Math.max(...times);
});
const actionPlanPage = perPage.find((p) => p.page === '/2017-20/action-plan/');
const searchBench = await benchSearch(browser, url);
await browser.close();
server.close();

const results = {
  date: new Date().toISOString(),
  buildSeconds,
  steps,
  pages: perPage.length,
  bytesPerPage: { median: median(totals), max: Math.max(...totals), overBudget: perPage.filter((p) => p.total > BUDGET_MAX).map((p) => p.page) },
  heaviest,
  pagesLoadingJs: loadingJs.length,
  jsBytes: { median: median(perPage.map((p) => p.js)), max: Math.max(...perPage.map((p) => p.js)) },
  pagefindIndexBytes: pagefindBytes,
  search: { firstQueryBytes, firstQueryBytesUncompressed, firstQueryMsIncludingDebounce: firstQueryMs, warmQueryMs: { median: median(warm), max: Math.max(...warm) } },
  actionPlan: { bytes: actionPlanPage?.total ?? 0, filterMs },
  forgivingSearch: searchBench,
};

const rows: [string, string, string][] = [
  ['Build time (npm run build)', buildSeconds === null ? 'skipped' : `${buildSeconds.toFixed(1)} s`, ''],
  ...steps.map(({ step, seconds }): [string, string, string] => [`  of which: ${step}`, `${seconds.toFixed(1)} s`, '']),
  ['Pages', String(results.pages), ''],
  ['Bytes per page, median (gzip HTML+CSS+JS)', kb(results.bytesPerPage.median), `≤ ${kb(BUDGET_MEDIAN)} ${results.bytesPerPage.median <= BUDGET_MEDIAN ? 'ok' : 'OVER'}`],
  ['Bytes per page, largest', `${kb(results.bytesPerPage.max)} (${heaviest[0]?.page})`, `≤ ${kb(BUDGET_MAX)} ${results.bytesPerPage.overBudget.length === 0 ? 'ok' : 'OVER'}`],
  ['JavaScript needed to read a page', '0 bytes (pages are tested with JavaScript off)', 'goal none'],
  ['JavaScript loaded per page (enhancement), median / max', `${kb(results.jsBytes.median)} / ${kb(results.jsBytes.max)} on ${loadingJs.length} pages`, ''],
  ['Action plan page (2017-20)', kb(results.actionPlan.bytes), `≤ ${kb(BUDGET_MAX)}`],
  ['Apply a filter (slowest of 4)', `${filterMs.toFixed(1)} ms`, '< 50 ms'],
  ['Pagefind index on disk', kb(pagefindBytes), ''],
  ['First query from a cold page, bytes transferred (uncompressed)', `${kb(firstQueryBytes)} (${kb(firstQueryBytesUncompressed)})`, '< 150 KB'],
  ['First query, keystroke to results (incl. 150 ms debounce)', `${firstQueryMs} ms`, ''],
  ['Warm query, median / max', `${median(warm).toFixed(1)} / ${Math.max(...warm).toFixed(1)} ms`, '< 100 ms'],
  ...searchBenchRows(searchBench),
];
const table = ['| Measure | Value | Budget |', '| --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
console.log(table);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench-results/latest.md', `# Benchmark ${results.date}\n\n${table}\n`);
if (!args.includes('--no-lighthouse')) {
  const lighthouse = await lighthouseBench(dist, args);
  console.log(`\n${lighthouse}`);
  writeFileSync('bench-results/latest.md', `# Benchmark ${results.date}\n\n${table}\n\n## Lighthouse\n\n${lighthouse}\n`);
}
