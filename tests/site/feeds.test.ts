/** The progress feeds of the built site: valid Atom, empty while no update is published, offered by every page. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/paths.ts';
import { DIST, htmlPages, readPage } from '../helpers/dist.ts';
import { editionSlugs } from '../helpers/content.ts';
import { readAtom } from '../helpers/atom.ts';

const feeds = [paths.siteProgressFeed(), ...editionSlugs().map(paths.progressFeed)];
const alternates = (html: string) => [...html.matchAll(/<link rel="alternate" type="application\/atom\+xml" title="([^"]+)" href="([^"]+)">/g)].map((m) => m[2]);

describe.each(feeds)('%s', (feed) => {
  const xml = readFileSync(join(DIST, feed), 'utf8');

  it('is valid Atom, with no entries while no update is published', () => {
    const parsed = readAtom(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toEqual([]);
    expect(new URL(parsed.selfLink).pathname).toBe(feed);
    expect(parsed.id).toBe(parsed.selfLink);
    expect(existsSync(join(DIST, new URL(parsed.alternateLink).pathname, 'index.html'))).toBe(true);
  });
});

describe('feed links', () => {
  it('every page offers the site feed to browsers and feed readers, and an edition\'s pages that edition\'s feed', () => {
    for (const page of htmlPages()) {
      const edition = page.match(/^\/(\d{4}-\d{2})\//)?.[1];
      const expected = [paths.siteProgressFeed(), ...(edition ? [paths.progressFeed(edition)] : [])];
      expect(alternates(readPage(page)), page).toEqual(expected);
    }
  });

  it.each(editionSlugs())('the %s action plan links to its feed where people can see it', (edition) => {
    const html = readPage(paths.actionPlan(edition));
    expect(html).toMatch(new RegExp(`Follow new updates in a feed reader: <a href="${paths.progressFeed(edition)}" type="application/atom\\+xml">progress updates feed</a> \\(Atom\\)`));
  });
});
