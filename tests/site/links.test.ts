/** Every internal link and #anchor in the built site resolves. Run on the root build and, in base-path.test.ts, on a build under a sub-path. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, decodeEntities, htmlPages, readPage } from '../helpers/dist.ts';

export function brokenLinks(dist: string, base = '/'): string[] {
  const broken: string[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsCache.has(file)) idsCache.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    return idsCache.get(file)!;
  };
  for (const page of htmlPages(dist)) {
    const html = readPage(page, dist);
    const pageUrl = new URL(`${base.replace(/\/$/, '')}${page}`, 'http://site.test');
    for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const raw = decodeEntities(match[1]!);
      if (/^(mailto:|tel:|data:)/.test(raw)) continue;
      const target = new URL(raw, pageUrl);
      if (target.origin !== pageUrl.origin) continue;
      if (!target.pathname.startsWith(base)) {
        broken.push(`${page}: ${raw} is outside the base path ${base}`);
        continue;
      }
      let file = join(dist, decodeURIComponent(target.pathname.slice(base.length)));
      if (target.pathname.endsWith('/')) file = join(file, 'index.html');
      if (!existsSync(file)) {
        broken.push(`${page}: ${raw} (no file)`);
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push(`${page}: ${raw} (no #${anchor})`);
    }
  }
  return broken;
}

describe('internal links', () => {
  it('all resolve to a file, and every #anchor to an id on that page', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(200);
    expect(brokenLinks(DIST)).toEqual([]);
  });

  it('the checker can fail: it reports a missing page and a missing anchor', () => {
    const fixture = mkdtempSync(join(tmpdir(), 'links-'));
    mkdirSync(join(fixture, 'a'));
    writeFileSync(join(fixture, 'index.html'), '<a href="/a/#here">ok</a><a href="/a/#gone">bad anchor</a><a href="/missing/">bad page</a>');
    writeFileSync(join(fixture, 'a', 'index.html'), '<h1 id="here">A</h1>');
    expect(brokenLinks(fixture)).toEqual(['/: /a/#gone (no #gone)', '/: /missing/ (no file)']);
    rmSync(fixture, { recursive: true, force: true });
  });
});
