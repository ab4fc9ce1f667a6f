/**
 * Every state of the forgiving search, on a fake engine that finds pages holding all the words
 * (by prefix, as Pagefind), says where a page holds them, and knows a few real English words.
 */
import { describe, expect, it } from 'vitest';
import { ASKING_FOR_SOMEONE_WEIGHT, CURRENT_AMONG_FIRST, FEW_RESULTS, LEADS_FIRST, TITLE_WORDS, forgivingSearch, type Engine } from '../../src/lib/forgivingSearch.ts';
import { statusMessage as message } from '../../src/lib/searchStatus.ts';
import { Vocabulary, buildDictionary, words } from '../../src/lib/searchWords.ts';
import { rankOf, summarise } from '../../tools/lib/relevance.ts';

const pages: Record<string, string> = {
  money: 'We will give you pocket money and a bank account',
  allowance: 'A weekly allowance, not pocket money, for young people over 16',
  jobs: 'Three apprenticeships are ring fenced for care leavers',
  health: 'An Initial Health Assessment (IHA) when you come into care',
  go4ward: 'The Go4Ward therapeutic service',
  services: 'Local services for families',
  many: 'Many foster carers',
  home: 'You will have a home, and a fund to find work',
  building: 'Building a new home for the council',
  // A page on one of them.
  dentist: 'Dental checks with a dentist near home',
  // A long list page: "dental" and "apprenticeships" far apart, in unrelated items.
  list: `A list of many things. Dental checks for every child. ${'Other unrelated words of a long list. '.repeat(12)} Three apprenticeships for care leavers.`,
  // One more page on one of them, after the list page in the engine's order.
  appointments: 'Dental appointments',
  chapter: 'Delivery and review. The strategy is reviewed each year by the board',
  action: 'Action P1. Placements: the strategy will be reviewed with the board',
  dated: 'Foster carers will be recruited by March 2018',
  undated: 'Foster carers will be recruited in March',
  // The previous edition: one of its actions, then its front page.
  oldAction: 'Previous edition 2008 action: a review of 2008 placements',
  oldFront: 'Strategy for Children in Care 2008-2011, the previous edition',
};
/** Pages' addresses, where a test needs one. */
const URLS: Record<string, string> = { oldAction: '/2008-11/actions/sm-a1/', oldFront: '/2008-11/' };
const KINDS: Record<string, string> = { chapter: 'Chapter', action: 'Action' };
/** Pages' titles, where a test needs one. */
const TITLES: Record<string, string> = { undated: 'Foster carers recruited' };
/** Real English words the site lacks, near its words (as search/words/<letter>.json). */
const REAL = new Set(['bullying']);

function fakeEngine() {
  const calls = { searches: [] as string[], vocabulary: 0, realWords: [] as string[] };
  const hit = (page: string, w: string) => words(pages[page] ?? '').some((p) => p.startsWith(w));
  const engine: Engine = {
    async search(query, only) {
      calls.searches.push(only ? `${query} [${only}]` : query);
      const ws = words(query);
      const ids = Object.keys(pages).filter((p) => ws.length > 0 && ws.every((w) => hit(p, w)) && (!only || KINDS[p] === only));
      return { ids, filters: { kind: { Action: ids.length } }, totalFilters: { kind: { Action: ids.length } } };
    },
    async places(id, query) {
      const text = pages[id];
      if (text === undefined) return null;
      const ws = words(query);
      const tokens = text.split(/\s+/);
      const locations = tokens.flatMap((t, i) => (words(t).some((w) => ws.some((q) => w.startsWith(q))) ? [i] : []));
      return { words: ws, content: text, locations, anchors: [], record: KINDS[id] === 'Action', chapter: KINDS[id] === 'Chapter', ...(TITLES[id] ? { title: TITLES[id] } : {}), ...(URLS[id] ? { url: URLS[id] } : {}), ...(id === 'oldAction' ? { edition: '2008-11' } : {}) };
    },
    async realWord(word) {
      calls.realWords.push(word);
      return REAL.has(word);
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
    // Each result says where it holds the words, for its link and excerpt.
    expect(outcome.spans['money']).toMatchObject({ together: true, query: 'pocket money' });
    expect(calls.vocabulary).toBe(0);
    expect(message(outcome, 20, '/a-to-z/')).toEqual(['2 results for “pocket money”.']);
  });

  it('words that all match on fewer than FEW_RESULTS pages: those first, then pages with some of the words, announced', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'weekly allowance money');
    expect(FEW_RESULTS).toBeGreaterThan(1);
    expect(outcome).toMatchObject({ state: 'exact', ids: ['allowance', 'money'], alsoSomeWords: 1, filters: null });
    // The page with every word keeps the place that holds them all.
    expect(outcome.spans['allowance']).toMatchObject({ together: true, query: 'weekly allowance money' });
    expect(message(outcome, 20, '/a-to-z/')).toEqual(['1 result for “weekly allowance money”, then 1 that matches some of the words.']);
  });

  it('the main words of a question on fewer than FEW_RESULTS pages: those first, then pages with some of them, announced', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'how weekly allowance money');
    expect(outcome).toMatchObject({ state: 'fewer-words', searched: 'weekly allowance money', ids: ['allowance', 'money'], alsoSomeWords: 1 });
    expect(message(outcome, 20, '/a-to-z/')).toEqual(['No results for all of ‘how weekly allowance money’. Showing results for ‘weekly allowance money’, leaving out common words, then results that match some of them. 2 results.']);
  });

  it('an age is searched with the other words first, then left out like a common word: the strategy states ages as ranges', async () => {
    const { engine, calls } = fakeEngine();
    const outcome = await forgivingSearch(engine, dictionary, 'weekly allowance when im 17');
    expect(calls.searches[0]).toBe('weekly allowance when im 17');
    expect(outcome).toMatchObject({ state: 'fewer-words', searched: 'weekly allowance' });
    expect(outcome.ids[0]).toBe('allowance');
    // Any other number stays required.
    expect((await forgivingSearch(fakeEngine().engine, dictionary, 'weekly allowance in 2017')).state).toBe('none');
  });

  it('a page whose title the query names in full comes first; a title of one word that carries meaning does not', async () => {
    expect(TITLE_WORDS).toBe(2);
    expect((await forgivingSearch(fakeEngine().engine, dictionary, 'foster carers recruited')).ids.slice(0, 2)).toEqual(['undated', 'dated']);
    // Without the title's words typed, Pagefind's order stands.
    expect((await forgivingSearch(fakeEngine().engine, dictionary, 'carers recruited march')).ids.slice(0, 2)).toEqual(['dated', 'undated']);
  });

  it('a misspelling is never corrected to a common word: "hame" is "home", not "have"', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'hame');
    expect(outcome).toMatchObject({ corrected: 'home' });
    expect(outcome.ids[0]).toBe('home');
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

  it('a synonym that finds very few pages: those first, then the pages that match some of the words, said so', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'therapy service');
    expect(outcome).toMatchObject({ state: 'similar', ids: ['go4ward', 'services'], alsoSomeWords: 1 });
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for ‘therapy service’. Showing results for a wording with the same or a similar meaning: ‘therapeutic’, then results that match some of the words. 2 results.');
  });

  it('a misspelling with one clear correction: its results, with both links', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'apprentiships');
    expect(outcome).toMatchObject({ state: 'exact', corrected: 'apprenticeships', ids: ['jobs', 'list'] });
    const parts = message(outcome, 20, '/a-to-z/');
    expect(text(parts)).toBe('Showing results for apprenticeships. Search instead for apprentiships. 2 results.');
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
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for all of ‘apprenticeships pocket’. Showing results that match some of the words. 4 results.');
  });

  it('a real word the site lacks is never corrected to a site word of similar spelling: at most a "Did you mean"', async () => {
    const { engine, calls } = fakeEngine();
    const outcome = await forgivingSearch(engine, dictionary, 'bullying');
    expect(calls.realWords).toEqual(['bullying']);
    expect(outcome.corrected).toBeUndefined();
    expect(outcome).toMatchObject({ state: 'none', ids: [], suggestions: ['building'] });
    expect(text(message(outcome, 20, '/a-to-z/'))).toBe('No results for ‘bullying’. Did you mean building?');
    // With other words, what they find, and still no correction.
    const more = await forgivingSearch(fakeEngine().engine, dictionary, 'bullying at home');
    expect(more).toMatchObject({ state: 'some-words' });
    expect(more.corrected).toBeUndefined();
    expect(more.ids).toContain('home');
  });

  it('a misspelling that is no English word is corrected as before', async () => {
    const { engine, calls } = fakeEngine();
    expect(await forgivingSearch(engine, dictionary, 'buildng')).toMatchObject({ corrected: 'building', ids: ['building'] });
    expect(calls.realWords).toEqual(['buildng']);
  });

  it('a page holding the words only scattered over unrelated items does not count as holding them all: the some-words search runs', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'dental apprenticeships');
    expect(outcome.state).toBe('some-words');
    // The scattered list page counts as holding one word, its best, neither both added up nor
    // none: the pages that hold one word higher in that word's results come before it, one lower after.
    expect(outcome.ids).toEqual(['jobs', 'dentist', 'list', 'appointments']);
    // Alone, each word is together wherever it is: the list page is shown at one of them.
    expect(outcome.spans['list']?.together).toBe(true);
  });

  it('numbers stay required when only some words are searched', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'carers recruited 2018 tomorrow');
    expect(outcome.ids).toContain('dated');
    expect(outcome.ids).not.toContain('undated');
  });

  it('common words are optional, a question is said as typed; its words that carry meaning stay', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'will foster carers be recruited by march 2018');
    expect(outcome).toMatchObject({ state: 'exact', ids: ['dated'] });
  });

  it('a question about the strategy itself finds its chapter first', async () => {
    const { engine, calls } = fakeEngine();
    const outcome = await forgivingSearch(engine, dictionary, 'how is the strategy reviewed');
    expect(outcome.ids[0]).toBe('chapter');
    expect(outcome.ids).toContain('action');
    expect(calls.searches).toContain('strategy reviewed [Chapter]');
    // Without naming the strategy, no chapter search.
    const other = fakeEngine();
    await forgivingSearch(other.engine, dictionary, 'how are placements reviewed');
    expect(other.calls.searches.some((q) => q.endsWith('[Chapter]'))).toBe(false);
  });

  it('a query that names an edition and nothing more finds its front page first; one that asks more of it, its pages in their order', async () => {
    const editions = buildDictionary([], [{ people: ['old strategy'], strategy: ['previous edition', '2008'], edition: '2008-11' }]);
    const { engine } = fakeEngine();
    const only = await forgivingSearch(engine, editions, 'old strategy from 2008');
    expect(only.ids.slice(0, 2)).toEqual(['oldFront', 'oldAction']);
    const more = await forgivingSearch(fakeEngine().engine, editions, 'placements in the old strategy');
    expect(more.ids[0]).toBe('oldAction');
  });

  it('nothing at all: says so, with a way on', async () => {
    const outcome = await forgivingSearch(fakeEngine().engine, dictionary, 'xylophone');
    expect(outcome).toMatchObject({ state: 'none', ids: [] });
    const parts = message(outcome, 20, '/a-to-z/');
    expect(text(parts)).toBe('No results for ‘xylophone’. Try other or fewer words, or look in the A to Z of this site.');
    expect(parts).toContainEqual({ text: 'A to Z of this site', href: '/a-to-z/' });
  });

  it('counts more results than it shows', () => {
    const outcome = { query: 'care', state: 'exact' as const, ids: Array.from({ length: 25 }, (_, i) => String(i)), filters: null, totalFilters: null, spans: {}, usedVocabulary: false };
    expect(message(outcome, 20, '/')).toEqual(['25 results for “care”, showing the first 20.']);
  });
});

describe('an action id', () => {
  it('is searched whole, hyphen and all, not as words that begin many others', async () => {
    const searched: string[] = [];
    const engine: Engine = {
      search: async (query) => {
        searched.push(query);
        const ids = query === 'EA-A13' ? ['ea-a13'] : ['each', 'early', 'ea-a13'];
        return { ids, filters: {}, totalFilters: {} };
      },
      places: async () => null,
      realWord: async () => null,
      marked: async () => [],
      vocabulary: async () => null,
    };
    const outcome = await forgivingSearch(engine, [], 'EA-A13');
    expect(searched[0]).toBe('EA-A13');
    expect(outcome).toMatchObject({ state: 'exact', ids: ['ea-a13'] });
  });
});

/**
 * An engine whose pages are found in a fixed order (Pagefind's ranking, as it may fall) for any
 * words they all hold, each with its edition, kind and title.
 */
function orderedEngine(list: readonly { id: string; text: string; edition?: string; kind?: 'Chapter' | 'Action' | 'Lead'; title?: string; url?: string; anchors?: { id: string; location: number }[] }[]): Engine {
  const holds = (text: string, ws: readonly string[]) => ws.every((w) => words(text).some((t) => t.startsWith(w)));
  return {
    search: async (query, only) => {
      const ws = words(query);
      const ids = list.filter((p) => ws.length > 0 && holds(p.text, ws) && (!only || p.kind === only)).map((p) => p.id);
      return { ids, filters: {}, totalFilters: {} };
    },
    places: async (id, query) => {
      const page = list.find((p) => p.id === id);
      if (!page) return null;
      const ws = words(query);
      const tokens = page.text.split(/\s+/);
      const locations = tokens.flatMap((t, i) => (words(t).some((w) => ws.some((q) => w.startsWith(q))) ? [i] : []));
      return { words: ws, content: page.text, locations, anchors: page.anchors ?? [], record: page.kind === 'Action', chapter: page.kind === 'Chapter', lead: page.kind === 'Lead', ...(page.edition ? { edition: page.edition } : {}), ...(page.title ? { title: page.title } : {}), ...(page.url ? { url: page.url } : {}) };
    },
    realWord: async () => null,
    marked: async (ids) => ids.flatMap((id) => words(list.find((p) => p.id === id)?.text ?? '')),
    vocabulary: async () => null,
  };
}

describe('the strategy in force', () => {
  const nurses = [
    { id: 'old-1', text: 'Named nurse to raise healthy eating', edition: '2008-11' },
    { id: 'old-2', text: 'A named nurse for every child', edition: '2008-11' },
    { id: 'old-3', text: 'The named nurse leads', edition: '2008-11' },
    { id: 'old-4', text: 'Named nurse visits', edition: '2008-11' },
    { id: 'now', text: 'You will be allocated a named health practitioner, your nurse, named within 48 hours', edition: '2017-20' },
  ];
  it(`comes among the first ${CURRENT_AMONG_FIRST} where a previous edition's pages come first, without taking the best match's place`, async () => {
    const outcome = await forgivingSearch(orderedEngine(nurses), [], 'named nurse', { currentEdition: '2017-20' });
    expect(outcome.ids).toEqual(['old-1', 'old-2', 'now', 'old-3', 'old-4']);
  });
  it('is not brought up when the reader names the previous edition, nor without knowing which edition is in force', async () => {
    const editions = buildDictionary([], [{ people: ['old strategy'], strategy: ['previous edition'], edition: '2008-11' }]);
    expect((await forgivingSearch(orderedEngine(nurses), editions, 'named nurse in the old strategy', { currentEdition: '2017-20' })).ids.indexOf('now')).toBe(4);
    expect((await forgivingSearch(orderedEngine(nurses), [], 'named nurse')).ids.indexOf('now')).toBe(4);
  });
  it('among the pages that match some of the words, brings up none that holds only one part of the query', async () => {
    const someWords = [
      // A list holding both words, in different items: some pages hold more than one part.
      { id: 'old-list', text: 'Named officers for each home. Other items of the list. Nurse checks each year.', edition: '2008-11', anchors: [{ id: 'item-1', location: 0 }, { id: 'item-2', location: 9 }] },
      { id: 'old-named', text: 'A named person', edition: '2008-11' },
      { id: 'now-named', text: 'A named tenancy officer', edition: '2017-20' },
      { id: 'old-nurse', text: 'Nurse visits', edition: '2008-11' },
      { id: 'old-nurse-2', text: 'The nurse leads', edition: '2008-11' },
    ];
    const outcome = await forgivingSearch(orderedEngine(someWords), [], 'named nurse', { currentEdition: '2017-20' });
    expect(outcome.state).toBe('some-words');
    expect(outcome.ids.slice(0, 3)).not.toContain('now-named');
  });
  it('leaves the order alone when the edition in force is already among the first', async () => {
    const mixed = [nurses[0]!, nurses[4]!, nurses[1]!, nurses[2]!];
    expect((await forgivingSearch(orderedEngine(mixed), [], 'named nurse', { currentEdition: '2017-20' })).ids).toEqual(['old-1', 'now', 'old-2', 'old-3']);
  });
});

describe('a query that asks of both editions about a subject', () => {
  const editions = buildDictionary([], [{ people: ['old plan'], strategy: ['previous edition'], edition: '2008-11' }]);
  const pages = [
    { id: 'now-1', text: 'money for care leavers: allowances', edition: '2017-20' },
    { id: 'now-2', text: 'money advice for care leavers', edition: '2017-20' },
    { id: 'old-1', text: 'money for care leavers: a leaving care grant', edition: '2008-11' },
    { id: 'both', text: 'compare editions: money and care leavers in 2008 and 2017', url: '/compare/' },
  ];
  it('is searched for the subject, not the years that name the editions, the best of each edition first and the comparison among the first three', async () => {
    const outcome = await forgivingSearch(orderedEngine(pages), editions, 'money for care leavers 2008 vs 2017', { currentEdition: '2017-20' });
    expect(outcome.ids.slice(0, 3)).toEqual(['now-1', 'old-1', 'both']);
    // Naming one edition by its year is not asking of both: the year stays required.
    expect((await forgivingSearch(orderedEngine(pages), editions, 'money for care leavers 2017', { currentEdition: '2017-20' })).ids).toEqual(['both']);
  });
});

describe('a query that names an action by its id among other words', () => {
  const pages = [
    { id: 'timeline', text: 'Due September 2007: sm-a6 action, sm-a4 action', url: '/2008-11/action-plan/timeline/' },
    { id: 'other', text: 'sm-a4 action: a review of placements', kind: 'Action' as const, url: '/2008-11/actions/sm-a4/' },
    { id: 'named', text: 'sm-a6 action: an audit of case files', kind: 'Action' as const, url: '/2008-11/actions/sm-a6/' },
  ];
  it('puts the action itself first, then the results for all the words', async () => {
    const outcome = await forgivingSearch(orderedEngine(pages), [], 'SM-A6 action');
    expect(outcome.ids.slice(0, 2)).toEqual(['named', 'timeline']);
    // Typed without its hyphen, as people do.
    expect((await forgivingSearch(orderedEngine(pages), [], 'sm a6 action')).ids[0]).toBe('named');
    // An action no record is found for brings nothing up.
    expect((await forgivingSearch(orderedEngine(pages), [], 'sm-a9 action')).ids[0]).not.toBe('named');
  });
});

describe('a query that names the strategy by its name', () => {
  const looked = buildDictionary([], [{ people: ['looked after children'], strategy: ['children in care'] }]);
  const pages = [
    { id: 'chapter', text: 'This strategy is for children in care in halton and care leavers: strategy, strategy', kind: 'Chapter' as const },
    { id: 'front', text: 'Halton Strategy for Children in Care and Care Leavers 2017-20', title: 'Halton Strategy for Children in Care and Care Leavers 2017-20', url: '/2017-20/' },
  ];
  it('in any wording of it, finds the front page of the edition in force first', async () => {
    expect((await forgivingSearch(orderedEngine(pages), looked, 'halton children in care strategy', { currentEdition: '2017-20' })).ids[0]).toBe('front');
    expect((await forgivingSearch(orderedEngine(pages), looked, 'halton looked after children strategy', { currentEdition: '2017-20' })).ids[0]).toBe('front');
  });
  it('not when the query asks of it, or names more than its title, or is not about the strategy', async () => {
    const asking = buildDictionary([], [{ people: ['aimed at'], strategy: ['who is this strategy for'], aboutTheStrategy: true }]);
    expect((await forgivingSearch(orderedEngine(pages), asking, 'is the strategy aimed at children', { currentEdition: '2017-20' })).ids[0]).toBe('chapter');
    expect((await forgivingSearch(orderedEngine([...pages, { id: 'reviewed', text: 'how the strategy for children in care is reviewed' }]), [], 'children in care strategy reviewed', { currentEdition: '2017-20' })).ids[0]).not.toBe('front');
    expect((await forgivingSearch(orderedEngine(pages), [], 'halton children in care', { currentEdition: '2017-20' })).ids[0]).toBe('chapter');
  });
});

describe('a query that asks for someone to turn to about a subject', () => {
  it('matched in parts, weighs the subject more than the asking', async () => {
    const pages = [
      { id: 'talk', text: 'we will talk to you alone and listen' },
      { id: 'talk-2', text: 'talk to your social worker' },
      { id: 'anxiety', text: 'support for anxiety and emotional health' },
    ];
    const ask = (asksForSomeone: boolean) => buildDictionary([], [{ people: ['who can i talk to'], strategy: ['listen'], ...(asksForSomeone ? { asksForSomeone: true } : {}) }]);
    expect(ASKING_FOR_SOMEONE_WEIGHT).toBeLessThan(1);
    const outcome = await forgivingSearch(orderedEngine(pages), ask(true), 'who can i talk to about anxiety');
    expect(outcome.state).toBe('some-words');
    expect(outcome.ids[0]).toBe('anxiety');
    // Without the flag the asking, found on more pages' tops, comes first.
    expect((await forgivingSearch(orderedEngine(pages), ask(false), 'who can i talk to about anxiety')).ids[0]).not.toBe('anxiety');
  });
});

describe('a page whose title names what the query asks', () => {
  const bridges = buildDictionary([], [
    { people: ['finished'], strategy: ['complete'] },
    { people: ['data'], strategy: ['local profile'] },
  ]);
  it('comes first where a word typed is in its title and each other word of it is typed or the strategy’s word for one typed', async () => {
    const pages = [
      { id: 'statement', text: 'which actions are finished: the checks are finished', title: 'Accessibility statement' },
      { id: 'review', text: 'which actions are complete', title: 'Review complete' },
      { id: 'complete', text: 'which actions are complete', title: 'Actions complete' },
    ];
    expect((await forgivingSearch(orderedEngine(pages), bridges, 'which actions are finished')).ids[0]).toBe('complete');
  });
  it('does not, where no word typed is in its title (“data” is not the local profile’s name)', async () => {
    const pages = [
      { id: 'open-data', text: 'care leavers data as open data', title: 'Open data' },
      { id: 'profile', text: 'care leavers local profile', title: 'Local profile' },
    ];
    expect((await forgivingSearch(orderedEngine(pages), bridges, 'care leavers data')).ids[0]).toBe('open-data');
  });
});

describe('a query that asks who leads something', () => {
  const leads = buildDictionary([], [{ people: ['who runs', 'in charge'], strategy: ['lead'], asksWhoLeads: true }]);
  const list = [
    { id: 'action', text: 'Recruit foster carers: fostering week. Lead Principal Manager, Fostering', edition: '2017-20', kind: 'Action' as const },
    { id: 'action-2', text: 'Train foster carers in fostering. Lead Principal Manager, Fostering', edition: '2017-20', kind: 'Action' as const },
    { id: 'action-3', text: 'Fostering allowances. Lead Principal Manager, Fostering', edition: '2017-20', kind: 'Action' as const },
    { id: 'health', text: 'Children in Care Health Team. Lead for fostering health checks', edition: '2017-20', kind: 'Lead' as const, title: 'Children in Care Health Team' },
    { id: 'fostering', text: 'Principal Manager, Fostering. Lead for fostering actions', edition: '2017-20', kind: 'Lead' as const, title: 'Principal Manager, Fostering' },
  ];
  it(`finds first the pages of the leads it names (${LEADS_FIRST} at most), not those of leads its other words merely appear on`, async () => {
    const outcome = await forgivingSearch(orderedEngine(list), leads, 'who runs fostering in halton');
    expect(outcome.ids[0]).toBe('fostering');
    expect(outcome.ids.indexOf('health')).toBeGreaterThan(0);
    expect((await forgivingSearch(orderedEngine(list), leads, 'who is in charge of fostering')).ids[0]).toBe('fostering');
  });
  it('leaves a query that asks no such thing in the search’s order', async () => {
    expect((await forgivingSearch(orderedEngine(list), leads, 'fostering')).ids[0]).toBe('action');
  });
  it('that names no lead nor subject (“who is in charge of each action”) finds first the lists of who leads what, the edition in force first', async () => {
    const lists = [
      ...list,
      { id: 'old-list', text: 'Who leads what: the leads of the action plan', edition: '2008-11', url: '/2008-11/leads/' },
      { id: 'list', text: 'Who leads what: the leads of the action plan', edition: '2017-20', url: '/2017-20/leads/' },
      { id: 'lead-page', text: 'Principal Manager, Fostering: the actions it leads', edition: '2017-20', kind: 'Lead' as const, title: 'Principal Manager, Fostering', url: '/2017-20/leads/principal-manager-fostering/' },
    ];
    const outcome = await forgivingSearch(orderedEngine(lists), leads, 'who is in charge of each action', { currentEdition: '2017-20' });
    expect(outcome.ids.slice(0, 2)).toEqual(['list', 'old-list']);
    // A query naming a lead still finds that lead's page first.
    expect((await forgivingSearch(orderedEngine(lists), leads, 'who is in charge of fostering', { currentEdition: '2017-20' })).ids[0]).toBe('fostering');
  });
});

describe('a query that asks two things', () => {
  const two = buildDictionary([], [
    { people: ['feeling down'], strategy: ['emotional health'] },
    { people: ['who can i talk to'], strategy: ['advocacy'] },
  ]);
  const list = [
    // Pages that hold one need's other wording and a word of the other need: found together, and enough not to call for more.
    { id: 'advocacy', text: 'Advocacy: someone on your side, feeling heard', edition: '2017-20' },
    { id: 'advocacy-2', text: 'An advocacy service for every child feeling unheard', edition: '2017-20' },
    { id: 'advocacy-3', text: 'Advocacy and independent visitors: your feelings', edition: '2017-20' },
    { id: 'therapy', text: 'A therapeutic service for your emotional health', edition: '2017-20' },
  ];
  it('answers both, not only the one whose other wording found pages first ("feeling down, who can I talk to")', async () => {
    const outcome = await forgivingSearch(orderedEngine(list), two, 'feeling down who can i talk to');
    expect(outcome.state).toBe('some-words');
    expect(outcome.ids.slice(0, 3)).toContain('therapy');
    expect(outcome.ids.slice(0, 3)).toContain('advocacy');
  });
  it('among the pages matching some of the words, a list holding each need in a different item counts as holding one', async () => {
    const needs = buildDictionary([], [
      { people: ['feeling down'], strategy: ['emotional health'] },
      { people: ['who can i talk to'], strategy: ['advocacy', 'listen'] },
    ]);
    const pages = [
      // A timeline: one item on emotional health, another, far from it, on listening. First in the engine's order.
      { id: 'timeline', text: 'Emotional health checks each year. We listen to you at every review.', anchors: [{ id: 'item-1', location: 0 }, { id: 'item-2', location: 5 }] },
      // An action that holds both in one record.
      { id: 'action', text: 'We listen to you and support your emotional health', kind: 'Action' as const },
    ];
    const outcome = await forgivingSearch(orderedEngine(pages), needs, 'feeling down who can i talk to');
    expect(outcome.state).toBe('some-words');
    expect(outcome.ids).toEqual(['action', 'timeline']);
    // A chapter's sections hold one subject: it keeps the sum.
    const chapter = [{ ...pages[0]!, kind: 'Chapter' as const }, pages[1]!];
    expect((await forgivingSearch(orderedEngine(chapter), needs, 'feeling down who can i talk to')).ids).toEqual(['timeline', 'action']);
  });
  it('a query asking one of them is answered through its other wording, said so', async () => {
    const outcome = await forgivingSearch(orderedEngine(list), two, 'who can i talk to');
    expect(outcome).toMatchObject({ state: 'similar', similar: ['advocacy'] });
    expect(outcome.ids).not.toContain('therapy');
  });
});

describe('a query that asks how the editions differ', () => {
  it('does not put the edition it names first ("compare the current and previous strategy")', async () => {
    const dictionary = buildDictionary([], [
      { people: ['previous strategy'], strategy: ['previous edition'], edition: '2008-11' },
      { people: ['what has changed'], strategy: ['compare', 'editions'], comparesEditions: true },
    ]);
    const list = [
      { id: 'compare', text: 'Compare the current and previous strategy, edition by edition' },
      { id: 'old', text: 'The previous strategy: compare, current', edition: '2008-11' },
    ];
    expect((await forgivingSearch(orderedEngine(list), dictionary, 'compare current and previous strategy')).ids[0]).toBe('compare');
    // Naming the edition alone still puts its pages first.
    const named = buildDictionary([], [{ people: ['previous strategy'], strategy: ['previous edition'], edition: '2008-11' }]);
    expect((await forgivingSearch(orderedEngine(list), named, 'compare current and previous strategy')).ids[0]).toBe('old');
  });
});

describe('a question about a previous edition as a strategy', () => {
  it('finds that edition’s chapters first ("what did the last strategy achieve")', async () => {
    const editions = buildDictionary([], [{ people: ['last strategy'], strategy: ['previous edition'], edition: '2008-11' }]);
    const list = [
      { id: 'old-action', text: 'Achieve 5 GCSEs', edition: '2008-11', kind: 'Action' as const },
      { id: 'old-action-2', text: 'Help children achieve', edition: '2008-11', kind: 'Action' as const },
      { id: 'old-action-3', text: 'To achieve more', edition: '2008-11', kind: 'Action' as const },
      { id: 'old-chapter', text: 'What we have achieved so far', edition: '2008-11', kind: 'Chapter' as const },
      { id: 'now-chapter', text: 'What we will achieve', edition: '2017-20', kind: 'Chapter' as const },
    ];
    const outcome = await forgivingSearch(orderedEngine(list), editions, 'what did the last strategy achieve', { currentEdition: '2017-20' });
    expect(outcome.ids[0]).toBe('old-chapter');
    // Without the edition named, the strategy's chapters are not put first by it.
    expect((await forgivingSearch(orderedEngine(list), editions, 'what did they achieve')).ids[0]).toBe('old-action');
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
