/** What the live status says of each outcome of the forgiving search, in the words a screen reader hears. */
import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/lib/forgivingSearch.ts';
import { statusMessage, type MessagePart } from '../../src/lib/searchStatus.ts';

const outcome = (extra: Partial<Outcome>): Outcome => ({ query: 'pocket mony', state: 'exact', ids: ['a', 'b'], filters: null, totalFilters: null, spans: {}, usedVocabulary: false, ...extra });
const text = (parts: readonly MessagePart[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('the status message', () => {
  it('says the count for the words as typed, and how many are shown', () => {
    expect(statusMessage(outcome({ query: 'care', ids: Array.from({ length: 25 }, (_, i) => `r${i}`) }), 20, '/a-to-z/')).toEqual(['25 results for “care”, showing the first 20.']);
  });
  it('says what was searched instead, first, with links to the correction and to the words as typed', () => {
    const parts = statusMessage(outcome({ corrected: 'pocket money' }), 20, '/a-to-z/');
    expect(text(parts)).toBe('Showing results for pocket money. Search instead for pocket mony. 2 results.');
    expect(parts).toContainEqual({ text: 'pocket mony', query: 'pocket mony', exact: true });
  });
  it('names the similar wordings, never as the words typed', () => {
    expect(text(statusMessage(outcome({ query: 'nan', state: 'similar', similar: ['family', 'birth parents'] }), 20, '/a-to-z/'))).toBe(
      'No results for ‘nan’. Showing results for wordings with the same or a similar meaning: ‘family’, ‘birth parents’. 2 results.',
    );
  });
  it('says which words were searched when some were left out, or that only some match', () => {
    expect(text(statusMessage(outcome({ query: 'how much pocket money', state: 'fewer-words', searched: 'pocket money' }), 20, '/a-to-z/'))).toBe(
      'No results for all of ‘how much pocket money’. Showing results for ‘pocket money’, leaving out common words. 2 results.',
    );
    expect(text(statusMessage(outcome({ query: 'dental apprenticeships', state: 'some-words' }), 20, '/a-to-z/'))).toBe('No results for all of ‘dental apprenticeships’. Showing results that match some of the words. 2 results.');
  });
  it('offers a way on when nothing is found: suggestions, or the A to Z', () => {
    expect(text(statusMessage(outcome({ query: 'bullying', state: 'none', ids: [], suggestions: ['building'] }), 20, '/a-to-z/'))).toBe('No results for ‘bullying’. Did you mean building?');
    const parts = statusMessage(outcome({ query: 'xylophone', state: 'none', ids: [] }), 20, '/strategy/a-to-z/');
    expect(parts).toContainEqual({ text: 'A to Z of this site', href: '/strategy/a-to-z/' });
  });
});
