/** The internal link and #anchor checker, shared by the root and base-path builds. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEntities, htmlPages, readPage } from './dist.ts';

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
