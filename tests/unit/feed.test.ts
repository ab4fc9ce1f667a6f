/** The progress feed as Atom, read back with an XML parser. */
import { describe, expect, it } from 'vitest';
import type { ActionRecord } from '../../src/lib/actionPlan.ts';
import { progressFeed } from '../../src/lib/feed.ts';
import { readAtom } from '../helpers/atom.ts';

const action = (code: string, progress: ActionRecord['progress']) => ({ code, anchor: code.toLowerCase(), edition: '2017-20', progress }) as ActionRecord;
const feedOf = (actions: ActionRecord[]) =>
  progressFeed({
    actions,
    selfUrl: 'https://example.org/2017-20/progress.atom',
    pageUrl: 'https://example.org/2017-20/action-plan/',
    title: 'Progress updates',
    subtitle: 'Fixture',
    actionUrl: (a) => `https://example.org/2017-20/actions/${a.anchor}/`,
    builtAt: new Date('2018-04-20T10:11:12.345Z'),
  });

describe('progressFeed', () => {
  it('with no updates is valid and empty, dated when it was built', () => {
    const feed = readAtom(feedOf([action('P1-A1', [])]));
    expect(feed.problems).toEqual([]);
    expect(feed.entries).toEqual([]);
    expect(feed).toMatchObject({ id: 'https://example.org/2017-20/progress.atom', selfLink: 'https://example.org/2017-20/progress.atom', alternateLink: 'https://example.org/2017-20/action-plan/', updated: '2018-04-20T10:11:12Z' });
  });

  it('has one entry per update, newest first, each linking to the update on its action page', () => {
    const xml = feedOf([
      action('P6-A1', [
        { status: 'complete', asAt: '2018-03-31', note: 'Fixture: <b>bold</b> & "quoted"', reportedBy: 'Fixture officer, Fostering & CiCCL', anchor: 'progress-2018-03-31', corrections: [] },
        { status: 'in-progress', asAt: '2017-12-31', note: 'Fixture: started.', reportedBy: 'Fixture officer', anchor: 'progress-2017-12-31', corrections: [] },
      ]),
      action('P4-A2', [{ status: 'at-risk', asAt: '2018-01-31', note: 'Fixture: late.', reportedBy: 'Fixture officer', anchor: 'progress-2018-01-31', corrections: [] }]),
    ]);
    const feed = readAtom(xml);
    expect(feed.problems).toEqual([]);
    expect(feed.updated).toBe('2018-03-31T00:00:00Z');
    expect(feed.entries.map((e) => [e.title, e.updated, e.category])).toEqual([
      ['P6-A1: Complete, as at 31 March 2018', '2018-03-31T00:00:00Z', 'complete'],
      ['P4-A2: At risk, as at 31 January 2018', '2018-01-31T00:00:00Z', 'at-risk'],
      ['P6-A1: In progress, as at 31 December 2017', '2017-12-31T00:00:00Z', 'in-progress'],
    ]);
    expect(feed.entries[0]).toMatchObject({
      id: 'https://example.org/2017-20/actions/p6-a1/#progress-2018-03-31',
      link: 'https://example.org/2017-20/actions/p6-a1/#progress-2018-03-31',
      author: 'Fixture officer, Fostering & CiCCL',
      summary: 'Fixture: <b>bold</b> & "quoted"',
    });
    expect(xml).not.toContain('<b>');
  });
});

describe('a corrected update in the feed', () => {
  it('keeps its id, says it was corrected, and is updated on the day of the correction (published on its as-at date)', () => {
    const xml = feedOf([
      action('P6-A1', [
        { status: 'complete', asAt: '2018-03-31', note: 'Fixture: £6.50 – “corrected”.', reportedBy: 'Fixture officer', anchor: 'progress-2018-03-31', corrections: [{ correctedOn: '2018-04-20', status: 'in-progress', note: 'Fixture: £5.50.', reportedBy: 'Fixture officer' }] },
      ]),
    ]);
    const feed = readAtom(xml);
    expect(feed.problems).toEqual([]);
    expect(feed.updated).toBe('2018-04-20T00:00:00Z');
    expect(feed.entries.map((e) => [e.id, e.title, e.updated, e.summary])).toEqual([
      ['https://example.org/2017-20/actions/p6-a1/#progress-2018-03-31', 'P6-A1: Complete, as at 31 March 2018 (corrected 20 April 2018)', '2018-04-20T00:00:00Z', 'Fixture: £6.50 – “corrected”.'],
    ]);
    expect(xml).toContain('<published>2018-03-31T00:00:00Z</published>');
    expect(xml).not.toContain('£5.50');
  });
});

describe('readAtom (the checker the feed tests rely on)', () => {
  it.each([
    ['<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2018-01-01T00:00:00Z</updated><author><name>a</name></author><link rel="self" href="https://x.org/f"/></feed>', /exactly one/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/f</id><title>t</title><updated>31 March 2018</updated><author><name>a</name></author><link rel="self" href="https://x.org/f"/></feed>', /RFC 3339/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/f</id><title>t</title><updated>2018-01-01T00:00:00Z</updated><link rel="self" href="https://x.org/f"/></feed>', /no author/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/f</id><title>t</title><updated>2018-01-01T00:00:00Z</updated><author><name>a</name></author><link rel="self" href="https://x.org/f"/><entry><id>relative</id><title>e</title><updated>2018-01-01T00:00:00Z</updated><link href="https://x.org/e"/></entry></feed>', /entry 1: id "relative" is not an absolute IRI/],
    ['<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.org/f</id><title>t</title><updated>2018-01-01T00:00:00Z</updated><author><name>a</name></author><link rel="self" href="https://x.org/f"/><entry><id>https://x.org/e</id><title>e</title><updated>2018-01-01T00:00:00Z</updated></entry></feed>', /entry 1 has no alternate link/],
    ['<feed><unclosed></feed>', /not well-formed/],
  ])('finds the problem in %s', (xml, problem) => {
    expect(readAtom(xml).problems.join('\n')).toMatch(problem);
  });
});
