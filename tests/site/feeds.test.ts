/**
 * The progress feeds of the built site: valid Atom, one entry per update the content publishes
 * (none, or many: computed from the content), offered by every page. The fixture build of
 * tests/site/progress.test.ts checks feeds with updates in them word for word.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paths } from '../../src/lib/paths.ts';
import { DIST, htmlPages, mainText, readPage, wordsOf } from '../helpers/dist.ts';
import { editionSlugs, readCollection } from '../helpers/content.ts';
import { readAtom } from '../helpers/atom.ts';
import { attributesOf, pageTree, select, selectAll, wordsAround } from '../helpers/html.ts';

/** Each edition's published updates, as its action files record them. */
const published = (edition: string) =>
  readCollection(edition, 'actions').flatMap((a) => (a.progress ?? []).map((u) => ({ code: a.code, ...u })));
const feeds = [
  { feed: paths.siteProgressFeed(), updates: editionSlugs().flatMap(published) },
  ...editionSlugs().map((edition) => ({ feed: paths.progressFeed(edition), updates: published(edition) })),
];
/** The feeds a page offers browsers and feed readers: its titled Atom alternates' addresses. */
const alternates = (page: string) => attributesOf('link[rel~="alternate"][type="application/atom+xml"][title]:not([title=""])', 'href', pageTree(page));

describe.each(feeds)('$feed', ({ feed, updates }) => {
  const xml = readFileSync(join(DIST, feed), 'utf8');

  it(`is valid Atom, with one entry for each update the content publishes`, () => {
    const parsed = readAtom(xml);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries).toHaveLength(updates.length);
    expect(parsed.entries.map((e) => [e.summary, e.author]).sort()).toEqual(updates.map((u) => [u.note, u.reportedBy]).sort());
    for (const entry of parsed.entries) {
      const link = new URL(entry.link);
      expect(select(`[id="${link.hash.slice(1)}"]`, pageTree(link.pathname)), entry.link).not.toBeUndefined();
    }
    expect(new URL(parsed.selfLink).pathname).toBe(feed);
    expect(parsed.id).toBe(parsed.selfLink);
    expect(existsSync(join(DIST, new URL(parsed.alternateLink).pathname, 'index.html'))).toBe(true);
  });
});

describe.each(editionSlugs())('the %s action plan', (edition) => {
  it('summarises the progress published, or says that none is', () => {
    const text = mainText(readPage(paths.actionPlan(edition)));
    const reported = new Set(published(edition).map((u) => u.code)).size;
    if (reported === 0) expect(text).toContain('No progress updates have been published yet.');
    else expect(text).toMatch(new RegExp(`As at \\d{1,2} \\w+ \\d{4}, progress has been reported on ${reported} of \\d+ actions:`));
  });
});

describe('feed links', () => {
  it('every page offers the site feed to browsers and feed readers, and an edition\'s pages that edition\'s feed', () => {
    for (const page of htmlPages()) {
      const edition = page.match(/^\/(\d{4}-\d{2})\//)?.[1];
      const expected = [paths.siteProgressFeed(), ...(edition ? [paths.progressFeed(edition)] : [])];
      expect(alternates(page), page).toEqual(expected);
    }
  });

  it.each(editionSlugs())('the %s action plan links to its feed where people can see it', (edition) => {
    const tree = pageTree(paths.actionPlan(edition));
    const links = selectAll(`a[href="${paths.progressFeed(edition)}"][type="application/atom+xml"]`, tree);
    expect(links.map(wordsOf)).toEqual(['progress updates feed']);
    expect(wordsAround(links[0]!, tree)).toContain('Follow new updates in a feed reader: progress updates feed (Atom)');
  });
});
