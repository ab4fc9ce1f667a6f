/** Every internal link and #anchor in the built site resolves. Run on the root build and, in base-path.test.ts, on a build under a sub-path. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, htmlPages } from '../helpers/dist.ts';
import { brokenLinks } from '../helpers/links.ts';

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
