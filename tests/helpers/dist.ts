/** Reading the built site: every HTML page, its text and its links. */
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHTML } from 'entities';
import type { Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { filesUnder } from '../../build/lib/built-site.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'dist');
/** Where the test run's build records its steps' times (BUILD_TIMINGS, build/integration.ts). */
export const BUILD_TIMINGS_FILE = join(ROOT, 'node_modules', '.cache', 'test-build-timings.json');

/** Older than this, a build lock was left by a run that was stopped: longer than any one build takes. */
const STALE_BUILD_LOCK_MS = 5 * 60_000;

/**
 * Runs a build that a test starts beside the root build (under a base path, of fixture or bad
 * content) one at a time across the test files, which run two at once: two Astro builds in one
 * checkout at the same time were seen to leave one of them without its `_astro` assets (the
 * base-path test, in two clean-clone runs of four). The lock is a folder: making it is atomic.
 */
export function oneBuildAtATime<T>(run: () => T): T {
  const lock = join(ROOT, 'node_modules', '.cache', 'test-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (age > STALE_BUILD_LOCK_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(pause, 0, 0, 200);
    }
  }
  try {
    return run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Every file below a folder, at any depth (the build's own walk). */
export const walk = filesUnder;

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

/** Inline elements join their text to the words around them; other elements separate words. */
const INLINE = new Set(['a', 'abbr', 'b', 'code', 'em', 'i', 'mark', 'span', 'strong', 'sup', 'sub', 'time']);

/** The words of a parsed tree: scripts and styles dropped, whitespace collapsed. */
export function wordsOf(tree: Nodes): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      if (node.tagName === 'script' || node.tagName === 'style') return void parts.push(' ');
      const separate = !INLINE.has(node.tagName);
      if (separate) parts.push(' ');
      node.children.forEach(walk);
      if (separate) parts.push(' ');
    } else if (node.type === 'root') node.children.forEach(walk);
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The visible words of a page or a piece of one, read as HTML (character references decoded by the parser). */
export function textOf(html: string): string {
  return wordsOf(fromHtml(html, { fragment: true }));
}

/** The text inside `<main>`: what the page says, without header and footer. */
export function mainText(html: string): string {
  const main = select('main', fromHtml(html));
  return main ? wordsOf(main) : '';
}

/**
 * Text with its character references decoded (by `entities`, to the HTML standard's table); a
 * no-break space as a space, since the tests compare words.
 */
export function decodeEntities(text: string): string {
  return decodeHTML(text).replace(/\u00a0/g, ' ');
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
