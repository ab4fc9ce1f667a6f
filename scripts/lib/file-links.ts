/**
 * Links to files made after `astro build` (PDFs, documents) carry a marker, `<li data-pdf-link="2017-20/x.pdf">`
 * with an empty `<span data-pdf-size>`. Once the files are made, each marked item gets its
 * file's size, or is removed when the file could not be made, so no page links to a missing file.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBytes } from '../../src/lib/openData.ts';
import { filesUnder } from './built-site.ts';


/** Fills in sizes or removes the items marked `data-${kind}-link` in every built page. */
export function linkFilesInPages(dist: string, kind: 'pdf' | 'doc', files: string[]): void {
  const sizes = new Map(files.filter((f) => existsSync(join(dist, f))).map((f) => [f, formatBytes(statSync(join(dist, f)).size)]));
  const item = new RegExp(`<li data-${kind}-link="([^"]+)">([\\s\\S]*?)<\\/li>`, 'g');
  const size = new RegExp(`<span data-${kind}-size>[^<]*<\\/span>`);
  for (const file of filesUnder(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes(`data-${kind}-link=`)) continue;
    const updated = html.replace(item, (_, path: string, inner: string) => {
      const found = sizes.get(path);
      // The marker stays, so the step can run again on built pages.
      return found ? `<li data-${kind}-link="${path}">${inner.replace(size, `<span data-${kind}-size>${found}</span>`)}</li>` : '';
    });
    writeFileSync(file, updated);
  }
}
