/** The PDF and document links of built pages: sizes filled in, items for missing files removed, the rest untouched. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkFilesInPages } from '../../build/lib/file-links.ts';
import { applyEdits } from '../../build/lib/html.ts';
import { formatBytes } from '../../src/lib/openData.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'file-links-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const item = (file: string, attributes = '') => `<li${attributes} data-pdf-link="${file}"><a href="/${file}">PDF</a> (<span data-pdf-size></span>, tagged)</li>`;
const page = (items: string) => `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><script type="module" src="/_astro/x.js"></script></head><body><ul class="formats">${items}<li>Plain text</li></ul><p>It&#39;s &amp; more</p></body></html>`;

describe('linkFilesInPages', () => {
  it('fills in the size of a file made, removes the item of one not made, whatever the attributes\' order, and changes nothing else', () => {
    mkdirSync(join(work, 'e'), { recursive: true });
    writeFileSync(join(work, 'e', 'made.pdf'), Buffer.alloc(2048));
    const file = join(work, 'e', 'index.html');
    writeFileSync(file, page(`${item('e/made.pdf', ' class="first"')}${item('e/missing.pdf')}`));
    linkFilesInPages(work, 'pdf', ['e/made.pdf', 'e/missing.pdf']);
    const filled = `<li class="first" data-pdf-link="e/made.pdf"><a href="/e/made.pdf">PDF</a> (<span data-pdf-size>${formatBytes(2048)}</span>, tagged)</li>`;
    expect(readFileSync(file, 'utf8')).toBe(page(filled));
    // Run again on the built page: the marker stays, the size is replaced, not added to.
    linkFilesInPages(work, 'pdf', ['e/made.pdf']);
    expect(readFileSync(file, 'utf8')).toBe(page(filled));
  });

  it('leaves pages of the other kind of link alone', () => {
    const file = join(work, 'index.html');
    writeFileSync(file, page(item('missing.pdf')));
    linkFilesInPages(work, 'doc', ['missing.odt']);
    expect(readFileSync(file, 'utf8')).toBe(page(item('missing.pdf')));
  });
});

describe('applyEdits', () => {
  it('makes edits from the end, so offsets stay true, and refuses overlapping ones', () => {
    expect(applyEdits('abcdef', [{ start: 1, end: 2, text: 'X' }, { start: 4, end: 6, text: '' }])).toBe('aXcd');
    expect(() => applyEdits('abcdef', [{ start: 1, end: 4, text: '' }, { start: 3, end: 5, text: '' }])).toThrow(/overlapping/);
  });
});
