/**
 * Growth benchmark: how the build and the pages grow with the content. For a scale N it writes,
 * into a temporary folder (never `content/`, never `dist/`):
 *
 * - the real editions, plus N-1 synthetic copies of each, with slugs of their own (2101-04, …)
 *   and status "archived": N times the content;
 * - one more edition, a copy of the edition with the longest action plan whose every theme holds
 *   its actions N times over (P4-A1 … P4-A<n>, then P4-A<n+1> … as copies): a plan N times longer.
 *
 * It then runs `npm run build` with CONTENT_DIR, OUT_DIR and ASTRO_CACHE_DIR pointing into that
 * folder, takes each step's time from the build's own record (BUILD_TIMINGS, build/integration.ts:
 * a step added there is timed too), and measures the pages, the heaviest ones, the pages that list every edition, the long
 * plan, and the bytes of a first search in Chromium. The folder is removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../build/lib/chromium.ts';
import { serve } from '../../build/lib/static-server.ts';
import { filesUnder } from '../../build/lib/built-site.ts';
import { readTimings, type StepTiming } from '../../build/timings.ts';
import { parseHtml } from '../../build/lib/html.ts';
import { EDITION_COLLECTIONS, chapterParts, editionSlugs, readEditionCollection, readEditionFile } from '../../src/lib/contentReader.ts';
import { loadedAssets, mainLinks, markupOf } from './page-assets.ts';
import { withFields } from './progress-yaml.ts';

const EDITIONS = 'content/editions';
export const PAGE_BUDGET = 60 * 1024;

export interface GrowthResult {
  scale: number;
  editions: number;
  actions: number;
  /** Seconds per build step, as the build records them: Astro's own, then each post-build step's. */
  steps: StepTiming[];
  buildSeconds: number;
  pages: number;
  htmlBytes: number;
  heaviest: { page: string; gzip: number }[];
  /** Pages whose main content links into every edition (compare, alternative formats…), heaviest first. */
  listingEveryEdition: { count: number; heaviest: { page: string; gzip: number }[] };
  /** Bytes of the header's edition band, which every page carries. */
  editionBandBytes: { raw: number; gzip: number };
  longPlan: {
    edition: string;
    actions: number;
    pages: { page: string; gzip: number; raw: number }[];
    /** Parts of a plan too long for one page (src/lib/planParts.ts): how many, the heaviest. */
    parts: number;
    heaviestPart: { page: string; gzip: number; raw: number } | null;
    /** Rows a filter showed on part 1 when sorting by timescale (every row of every part), or null without parts. */
    filteredAcrossParts: number | null;
  };
  overBudget: string[];
  firstSearchBytes: number;
}


/** Slugs for synthetic editions: four-year spans from 2101, clear of any real edition. */
function* syntheticSlugs(): Generator<{ slug: string; start: number }> {
  for (let start = 2101; ; start += 4) yield { slug: `${start}-${String((start + 3) % 100).padStart(2, '0')}`, start };
}

/** A content file's text with top-level fields changed, a chapter's in its front matter (its body kept). */
function changeFields(filePath: string, isChapter: boolean, fields: Readonly<Record<string, string | number>>): void {
  const text = readFileSync(filePath, 'utf8');
  if (!isChapter) return writeFileSync(filePath, withFields(text, fields, filePath));
  const { frontMatter, body } = chapterParts(text, filePath);
  writeFileSync(filePath, `---\n${withFields(frontMatter, fields, filePath)}---\n${body}`);
}

/** Every file of a copied edition says it belongs to the copy: the edition's own file and each collection's files. */
function rewriteEdition(editionsDir: string, from: string, to: string): void {
  if (readEditionFile(editionsDir, to).edition === from) changeFields(join(editionsDir, to, 'edition.yaml'), false, { edition: to });
  for (const collection of EDITION_COLLECTIONS) {
    for (const { filePath, data } of readEditionCollection(editionsDir, to, collection)) {
      if (data.edition === from) changeFields(filePath, collection === 'chapters', { edition: to });
    }
  }
}

function copyEdition(target: string, from: string, slug: string, start: number, label: string): void {
  cpSync(join(EDITIONS, from), join(target, slug), { recursive: true });
  rewriteEdition(target, from, slug);
  const { title } = readEditionFile(target, slug);
  changeFields(join(target, slug, 'edition.yaml'), false, { title: `${title} (${label})`, shortTitle: slug, status: 'archived', startYear: start, endYear: start + 3 });
}

/** An action code's theme part and number: "P4-A12" → ["P4", 12]. */
function codeParts(code: string): [string, number] {
  const at = code.lastIndexOf('-A');
  return [code.slice(0, at), Number(code.slice(at + 2))];
}

/** Lengthen an edition's plan N times: every action is repeated with numbers after the theme's last. */
function lengthenPlan(editionsDir: string, edition: string, scale: number): number {
  const originals = readEditionCollection(editionsDir, edition, 'actions').map(({ filePath, data }) => ({ text: readFileSync(filePath, 'utf8'), filePath, data }));
  const lastOf = new Map<string, number>();
  for (const { data } of originals) {
    const [theme, n] = codeParts(data.code);
    lastOf.set(theme, Math.max(lastOf.get(theme) ?? 0, n));
  }
  for (let copy = 1; copy < scale; copy++) {
    for (const { text, filePath, data } of originals) {
      const shift = copy * (lastOf.get(codeParts(data.code)[0]) ?? 0);
      const renumber = (code: string) => {
        const [theme, n] = codeParts(code);
        return `${theme}-A${n + shift}`;
      };
      const code = renumber(data.code);
      const fields = { code, order: data.order + shift, ...(data.splitFrom ? { splitFrom: renumber(data.splitFrom) } : {}) };
      writeFileSync(join(dirname(filePath), `${code.toLowerCase()}.yaml`), withFields(text, fields, filePath));
    }
  }
  return originals.length * scale;
}

/** Writes the synthetic content for scale N; returns the editions, the long plan's slug and the action count. */
export function syntheticContent(target: string, scale: number): { editions: string[]; longPlan: string; longPlanActions: number; actions: number } {
  const real = editionSlugs(EDITIONS);
  const actionsIn = new Map(real.map((slug) => [slug, readEditionCollection(EDITIONS, slug, 'actions').length]));
  const editions: string[] = [];
  let actions = 0;
  for (const slug of real) {
    cpSync(join(EDITIONS, slug), join(target, slug), { recursive: true });
    editions.push(slug);
    actions += actionsIn.get(slug)!;
  }
  const slugs = syntheticSlugs();
  for (let copy = 1; copy < scale; copy++) {
    for (const from of real) {
      const { slug, start } = slugs.next().value!;
      copyEdition(target, from, slug, start, `synthetic copy ${copy}`);
      editions.push(slug);
      actions += actionsIn.get(from)!;
    }
  }
  // The edition whose plan has the most actions, made N times longer.
  const longest = [...real].sort((a, b) => actionsIn.get(b)! - actionsIn.get(a)!)[0]!;
  const { slug, start } = slugs.next().value!;
  copyEdition(target, longest, slug, start, `synthetic, action plan ${scale} times longer`);
  const longPlanActions = lengthenPlan(target, slug, scale);
  actions += longPlanActions;
  editions.push(slug);
  return { editions, longPlan: slug, longPlanActions, actions };
}

interface PageWeight {
  page: string;
  /** Gzip bytes of the HTML and the stylesheets and scripts it loads; raw bytes of the HTML. */
  gzip: number;
  raw: number;
  /** The links of the page's `<main>`. */
  mainLinks: string[];
  /** The markup of the header's edition band. */
  editionBand: string;
}

/** Each page's weight, and what the growth measures read from it. */
function pageWeights(dist: string): PageWeight[] {
  const assetCache = new Map<string, number>();
  const asset = (href: string) => {
    if (!assetCache.has(href)) assetCache.set(href, gzipSync(readFileSync(join(dist, href.replace(/^\//, '')))).length);
    return assetCache.get(href)!;
  };
  return filesUnder(dist)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const buffer = readFileSync(file);
      const html = buffer.toString('utf8');
      const tree = parseHtml(html);
      const assets = loadedAssets(tree).map((a) => a.href);
      const page = `/${relative(dist, file).split(sep).join('/')}`.replace(/index\.html$/, '');
      return {
        page,
        gzip: gzipSync(buffer).length + assets.reduce((sum, a) => sum + asset(a), 0),
        raw: buffer.length,
        mainLinks: mainLinks(tree),
        // The header's edition band, which every page carries.
        editionBand: markupOf(tree, html, 'nav[aria-label="Editions"]'),
      };
    });
}

/**
 * In Chromium: the bytes of a first search from a cold search page (Pagefind's files at their gzip
 * size), and, for a plan in parts, how many rows part 1 shows sorted by timescale (all of them).
 */
async function inChromium(dist: string, partPage: string | null): Promise<{ searchBytes: number; filteredAcrossParts: number | null }> {
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
  try {
    const page = await browser.newPage();
    const pending: Promise<void>[] = [];
    let bytes = 0;
    page.on('response', (response) => {
      if (!response.url().includes('/pagefind/')) return;
      pending.push(
        response.body().then(
          (body) => void (bytes += /\.(js|json|css)$/.test(new URL(response.url()).pathname) ? gzipSync(body).length : body.length),
          () => undefined,
        ),
      );
    });
    await page.goto(new URL('search/', url).href);
    await page.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('Type words'));
    await page.fill('#search-input', 'pocket money');
    await page.waitForFunction(() => /results? for/.test(document.querySelector('#search-status')?.textContent ?? ''));
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    let filteredAcrossParts: number | null = null;
    if (partPage) {
      await page.goto(new URL(`${partPage.slice(1)}?sort=timescale`, url).href);
      await page.waitForFunction(() => /every part|could not/.test(document.querySelector('#filter-status')?.textContent ?? ''));
      filteredAcrossParts = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#action-plan-table tr[data-action]')].filter((r) => r.offsetParent !== null).length);
    }
    return { searchBytes: bytes, filteredAcrossParts };
  } finally {
    await browser.close();
    server.close();
  }
}

export async function runGrowth(scale: number): Promise<GrowthResult> {
  const work = mkdtempSync(join(tmpdir(), `halton-growth-${scale}-`));
  try {
    const content = join(work, 'editions');
    const { editions, longPlan, longPlanActions, actions } = syntheticContent(content, scale);
    const out = join(work, 'dist');
    const timings = join(work, 'timings.json');
    const env = { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), BUILD_TIMINGS: timings };
    const started = performance.now();
    const run = spawnSync('npm', ['run', 'build'], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (run.status !== 0) throw new Error(`Growth ×${scale}: the build failed\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    const buildSeconds = (performance.now() - started) / 1000;
    const steps = readTimings(timings);
    for (const { step, seconds } of steps) console.error(`growth ×${scale}: ${step}: ${seconds.toFixed(1)} s`);
    const weights = pageWeights(out);
    // A link into each edition (its contents, formats, plan…) in the page's own content, not in
    // the header's edition band, which lists every edition on every page.
    const listing = weights.filter((w) => editions.every((slug) => w.mainLinks.some((href) => href.startsWith(`/${slug}/`)))).sort((a, b) => b.gzip - a.gzip);
    const band = weights[0]?.editionBand ?? '';
    const longPages = weights.filter((w) => w.page === `/${longPlan}/action-plan/` || w.page.startsWith(`/${longPlan}/print/`)).sort((a, b) => b.gzip - a.gzip);
    const parts = weights.filter((w) => w.page.startsWith(`/${longPlan}/action-plan/part/`)).sort((a, b) => b.gzip - a.gzip);
    const chromium = await inChromium(out, parts.length ? `/${longPlan}/action-plan/part/1/` : null);
    const result: GrowthResult = {
      scale,
      editions: editions.length,
      actions,
      steps,
      buildSeconds,
      pages: weights.length,
      htmlBytes: weights.reduce((sum, w) => sum + w.raw, 0),
      heaviest: [...weights].sort((a, b) => b.gzip - a.gzip).slice(0, 5).map(({ page, gzip }) => ({ page, gzip })),
      editionBandBytes: { raw: Buffer.byteLength(band), gzip: gzipSync(band).length },
      listingEveryEdition: { count: listing.length, heaviest: listing.slice(0, 3).map(({ page, gzip }) => ({ page, gzip })) },
      longPlan: {
        edition: longPlan,
        actions: longPlanActions,
        pages: longPages.map(({ page, gzip, raw }) => ({ page, gzip, raw })),
        parts: parts.length,
        heaviestPart: parts[0] ? { page: parts[0].page, gzip: parts[0].gzip, raw: parts[0].raw } : null,
        filteredAcrossParts: chromium.filteredAcrossParts,
      },
      overBudget: weights.filter((w) => w.gzip > PAGE_BUDGET).map((w) => w.page),
      firstSearchBytes: chromium.searchBytes,
    };
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Markdown tables comparing the scales, with each step's growth against the content's. */
export function growthTable(results: GrowthResult[]): string {
  const base = results[0]!;
  const names = [...new Set(results.flatMap((r) => r.steps.map((s) => s.step)))];
  const ratio = (value: number, baseValue: number) => (baseValue > 0 ? `${(value / baseValue).toFixed(1)}×` : '');
  const head = `| Measure | ${results.map((r) => `×${r.scale}`).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---').join(' | ')} |`;
  const row = (label: string, cell: (r: GrowthResult) => string) => `| ${label} | ${results.map(cell).join(' | ')} |`;
  const step = (name: string) => (r: GrowthResult) => {
    const s = r.steps.find((x) => x.step === name);
    const b = base.steps.find((x) => x.step === name);
    return s ? `${s.seconds.toFixed(1)} s${r === base || !b ? '' : ` (${ratio(s.seconds, b.seconds)})`}` : '–';
  };
  return [
    head,
    sep,
    row('Editions', (r) => String(r.editions)),
    row('Actions', (r) => `${r.actions}${r === base ? '' : ` (${ratio(r.actions, base.actions)})`}`),
    row('Pages', (r) => `${r.pages}${r === base ? '' : ` (${ratio(r.pages, base.pages)})`}`),
    row('HTML on disk', (r) => `${(r.htmlBytes / 1024 / 1024).toFixed(1)} MB${r === base ? '' : ` (${ratio(r.htmlBytes, base.htmlBytes)})`}`),
    ...names.map((name) => row(`Step: ${name}`, step(name))),
    row('Whole build', (r) => `${r.buildSeconds.toFixed(1)} s${r === base ? '' : ` (${ratio(r.buildSeconds, base.buildSeconds)})`}`),
    row('Heaviest page (gzip HTML+CSS+JS)', (r) => `${kb(r.heaviest[0]?.gzip ?? 0)} ${r.heaviest[0]?.page ?? ''}`),
    row('Heaviest page listing every edition', (r) => `${kb(r.listingEveryEdition.heaviest[0]?.gzip ?? 0)} ${r.listingEveryEdition.heaviest[0]?.page ?? ''} (${r.listingEveryEdition.count} pages list all in their content)`),
    row('Header edition band, on every page (raw / gzip alone)', (r) => `${kb(r.editionBandBytes.raw)} / ${kb(r.editionBandBytes.gzip)}`),
    row('Long plan: action plan page', (r) => {
      const p = r.longPlan.pages.find((x) => x.page.endsWith('/action-plan/'));
      return p ? `${kb(p.gzip)} gzip, ${kb(p.raw)} raw` : '–';
    }),
    row('Long plan: parts (heaviest part)', (r) => (r.longPlan.heaviestPart ? `${r.longPlan.parts} (${kb(r.longPlan.heaviestPart.gzip)} gzip, ${kb(r.longPlan.heaviestPart.raw)} raw)` : 'one page')),
    row('Long plan: filter on part 1 shows (of all actions)', (r) => (r.longPlan.filteredAcrossParts === null ? '–' : `${r.longPlan.filteredAcrossParts} of ${r.longPlan.actions}`)),
    row('Long plan: print edition', (r) => {
      const p = r.longPlan.pages.find((x) => x.page.endsWith('/print/'));
      return p ? `${kb(p.gzip)} gzip, ${kb(p.raw)} raw` : '–';
    }),
    row(`Pages over ${kb(PAGE_BUDGET)}`, (r) => (r.overBudget.length ? r.overBudget.join(', ') : 'none')),
    row('First search, bytes', (r) => kb(r.firstSearchBytes)),
  ].join('\n');
}

/**
 * `npm run bench -- --scale 1,5,20` (or `--scale N`, measured against ×1): builds each scale and
 * writes bench-results/growth.{md,json}. A step whose time grows more than 1.1 times the content
 * (22× for 20× the content) is named.
 */
export async function growthBench(args: readonly string[]): Promise<string> {
  const value = args[args.indexOf('--scale') + 1] ?? '1,5,20';
  const asked = value.split(',').map(Number).filter((n) => Number.isInteger(n) && n >= 1);
  const scales = [...new Set([1, ...asked])].sort((a, b) => a - b);
  const [load] = loadavg();
  const results: GrowthResult[] = [];
  for (const scale of scales) results.push(await runGrowth(scale));
  const base = results[0]!;
  const faster = results.slice(1).flatMap((r) => {
    const content = r.actions / base.actions;
    return r.steps.filter((s) => {
      const b = base.steps.find((x) => x.step === s.step);
      return b && s.seconds / b.seconds > 1.1 * content;
    }).map((s) => `×${r.scale}: ${s.step}`);
  });
  const summary = [
    `Content: the real editions N times (N-1 synthetic copies of each, own slugs), plus one edition whose action plan is N times the longest real plan. Load average ${load?.toFixed(1)} when it started (2 cores, shared).`,
    `Steps growing faster than the content (time ratio over 1.1 × the actions ratio): ${faster.length ? faster.join(', ') : 'none'}.`,
  ].join('\n');
  const table = growthTable(results);
  const date = new Date().toISOString();
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/growth.json', `${JSON.stringify({ date, loadAverage: load, results }, null, 2)}\n`);
  writeFileSync('bench-results/growth.md', `# Growth ${date}\n\n${summary}\n\n${table}\n`);
  return `${summary}\n\n${table}`;
}
