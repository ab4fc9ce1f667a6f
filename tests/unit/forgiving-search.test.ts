/** Every state of the forgiving search, on a fake engine that finds pages holding all the words (by prefix, as Pagefind). */
import { describe, expect, it } from 'vitest';
import { describe as message, forgivingSearch, type Engine } from '../../src/lib/forgivingSearch.ts';
import { Vocabulary, buildDictionary, words } from '../../src/lib/searchWords.ts';
import { rankOf, summarise } from '../../src/lib/relevance.ts';

const pages: Record<string, string> = {
  money: 'We will give you pocket money and a bank account',
  allowance: 'A weekly allowance, not pocket money, for young people over 16',
  jobs: 'Three apprenticeships are ring fenced for care leavers',
  health: 'An Initial Health Assessment (IHA) when you come into care',
  go4ward: 'The Go4Ward therapeutic service',
  many: 'Many foster carers',
  home: 'You will have a home, and a fund to find work',
};

function fakeEngine() {
  const calls = { searches: [] as string[], vocabulary: 0 };
  const hit = (page: string, w: string) => words(pages[page] ?? '').some((p) => p.startsWith(w));
  const engine: Engine = {
    async search(query) {
      calls.searches.push(query);
      const ws = words(query);
      const ids = Object.keys(pages).filter((p) => ws.length > 0 && ws.every((w) => hit(p, w)));
      return { ids, filters: { kind: { Action: ids.length } }, totalFilters: { kind: { Action: ids.length } } };
    },
    async marked(ids) {
      const searched = calls.searches.flatMap(words);
      return ids.flatMap((id) => words(pages[id] ?? '').filter((w) => searched.some((s) => w.startsWith(s))));
    },
    async vocabulary() {
      calls.vocabulary++;
      const counts = new Map<string, number>();
      for (const text of Object.values(pages)) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const sorted = [...counts.keys()].sort();
      return new Vocabulary({ pages: Object.keys(pages).length, words: sorted.join(' '), counts: sorted.map((w) => counts.get(w) ?? 0) });
    },
  };
  return { engine, calls };
}
const dictionary = buildDictionary([{ abbreviation: 'IHA', variants: [], expansion: 'Initial Health Assessment', basis: 'given' }], [{ people: ['therapy'], strategy: ['therapeutic'] }]);
const text = (parts: ReturnType<typeof message>) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('forgiving search', () => {
  it('words that all match: their results, and the vocabulary is not fetched', async () => {
    const { engine, calls } = fakeEngine();
    const outcome = await forgivingSearch(engine, dictionary, 'pocket money');
    expect(outcome).toMatchObject({ state: 'exact', ids: ['money', 'allowance'], usedVocabulary: false, filters: { kind: { Action: 2 } } });
    expect(calls.vocabulary).toBe(0);
    expect(message(outcome, 20, '/a-to-z/')).toEqual(['2 results for “pocket money”.']);
  });

  it('a misspelling is never corrected to a common word: "hame" is "home", not "have"', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'hame');
    expect(outcome).toMatchObject({ corrected: 'home', ids: ['home'] });
  });

  it('an abbreviation finds its expansion, and the reverse', async () => {
    expect((await forgivingSearch(fakeEngine().engine, dictionary, 'iha')).ids).toEqual(['health']);
    const { engine, calls } = fakeEngine();
    expect((await forgivingSearch(engine, dictionary, 'initial health assessment')).state).toBe('exact');
    expect(calls.searches).toContain('iha');
  });

  it('a word with nothing of its own: results for its synonym, said so', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'therapy');
    expect(outcome).toMatchObject({ state: 'similar', ids: ['go4ward'], similar: ['therapeutic'], usedVocabulary: true });
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for ‘therapy’. Showing results for a wording with the same or a similar meaning: ‘therapeutic’. 1 result.');
  });

  it('a misspelling with one clear correction: its results, with both links', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'apprentiships');
    expect(outcome).toMatchObject({ state: 'exact', corrected: 'apprenticeships', ids: ['jobs'] });
    const parts = message(outcome, 20, '/a-to-z/');
    expect(text(parts)).toBe('Showing results for apprenticeships. Search instead for apprentiships. 1 result.');
    expect(parts).toContainEqual({ text: 'apprenticeships', query: 'apprenticeships' });
    expect(parts).toContainEqual({ text: 'apprentiships', query: 'apprentiships', exact: true });
  });

  it('searching instead for the words as typed does not correct them', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'apprentiships', { exact: true });
    expect(outcome).toMatchObject({ state: 'none', ids: [] });
    expect(outcome.corrected).toBeUndefined();
  });

  it('without the vocabulary (it failed to load): no correction', async () => {
    const { engine } = fakeEngine();
    const outcome = await forgivingSearch({ ...engine, vocabulary: async () => null }, dictionary, 'apprentiships');
    expect(outcome).toMatchObject({ state: 'none', usedVocabulary: false });
    expect(outcome.corrected).toBeUndefined();
  });

  it('equally near words: the one the rest of the query finds', async () => {
    // "mony" is one letter from "money" and from "many"; only "pocket money" finds anything.
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'pocket mony');
    expect(outcome).toMatchObject({ corrected: 'pocket money', state: 'exact' });
  });

  it('no clear correction: suggestions as links, and what the other words find', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'fand');
    expect([...(outcome.suggestions ?? [])].sort()).toEqual(['find', 'fund']);
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe(`No results for ‘fand’. Did you mean ${outcome.suggestions![0]} or ${outcome.suggestions![1]}?`);
    // A common word is not offered: "mony" is "money", whatever "many" finds.
    expect(await forgivingSearch(fakeEngine().engine, dictionary, 'mony')).toMatchObject({ corrected: 'money' });
  });

  it('a question: without its common words, said so', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'how much pocket money will I get');
    expect(outcome).toMatchObject({ state: 'fewer-words', searched: 'pocket money', ids: ['money', 'allowance'] });
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for all of ‘how much pocket money will I get’. Showing results for ‘pocket money’, leaving out common words. 2 results.');
  });

  it('words that never meet on one page: results for some of them, the rarer word first, said so', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'apprenticeships pocket');
    expect(outcome).toMatchObject({ state: 'some-words', filters: null });
    expect(outcome.ids[0]).toBe('jobs');
    expect(outcome.ids).toEqual(expect.arrayContaining(['money', 'allowance']));
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for all of ‘apprenticeships pocket’. Showing results that match some of the words. 3 results.');
  });

  it('nothing at all: says so, with a way on', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'xylophone');
    expect(outcome).toMatchObject({ state: 'none', ids: [] });
    const parts = message(outcome, 20, '/a-to-z/');
    expect(text(parts)).toBe('No results for ‘xylophone’. Try other or fewer words, or look in the A to Z of this site.');
    expect(parts).toContainEqual({ text: 'A to Z of this site', href: '/a-to-z/' });
  });

  it('counts more results than it shows', () => {
    const outcome = { query: 'care', state: 'exact' as const, ids: Array.from({ length: 25 }, (_, i) => String(i)), filters: null, totalFilters: null, usedVocabulary: false };
    expect(message(outcome, 20, '/')).toEqual(['25 results for “care”, showing the first 20.']);
  });
});

describe('relevance measures', () => {
  it('ranks the first answering result by action id or page', () => {
    expect(rankOf(['/2017-20/leads/x/', '/2017-20/pledge/7/#p7-a3'], ['P7-A3'])).toBe(2);
    expect(rankOf(['/2017-20/actions/p7-a3/'], ['P7-A3'])).toBe(1);
    expect(rankOf(['/2017-20/pledge/7/#p7-a31'], ['P7-A3'])).toBe(null);
    expect(rankOf(['/2017-20/pledge/6/#p6-a1'], ['/2017-20/pledge/6/'])).toBe(1);
    expect(rankOf(['/2017-20/pledge/6/more/'], ['/2017-20/pledge/6/'])).toBe(null);
  });
  it('summarises success at 1 and 3 and mean reciprocal rank', () => {
    expect(summarise([1, 2, 4, null])).toEqual({ queries: 4, successAt1: 0.25, successAt3: 0.5, mrr: (1 + 0.5 + 0.25) / 4 });
  });
});
