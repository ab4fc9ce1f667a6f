/**
 * Lighthouse on one page of every template, as a new reader on a phone would get it: Lighthouse's
 * default (mobile, simulated slow 4G and a 4x slower CPU) against Debian's Chromium, served the way
 * a host serves the site (gzip, the security headers, the cache rules of src/lib/securityHeaders.ts).
 *
 * Lighthouse's simulated timings are computed from the trace of a real load, so a busy machine
 * inflates them: each page is measured `runs` times and the median of every figure is reported.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import compression from 'compression';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../build/lib/chromium.ts';
import { sitemapLocations } from '../../build/lib/built-site.ts';
import { serve } from '../../build/lib/static-server.ts';
import { median } from './statistics.ts';
import { onePerTemplate, templateOf } from './templates.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

export interface LighthouseRow {
  template: string;
  path: string;
  scores: Record<Category, number>;
  lcpMs: number;
  cls: number;
  tbtMs: number;
  /** Every run's performance score and LCP, to show the spread behind the median. */
  runs: { performance: number; lcpMs: number }[];
  /** Audits that cost points in the median run (id: score), for finding what to fix. */
  failing: string[];
}

/** One page of every template in the sitemap, plus search with a query (a template of its own here). */
export function lighthousePages(dist: string): { template: string; path: string }[] {
  const paths = sitemapLocations(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).map((loc) => new URL(loc).pathname);
  const pages = onePerTemplate(paths).map((path) => ({ template: templateOf(path), path }));
  pages.push({ template: '/search/?q=', path: '/search/?q=pocket+money' });
  return pages;
}

export async function runLighthouse(dist: string, runs: number, only?: RegExp): Promise<LighthouseRow[]> {
  // As a static host serves it: the security and cache headers, the 404 page, and gzip for the
  // types a host compresses (nginx.conf's gzip_types: text, scripts, JSON, SVG, WebAssembly).
  const gzip = compression({ threshold: 0, filter: (_request, response) => /charset|javascript|json|svg|wasm/.test(String(response.getHeader('Content-Type'))) });
  const { server, url } = await serve(dist, { likeAHost: true, before: (request, response, next) => gzip(request as never, response as never, next) });
  const origin = new URL(url).origin;
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_FLAGS] });
  const rows: LighthouseRow[] = [];
  try {
    for (const { template, path } of lighthousePages(dist).filter((p) => !only || only.test(p.path))) {
      const results: Result[] = [];
      for (let i = 0; i < runs; i++) {
        // A busy machine now and then loses a trace (NO_NAVSTART, NO_FCP): such a run is repeated.
        for (let attempt = 1; ; attempt++) {
          const result = await lighthouse(`${origin}${path}`, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] });
          const lhr = result?.lhr;
          if (lhr && !lhr.runtimeError) {
            results.push(lhr);
            break;
          }
          if (attempt === 3) throw new Error(`Lighthouse failed on ${path}: ${lhr?.runtimeError?.message ?? 'no result'}`);
        }
      }
      const perf = (lhr: (typeof results)[number]) => lhr.categories['performance']?.score ?? 0;
      const medianRun = [...results].sort((a, b) => perf(a) - perf(b))[Math.floor(results.length / 2)]!;
      const numeric = (id: string) => median(results.map((lhr) => lhr.audits[id]?.numericValue ?? NaN));
      const failing = CATEGORIES.flatMap((category) =>
        (medianRun.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => medianRun.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => `${audit.id}: ${audit.score}`),
      );
      const row: LighthouseRow = {
        template,
        path,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(median(results.map((lhr) => (lhr.categories[c]?.score ?? 0) * 100)))])) as Record<Category, number>,
        lcpMs: Math.round(numeric('largest-contentful-paint')),
        cls: Number(numeric('cumulative-layout-shift').toFixed(3)),
        tbtMs: Math.round(numeric('total-blocking-time')),
        runs: results.map((lhr) => ({ performance: Math.round(perf(lhr) * 100), lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0) })),
        failing,
      };
      rows.push(row);
      console.error(`lighthouse ${path}: ${CATEGORIES.map((c) => row.scores[c]).join('/')} LCP ${row.lcpMs} ms, CLS ${row.cls}, TBT ${row.tbtMs} ms${failing.length ? ` (${failing.join(', ')})` : ''}`);
    }
  } finally {
    chrome.kill();
    server.close();
  }
  return rows;
}

/** A Markdown table of the rows. */
export function lighthouseTable(rows: LighthouseRow[], runs: number): string {
  const header = `| Page (template) | Perf. | A11y | Best pr. | SEO | LCP | CLS | TBT | Perf. / LCP of each of ${runs} runs |`;
  const lines = rows.map((r) => `| ${r.path} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${r.scores.seo} | ${(r.lcpMs / 1000).toFixed(2)} s | ${r.cls} | ${r.tbtMs} ms | ${r.runs.map((x) => `${x.performance} / ${(x.lcpMs / 1000).toFixed(2)}`).join(', ')} |`);
  return [header, '| --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...lines].join('\n');
}

/**
 * `npm run bench` part: Lighthouse on every template, `--lighthouse-runs N` times each (default 3),
 * `--lighthouse-only REGEX` for some pages. Writes bench-results/lighthouse.{md,json}; returns the table.
 */
export async function lighthouseBench(dist: string, args: readonly string[]): Promise<string> {
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Number(option('--lighthouse-runs') ?? 3);
  const only = option('--lighthouse-only');
  const [load] = loadavg();
  const rows = await runLighthouse(dist, runs, only ? new RegExp(only) : undefined);
  const notPerfect = rows.filter((r) => CATEGORIES.some((c) => r.scores[c] < 100));
  const slowPlans = rows.filter((r) => /\/action-plan\/$/.test(r.path) && r.lcpMs >= 1200);
  const table = lighthouseTable(rows, runs);
  const summary = [
    `Lighthouse ${(JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version}, default (mobile) profile, Debian Chromium; median of ${runs} runs per page; load average ${load?.toFixed(1)} when it started (2 cores).`,
    `Every category 100: ${notPerfect.length === 0 ? 'yes' : `no (${notPerfect.map((r) => r.path).join(', ')})`}. Action plans' LCP under 1.2 s: ${slowPlans.length === 0 ? 'yes' : `no (${slowPlans.map((r) => r.path).join(', ')})`}.`,
  ].join('\n');
  const date = new Date().toISOString();
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/lighthouse.json', `${JSON.stringify({ date, runs, loadAverage: load, rows }, null, 2)}\n`);
  writeFileSync('bench-results/lighthouse.md', `# Lighthouse ${date}\n\n${summary}\n\n${table}\n`);
  return `${summary}\n\n${table}`;
}
