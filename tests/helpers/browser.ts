/** Debian's Chromium driven by playwright-core (no browser downloads here). CHROMIUM_PATH overrides the binary. */
import { chromium, type Browser, type BrowserContextOptions, type LaunchOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../build/lib/chromium.ts';
import { sitemapLocations } from '../../build/lib/built-site.ts';

export { CHROMIUM_PATH };

/** `options` adds to the launch (e.g. `env`, for a home folder whose certificate store trusts a test CA). */
export function launch(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] });
}

/** The served site's address for a root-relative path. */
export function siteUrl(path: string): string {
  return new URL(path.replace(/^\//, ''), inject('siteUrl')).href;
}

/** A page in a fresh context (AxeBuilder needs one made by newContext). */
export async function openPage(browser: Browser, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(siteUrl(path));
  return page;
}

/** Every page in the built sitemap, as root-relative paths. */
export async function sitemapPaths(): Promise<string[]> {
  const index = await (await fetch(siteUrl('/sitemap-index.xml'))).text();
  const maps = sitemapLocations(index).map((loc) => new URL(loc).pathname);
  const paths: string[] = [];
  for (const map of maps) {
    const xml = await (await fetch(siteUrl(map))).text();
    paths.push(...sitemapLocations(xml).map((loc) => new URL(loc).pathname));
  }
  return paths;
}
