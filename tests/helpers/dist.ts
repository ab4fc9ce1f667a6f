/** Reading the built site: every HTML page, its text and its links. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Where the test run's build records its steps' times (BUILD_TIMINGS, build/integration.ts). */
export const BUILD_TIMINGS_FILE = join(ROOT, 'node_modules', '.cache', 'test-build-timings.json');

export function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every built HTML page as a site path ("/2017-20/pledge/6/"). */
export function htmlPages(dist = DIST): string[] {
  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .map((f) => `/${relative(dist, f).split(sep).join('/')}`.replace(/index\.html$/, ''))
    .sort();
}

export function readPage(path: string, dist = DIST): string {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return readFileSync(join(dist, file), 'utf8');
}

/** The visible words of a page: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return decodeEntities(
    html
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      // Inline elements join their text to the words around them; other tags separate words.
      .replace(/<\/?(?:a|abbr|b|code|em|i|mark|span|strong|sup|sub|time)(?:\s[^>]*)?>/g, '')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text with its character references decoded (by `entities`, to the HTML standard's table); a
 * no-break space as a space, since the tests compare words.
 */
export function decodeEntities(text: string): string {
  return decodeHTML(text).replace(/\u00a0/g, ' ');
}

/** The text inside `<main>`: what the page says, without header and footer. */
export function mainText(html: string): string {
  const match = html.match(/<main[\s\S]*?<\/main>/);
  return textOf(match ? match[0] : '');
}

/**
 * The environment for a build started from inside a test: without what Vitest adds
 * (NODE_ENV=test, BASE_URL, MODE, DEV, PROD, SSR, VITEST_*), which would leak into Astro's build.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR|VITEST.*|TEST)$/.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}
