/** The internal link and #anchor checker, shared by the root and base-path builds. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { htmlPages } from './dist.ts';

/** A built page's ids and the addresses it links to or loads (href and src), read as HTML. */
function readLinks(file: string): { ids: Set<string>; addresses: string[] } {
  const tree = fromHtml(readFileSync(file, 'utf8'));
  const ids = new Set(selectAll('[id]', tree).map((element) => String(element.properties['id'])));
  const addresses = selectAll('[href], [src]', tree).flatMap((element) => [element.properties['href'], element.properties['src']].filter((value) => value !== undefined).map(String));
  return { ids, addresses };
}

export function brokenLinks(dist: string, base = '/'): string[] {
  const broken: string[] = [];
  const cache = new Map<string, ReturnType<typeof readLinks>>();
  const linksOf = (file: string) => {
    if (!cache.has(file)) cache.set(file, readLinks(file));
    return cache.get(file)!;
  };
  for (const page of htmlPages(dist)) {
    const pageUrl = new URL(`${base.replace(/\/$/, '')}${page}`, 'http://site.test');
    const pageFile = join(dist, page.endsWith('/') ? `${page}index.html` : page);
    for (const raw of linksOf(pageFile).addresses) {
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
      if (anchor && file.endsWith('.html') && !linksOf(file).ids.has(anchor)) broken.push(`${page}: ${raw} (no #${anchor})`);
    }
  }
  return broken;
}
