/** How a search result is shown: where it links, the section it is said to be in, its excerpt's marked words. */
import { describe, expect, it } from 'vitest';
import { excerptParts, markedWords, resultPlace, type ResultData } from '../../src/lib/searchResults.ts';
import type { Span } from '../../src/lib/searchPlaces.ts';

const page = (extra: Partial<ResultData> = {}): ResultData => ({
  url: '/2017-20/pledge/',
  excerpt: '',
  content: 'The Pledge. We promise To listen to you Pledge statements We will give you pocket money',
  anchors: [
    { element: 'h2', id: 'we-promise', text: 'We promise', location: 2 },
    { element: 'h2', id: 'statements', text: 'Pledge statements', location: 8 },
    { element: 'li', id: 'statement-6', location: 10 },
  ],
  meta: { title: 'The Pledge' },
  sub_results: [{ title: 'We promise', url: '/2017-20/pledge/#we-promise', excerpt: '' }],
  ...extra,
});
const span = (anchor: string | null, from: number): Span => ({ together: true, from, to: from + 1, anchor, hits: [from, from + 1], exact: 2 });

describe('where a result links', () => {
  it('links to the item that holds the words, and names the heading before it as its section', () => {
    expect(resultPlace(page(), span('statement-6', 13))).toEqual({ target: '/2017-20/pledge/#statement-6', section: 'Pledge statements' });
  });
  it('links an action to its place on its Pledge page, whatever part of its own page holds the words', () => {
    const action = page({ url: '/2017-20/actions/p6-a1/', meta: { title: 'P6-A1', target: '/2017-20/pledge/6/#p6-a1', section: 'Pocket money' } });
    expect(resultPlace(action, span(null, 3))).toEqual({ target: '/2017-20/pledge/6/#p6-a1', section: 'Pocket money' });
  });
  it('without a place for the words, links to Pagefind’s first part with an anchor, never naming the page’s own title as a section', () => {
    expect(resultPlace(page())).toEqual({ target: '/2017-20/pledge/#we-promise', section: 'We promise' });
    expect(resultPlace(page({ sub_results: [], anchors: [] }))).toEqual({ target: '/2017-20/pledge/', section: undefined });
  });
});

describe('an excerpt', () => {
  it('keeps the marks and drops other tags, decoding the rest', () => {
    const decode = (html: string) => html.replace(/&amp;/g, '&').replace(/&#39;/g, '’');
    expect(excerptParts('children&#39;s <mark>pocket</mark> <b>money</b> &amp; <mark>savings</mark>', decode)).toEqual([
      { text: 'children’s ', mark: false },
      { text: 'pocket', mark: true },
      { text: ' money & ', mark: false },
      { text: 'savings', mark: true },
    ]);
  });
  it('gives the words highlighted, lower case, a hyphenated match as its words', () => {
    expect(markedWords('the <mark>Mini-Trust</mark> and <mark>CiC</mark> reports')).toEqual(['mini', 'trust', 'cic']);
  });
});
