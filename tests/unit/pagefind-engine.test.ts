/** The forgiving search's engine on Pagefind's API, with a fake Pagefind and a fake fetch. */
import { describe, expect, it } from 'vitest';
import { pagefindEngine, realWordLoader, resultDataCache, vocabularyLoader, type PagefindResult, type PagefindResultData, type PagefindSearch } from '../../src/client/pagefindEngine.ts';

const result = (id: string, excerpt: string, kind = 'Action'): PagefindResult => {
  let fetched = 0;
  const data: PagefindResultData = { url: `/${id}/`, excerpt, content: excerpt.replace(/<\/?mark>/g, ''), locations: [0], anchors: [], meta: { title: id }, sub_results: [], filters: { kind: [kind] } };
  return { id, data: async () => ({ ...data, fetched: ++fetched }) as PagefindResultData };
};
const pages: Record<string, PagefindResult[]> = {
  'pocket money': [result('p6-a1', '<mark>pocket</mark> <mark>money</mark>'), result('p6-a2', 'allowance and <mark>pocket</mark> <mark>money</mark>')],
  'pocket money chapter': [],
  money: [result('p6-a2', 'Independent Living Allowance, not <mark>money</mark>'), result('overview', '<mark>money</mark>', 'Chapter')],
};
const search = async (q: string): Promise<PagefindSearch> => ({ results: pages[q] ?? [], filters: { kind: { Action: (pages[q] ?? []).length } }, totalFilters: {} });
const loaders = { vocabulary: async () => null, realWord: async () => null };

describe('the engine on Pagefind', () => {
  it('gives each search’s ids and filter counts, the words its excerpts highlight, and where a result holds a search’s words', async () => {
    const { engine } = pagefindEngine(search, resultDataCache(), loaders);
    expect(await engine.search('pocket money')).toEqual({ ids: ['p6-a1', 'p6-a2'], filters: { kind: { Action: 2 } }, totalFilters: {} });
    expect(await engine.marked(['p6-a1', 'unknown'])).toEqual(['pocket', 'money']);
    expect(await engine.places('p6-a2', 'pocket money')).toMatchObject({ words: ['pocket', 'money'], record: true, chapter: false });
    // A result is checked only for the words of a search that found it.
    expect(await engine.places('p6-a1', 'money')).toBeNull();
  });
  it('shows a result as the search whose words it was checked for found it, else as the earliest search did', async () => {
    const { engine, resultFor } = pagefindEngine(search, resultDataCache(), loaders);
    await engine.search('pocket money');
    await engine.search('money');
    expect((await resultFor('p6-a2')!.data()).excerpt).toContain('pocket');
    expect((await resultFor('p6-a2', 'money')!.data()).excerpt).toContain('Independent Living Allowance');
    expect(resultFor('overview', 'pocket money')?.id).toBe('overview');
  });
  it('gives a result’s edition from its edition filter, or else from the edition its layout names', async () => {
    const page = (id: string, filters: Record<string, string[]>, meta: Record<string, string>): PagefindResult => ({
      id,
      data: async () => ({ url: `/${id}/`, excerpt: 'timeline', content: 'timeline', locations: [0], anchors: [], meta: { title: id, ...meta }, sub_results: [], filters }),
    });
    const found: Record<string, PagefindResult[]> = { timeline: [page('action', { kind: ['Action'], edition: ['2017-20'] }, {}), page('timeline', {}, { edition: '2008-11' }), page('compare', {}, {})] };
    const { engine } = pagefindEngine(async (q) => ({ results: found[q] ?? [], filters: {}, totalFilters: {} }), resultDataCache(), loaders);
    await engine.search('timeline');
    expect((await engine.places('action', 'timeline'))?.edition).toBe('2017-20');
    expect((await engine.places('timeline', 'timeline'))?.edition).toBe('2008-11');
    expect((await engine.places('compare', 'timeline'))?.edition).toBeUndefined();
  });
  it('fetches each result’s data once', async () => {
    const data = resultDataCache();
    const r = result('p6-a1', 'x');
    const [a, b] = [await data(r), await data(r)];
    expect(a).toBe(b);
  });
  it('keeps each search’s own data of a page that Pagefind rewrites for every search', async () => {
    // As Pagefind does: one object for the page, its locations and excerpt written by each search's data().
    const shared = { url: '/p/', excerpt: '', content: 'pocket money and savings', anchors: [], meta: {}, sub_results: [], locations: [] as number[], filters: {} };
    const found = (id: string, locations: number[], excerpt: string): PagefindResult => ({
      id,
      data: async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        shared.locations = locations;
        shared.excerpt = excerpt;
        return shared;
      },
    });
    const data = resultDataCache();
    const [money, savings] = await Promise.all([data(found('p', [1], '<mark>money</mark>')), data(found('p', [3], '<mark>savings</mark>'))]);
    expect(money.locations).toEqual([1]);
    expect(money.excerpt).toBe('<mark>money</mark>');
    expect(savings.locations).toEqual([3]);
  });
});

describe('the vocabulary and the real words, fetched when first needed', () => {
  const file = { pages: 2, words: 'building money', counts: [3, 5], realWords: true };
  it('fetches the vocabulary once, and again after a failure', async () => {
    const asked: string[] = [];
    let fail = true;
    const fetcher = async (url: string) => {
      asked.push(url);
      if (fail) return { ok: false, status: 500, json: async () => ({}) };
      return { ok: true, status: 200, json: async () => file };
    };
    const load = vocabularyLoader('/search/vocabulary.json', fetcher);
    expect(await load()).toBeNull();
    fail = false;
    expect((await load())?.knows('money')).toBe(true);
    await load();
    expect(asked).toEqual(['/search/vocabulary.json', '/search/vocabulary.json']);
  });
  it('tells a real word by its letter’s file; a letter without a file has none; without the word list nothing can be told', async () => {
    const asked: string[] = [];
    const fetcher = async (url: string) => {
      asked.push(url);
      return url.endsWith('b.json') ? { ok: true, status: 200, json: async () => ['bullying'] } : { ok: false, status: 404, json: async () => [] };
    };
    const { Vocabulary } = await import('../../src/lib/searchWords.ts');
    const realWord = realWordLoader('/search/words/', async () => new Vocabulary(file), fetcher);
    expect(await realWord('bullying')).toBe(true);
    expect(await realWord('bulding')).toBe(false);
    expect(await realWord('zzzz')).toBe(false);
    expect(asked).toEqual(['/search/words/b.json', '/search/words/z.json']);
    const without = realWordLoader('/search/words/', async () => new Vocabulary({ ...file, realWords: false }), fetcher);
    expect(await without('bullying')).toBeNull();
  });
});
