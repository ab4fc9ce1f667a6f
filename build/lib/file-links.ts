/**
 * Links to files made after Astro's pages (PDFs, documents) carry a marker, an item
 * `<li data-pdf-link="2017-20/x.pdf">` holding an empty `<span data-pdf-size>`. Once the files
 * are made, each marked item gets its file's size, or is removed when the file could not be
 * made, so no page links to a missing file.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { select } from 'hast-util-select';
import { formatBytes } from '../../src/lib/openData.ts';
import { filesUnder } from './built-site.ts';
import { contentRange, editElements, sourceRange } from './html.ts';

/** Fills in sizes or removes the items marked `data-${kind}-link` in every built page. */
export function linkFilesInPages(dist: string, kind: 'pdf' | 'doc', files: string[]): void {
  const sizes = new Map(files.filter((f) => existsSync(join(dist, f))).map((f) => [f, formatBytes(statSync(join(dist, f)).size)]));
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(`data-${kind}-link=`)) continue;
    const updated = editElements(html, `li[data-${kind}-link]`, (item) => {
      const path = String(item.properties[`data${kind === 'pdf' ? 'Pdf' : 'Doc'}Link`]);
      const size = sizes.get(path);
      if (!size) return [{ ...sourceRange(item), text: '' }];
      // The marker stays, so the step can run again on built pages.
      const span = select(`span[data-${kind}-size]`, item);
      return span ? [{ ...contentRange(span), text: size }] : [];
    });
    if (updated !== html) writeFileSync(file, updated);
  }
}
