/** The words of search: splitting, the vocabulary's checks and nearest words, the dictionary's other wordings, rank fusion. */
import { describe, expect, it } from 'vitest';
import { STOP_WORDS, Vocabulary, aboutTheStrategy, ages, asksOfBothEditions, asksOfLeadsInGeneral, editionYears, withActionIdHyphens, actionIdsIn, alternatives, asksWhoLeads, buildDictionary, comparesEditions, clearCorrection, fuse, isNumber, leadNamed, matches, maxDistance, coveredWords, namedEdition, packDictionary, queryParts, queryWords, realWordsFile, realWordsNear, related, stem, unpackDictionary, usedInIndex, withoutMonths, words } from '../../src/lib/searchWords.ts';

const vocabulary = new Vocabulary({ pages: 3, words: 'advocacy apprenticeships building mentor money many monkey pocket put staying tenancy the universal', counts: [4, 2, 3, 3, 30, 15, 1, 12, 8, 5, 6, 900, 2] });

describe('words', () => {
  it('splits as Pagefind does: lower case, letters and digits, apostrophes and hyphens split', () => {
    expect(words("Go4Ward's multi-agency IHA, 2017–20")).toEqual(['go4ward', 's', 'multi', 'agency', 'iha', '2017', '20']);
  });
});

describe('action ids typed without their hyphen', () => {
  it('are written as the plans write them; other words are left alone', () => {
    expect(withActionIdHyphens('ew a9')).toBe('ew-a9');
    expect(withActionIdHyphens('P3A3 and EW_A9')).toBe('P3-a3 and EW-a9');
    expect(withActionIdHyphens('p12 a10')).toBe('p12-a10');
    expect(withActionIdHyphens('sea a1 area')).toBe('sea a1 area');
    expect(withActionIdHyphens('ss a')).toBe('ss a');
  });

  it('finds the action ids a query names among its other words, each once', () => {
    expect(actionIdsIn('SM-A6 action')).toEqual(['sm-a6']);
    expect(actionIdsIn('is p4-a2 the same as P4-A2 or p12-a10')).toEqual(['p4-a2', 'p12-a10']);
    expect(actionIdsIn('a well-known action')).toEqual([]);
    expect(actionIdsIn('co-author')).toEqual([]);
  });
});

describe('text-speak', () => {
  it('reads 4 between words as for, 2 after a verb as to, any1 as anyone; a 4 or 2 that is a number stays', () => {
    expect(queryWords('sent out of class 4 my behaviour can any1 help')).toEqual(['sent', 'out', 'of', 'class', 'for', 'my', 'behaviour', 'can', 'anyone', 'help']);
    expect(queryWords('asked 4 help ages ago')).toEqual(['asked', 'for', 'help', 'ages', 'ago']);
    expect(queryWords('i want 2 see my mum')).toEqual(['i', 'want', 'to', 'see', 'my', 'mum']);
    expect(queryWords('pledge 4 actions')).toEqual(['pledge', '4', 'actions']);
    expect(queryWords('2 years in care')).toEqual(['2', 'years', 'in', 'care']);
    expect(queryWords('is the survey for care leavers 2 or just kids in care')).toContain('too');
    expect(queryWords('can i come me 2?')).toEqual(['can', 'i', 'come', 'me', 'too']);
    expect(queryWords('pledge 2')).toEqual(['pledge', '2']);
    expect(queryWords('key stage 2 results')).toEqual(['key', 'stage', '2', 'results']);
    expect(queryWords('actions 2 or 3')).toEqual(['actions', '2', 'or', '3']);
    expect(queryWords('aims 2')).toEqual(['aims', '2']);
    expect(queryWords('actions specific to over 16s')).toEqual(['actions', 'specific', 'to', 'over', '16']);
    expect(queryWords('nursery for under 5s')).toEqual(['nursery', 'for', 'under', '5s']);
  });
});

describe('ages', () => {
  it('tells a number that is someone\'s age from one that is a year, an action\'s number or a figure', () => {
    expect([...ages(queryWords('do i still get a pa when im 21'))]).toEqual(['21']);
    // After "at" or "till" a number is kept: the strategy's own limits ("at 18", "till 25") answer such queries.
    expect([...ages(queryWords('keep my leaving care worker till 25'))]).toEqual([]);
    expect([...ages(queryWords('supported accommodation 16+'))]).toEqual(['16']);
    expect([...ages(queryWords('my 17 year old is in care'))]).toEqual(['17', 'year', 'old']);
    expect([...ages(queryWords('help with jobs in year 9'))]).toEqual(['9']);
    // An age joined to another is one too; "year olds" after one says no more than the age.
    expect(ages(queryWords("what's in the plan for 16 and 17 year olds in care"))).toEqual(new Set(['16', '17', 'year', 'olds']));
    expect(ages(queryWords('pledge 4 and 5 actions')).size).toBe(0);
    // A year, a count, an age past those the strategy serves: none of them.
    expect(ages(queryWords('actions due in 2018')).size).toBe(0);
    expect(ages(queryWords('how many of the 12 pledges'))).toEqual(new Set());
    expect(ages(queryWords('im 30 and left care')).size).toBe(0);
  });
});

describe('withoutMonths', () => {
  it('leaves out a month before a year, so the timescales by year are found, and nothing else', () => {
    expect(withoutMonths(queryWords('actions due in March 2018'))).toEqual(['actions', 'due', 'in', '2018']);
    expect(withoutMonths(queryWords('due by sept 2017 or jan 2018'))).toEqual(['due', 'by', '2017', 'or', '2018']);
    // Not a month without a year ("may I"), nor before a number that is no year ("march 5").
    expect(withoutMonths(queryWords('may i see my mum in march 5'))).toBeNull();
  });
  it('reads "offen" as the common word "often", not a slip for a site word', () => {
    expect(queryWords('how offen can i see my nan')).toEqual(['how', 'often', 'can', 'i', 'see', 'my', 'nan']);
  });
});

describe('vocabulary', () => {
  it('knows a word, a beginning of a word, and an inflection of a word', () => {
    expect(vocabulary.knows('tenancy')).toBe(true);
    expect(vocabulary.knows('apprentice')).toBe(true);
    expect(vocabulary.knows('mentoring')).toBe(true);
    expect(vocabulary.knows('apprentiships')).toBe(false);
    expect(vocabulary.knows('thermal')).toBe(false);
  });
  it('does not take a word that only begins a site word for one ("uni" is not in "universal")', () => {
    expect(vocabulary.knows('uni')).toBe(false);
    expect(matches('uni', 'universal')).toBe(false);
  });
  it('finds near words that change the first letter only one edit away, as the full scan did', () => {
    expect(vocabulary.nearest('toney').map((n) => n.word)).toEqual(['money']);
    expect(vocabulary.nearest('oney').map((n) => n.word)).toEqual(['money']);
  });
  it('finds the nearest words, nearest and then commonest first, within a distance that grows with the word', () => {
    expect(vocabulary.nearest('apprentiships')[0]?.word).toBe('apprenticeships');
    expect(vocabulary.nearest('mony').map((n) => n.word)).toEqual(['money', 'many']);
    expect(vocabulary.nearest('zz')).toEqual([]);
    expect(vocabulary.nearest('2016')).toEqual([]);
    expect([maxDistance('mony'), maxDistance('tenacy'), maxDistance('apprentiships')]).toEqual([1, 2, 3]);
  });
  it('corrects only when one word is clearly best', () => {
    expect(clearCorrection(vocabulary.nearest('advocasy'), 'a')).toBe('advocacy');
    expect(clearCorrection(vocabulary.nearest('mony'), 'm')).toBe(null);
    expect(clearCorrection([{ word: 'money', distance: 1, count: 30 }, { word: 'monkey', distance: 1, count: 1 }], 'm')).toBe('money');
    expect(clearCorrection([], 'x')).toBe(null);
  });
});

describe('forms of a word', () => {
  it.each([
    ['reported', 'reports'],
    ['friends', 'friendships'],
    ['live', 'living'],
    ['families', 'family'],
    ['apprentice', 'apprenticeships'],
  ])('“%s” and “%s” are forms of one word', (a, b) => expect(related(a, b)).toBe(true));
  it.each([
    ['uni', 'universal'],
    ['home', 'homework'],
    ['2017', '2018'],
  ])('“%s” and “%s” are not', (a, b) => expect(related(a, b)).toBe(false));
  it('keeps at least three letters', () => expect(stem('uses')).toBe('use'));
  it('reads an adverb in "-ally" as its adjective', () => {
    expect(related('regionally', 'regional')).toBe(true);
    expect(related('emotionally', 'emotional')).toBe(true);
    expect(related('financially', 'financial')).toBe(true);
    expect(related('really', 'real')).toBe(true);
  });
});

describe('common words and numbers', () => {
  it('leaves out question words and a phone’s fillers, never a word the strategy uses for a subject or a number', () => {
    for (const w of ['how', 'what', 'im', 'dont', 'please', 'happens']) expect(STOP_WORDS.has(w), w).toBe(true);
    for (const w of ['help', 'need', 'care', 'home', 'support', 'money', 'live', '18', '2017']) expect(STOP_WORDS.has(w), w).toBe(false);
    expect([isNumber('2018'), isNumber('16'), isNumber('p4')]).toEqual([true, true, false]);
  });
  it('tells a question about the strategy itself', () => {
    expect(aboutTheStrategy(words('why was this strategy written'))).toBe(true);
    expect(aboutTheStrategy(words('how was the action plan put together'))).toBe(true);
    expect(aboutTheStrategy(words('pathway plan'))).toBe(false);
    // A reviewed group that asks about the strategy itself, without naming it; another group does not.
    const dictionary = buildDictionary([], [
      { people: ['is it working', 'professionals'], strategy: ['monitored'], aboutTheStrategy: true },
      { people: ['mum'], strategy: ['family'] },
    ]);
    expect(aboutTheStrategy(words('is it working yet'), dictionary)).toBe(true);
    expect(aboutTheStrategy(words('is this for professionals'), dictionary)).toBe(true);
    expect(aboutTheStrategy(words('can i see my mum'), dictionary)).toBe(false);
    expect(aboutTheStrategy(words('monitored'), dictionary)).toBe(false);
    // "The last strategy" is another edition, not a question about this one.
    const previous = buildDictionary([], [{ people: ['last strategy'], strategy: ['previous edition'] }]);
    expect(aboutTheStrategy(words('what was in the last strategy'), previous)).toBe(false);
    expect(aboutTheStrategy(words('who wrote the strategy'), previous)).toBe(true);
  });
});

describe('real words near the site’s words', () => {
  const near = realWordsNear(vocabulary, ['bullying', 'Building', 'monkeys', 'zebra', "staying's", 'uni', 'donkey']);
  it('keeps real words the site lacks that a search could take for a misspelling of a site word, by first letter', () => {
    expect(near.get('b')).toEqual(['bullying']);
    expect(near.get('d')).toEqual(['donkey']);
  });
  it('leaves out words the site holds (or a form of them), words near nothing, and anything not plain letters', () => {
    expect([...near.values()].flat()).not.toContain('building');
    expect([...near.values()].flat()).not.toContain('monkeys');
    expect([...near.values()].flat()).not.toContain('zebra');
    expect(realWordsFile('bullying')).toBe('b.json');
    expect(realWordsFile('2018')).toBe(null);
  });
});

describe('a query as typed on a phone', () => {
  it('reads phone spellings of common words as the words, and leaves greetings out', () => {
    expect(queryWords('hi wat happens wen i turn 18 pls')).toEqual(['what', 'happens', 'when', 'i', 'turn', '18', 'please']);
    // A dropped g and a number for a word: "thinkin bout" is "thinking about", "b4" is "before".
    expect(queryWords('help thinkin bout jobs b4 i leave')).toEqual(['help', 'thinking', 'about', 'jobs', 'before', 'i', 'leave']);
    expect(queryWords('im in yr 11, 2 yrs in care')).toEqual(['im', 'in', 'year', '11', '2', 'years', 'in', 'care']);
    expect(queryWords('no1 asked me')).toEqual(['nobody', 'asked', 'me']);
    // A word of the site is never taken for a phone spelling.
    expect(queryWords('pocket money')).toEqual(['pocket', 'money']);
  });
  it('reads a "n\'t" contraction as one word, so its halves are never corrected into site words', () => {
    // Split at the apostrophe, "aren" would be taken for a slip of "area".
    expect(queryWords("why aren't they listening")).toEqual(['why', 'arent', 'they', 'listening']);
    expect(queryWords('they haven’t rung me')).toEqual(['they', 'havent', 'rung', 'me']);
    for (const w of ['arent', 'havent', 'sort', 'stuff', 'nothing']) expect(STOP_WORDS.has(w), w).toBe(true);
  });
  it('reads "1" after have or get as a pronoun ("can i have one"), not a number every result must hold', () => {
    expect(queryWords('wats an independent visitor can i have 1')).toEqual(['what', 'an', 'independent', 'visitor', 'can', 'i', 'have', 'it']);
    expect(queryWords('do i get 1 too')).toContain('it');
    expect(queryWords('pledge 1 actions')).toContain('1');
    expect(queryWords('how many have 1.5 placements')).toContain('1');
  });
  it('leaves out a word that only makes another stronger, so the wording it interrupts is found; never one that can carry a subject', () => {
    expect(queryWords('feeling really down')).toEqual(['feeling', 'down']);
    const feelings = buildDictionary([], [{ people: ['feeling down'], strategy: ['emotional health'] }]);
    expect(alternatives(queryWords('i am feeling really really down'), feelings).map((a) => a.words.join(' '))).toContain('i am emotional health');
    expect(queryWords('how well are care leavers doing')).toContain('well');
    expect(queryWords('can my brother come too')).toContain('too');
  });
});

describe('the parts of a query searched one at a time', () => {
  const dictionary = buildDictionary([], [
    { people: ['run away', 'kicked out of school', 'who can i talk to'], strategy: ['missing'] },
  ]);
  it('keeps a reviewed phrase of two or more words whole, and each other meaningful word alone', () => {
    expect(queryParts(words('what happens if i run away from my foster home'), dictionary)).toEqual([['run', 'away'], ['foster'], ['home']]);
    expect(queryParts(words('kicked out of school twice'), dictionary)).toEqual([['kicked', 'out', 'of', 'school'], ['twice']]);
    expect([...coveredWords(words('what happens if i run away'), dictionary)]).toEqual(['run', 'away']);
    // A phrase of one meaningful word among common ones is kept whole too: "talk" alone finds talk of anything.
    expect(queryParts(words('who can i talk to about anxiety'), dictionary)).toEqual([['who', 'can', 'i', 'talk', 'to'], ['anxiety']]);
    // And a phrase of common words only: "how many" asks for the figures.
    const figures = buildDictionary([], [{ people: ['how many'], strategy: ['local profile'] }]);
    expect(queryParts(words('how many care leavers have a decent place to live'), figures)).toEqual([['how', 'many'], ['care'], ['leavers'], ['decent'], ['place'], ['live']]);
  });
});

describe('dictionary', () => {
  const dictionary = buildDictionary(
    [
      { abbreviation: 'IHA', variants: [], expansion: 'Initial Health Assessment', basis: 'given' },
      { abbreviation: 'LA', variants: [], expansion: 'Local Authority', basis: 'standard' },
      { abbreviation: 'IRM', variants: [], basis: 'uncertain' },
    ],
    [{ people: ['therapy', 'counselling'], strategy: ['therapeutic'] }],
    (word) => word !== 'therapy',
  );
  it('holds certain abbreviations both ways and the synonyms, never an uncertain one', () => {
    expect(dictionary.map((g) => g.map((w) => w.words.join(' ')))).toEqual([['iha', 'initial health assessment'], ['la', 'local authority'], ['therapy', 'counselling', 'therapeutic']]);
    expect(dictionary[2]?.map((w) => w.used)).toEqual([false, true, true]);
  });
  it('gives each other wording of a query, one replacement at a time, plurals matching', () => {
    expect(alternatives(['iha', 'dates'], dictionary).map((a) => a.words.join(' '))).toEqual(['iha dates', 'initial health assessment dates']);
    expect(alternatives(['initial', 'health', 'assessments'], dictionary).map((a) => a.words.join(' '))).toEqual(['initial health assessments', 'iha']);
    expect(alternatives(['therapy'], dictionary)[1]?.replaced).toEqual({ from: 'therapy', to: 'therapeutic' });
  });
  it('leads from what people type to the strategy’s words, one way, and never searches for a word the site does not use', () => {
    expect(alternatives(['therapy'], dictionary).map((a) => a.words.join(' '))).toEqual(['therapy', 'therapeutic']);
    expect(alternatives(['counselling'], dictionary).map((a) => a.words.join(' '))).toEqual(['counselling', 'therapeutic']);
    expect(alternatives(['therapeutic'], dictionary)).toHaveLength(1);
  });
  it('never searches the words as typed for a wording the site does not use', () => {
    expect(alternatives(['therapy'], dictionary)[0]).toMatchObject({ words: ['therapy'], unused: true });
    expect(alternatives(['counselling'], dictionary)[0]?.unused).toBeUndefined();
  });
  it('searches the words as typed when they are, word for word, a wording the site uses, though a form of them is one it does not', () => {
    const lessons = buildDictionary([], [{ people: ['driving lesson'], strategy: ['driving lessons'] }], () => true, (ws) => ' driving lessons '.includes(` ${ws.join(' ')} `));
    expect(lessons[0]?.map((w) => w.used)).toEqual([false, true]);
    expect(alternatives(['driving', 'lessons'], lessons)).toEqual([{ words: ['driving', 'lessons'] }]);
    expect(alternatives(['driving', 'lesson'], lessons)[0]).toMatchObject({ words: ['driving', 'lesson'], unused: true });
  });
  it('takes as used a wording the built index holds though the content does not (the site’s own pages), and searches it when it is the strategy’s side', () => {
    const site = buildDictionary([], [{ people: ['screen reader', 'braille'], strategy: ['formats', 'tested with disabled users'] }], (w) => w !== 'braille' && w !== 'tested', () => false);
    expect(site[0]?.map((w) => w.used)).toEqual([false, false, true, false]);
    expect(site[0]?.map((w) => w.search)).toEqual([false, false, true, false]);
    const index = ' this website works with a screen reader but is not yet tested with disabled users ';
    const marked = usedInIndex(site, (ws) => index.includes(` ${ws.join(' ')} `));
    expect(marked[0]?.map((w) => w.used)).toEqual([true, false, true, true]);
    // What people type stays unsearched (a wording put in for it is searched); the strategy's wording the site's own page holds is searched.
    expect(marked[0]?.map((w) => w.search)).toEqual([false, false, true, true]);
    expect(alternatives(['screen', 'reader'], marked)[0]?.unused).toBeUndefined();
    // Never from used to unused: the content's forms ("formats") stand, whatever the index's test says.
    expect(usedInIndex(site, () => false)).toEqual(site);
  });
  it('takes one step further when a wording put in is what people type for another group’s wording, never back', () => {
    const chain = buildDictionary([{ abbreviation: 'PA', variants: [], expansion: 'Personal Adviser', basis: 'standard' }], [{ people: ['personal adviser'], strategy: ['personal advisor'] }]);
    expect(alternatives(['pa', 'at', '21'], chain)).toEqual([
      { words: ['pa', 'at', '21'] },
      { words: ['personal', 'adviser', 'at', '21'], replaced: { from: 'pa', to: 'personal adviser' } },
      { words: ['personal', 'advisor', 'at', '21'], replaced: { from: 'pa', to: 'personal advisor' } },
    ]);
  });
  it('packs small for the page and unpacks to the same dictionary', () => {
    const about = buildDictionary([], [{ people: ['is it working'], strategy: ['monitored'], aboutTheStrategy: true }]);
    const edition = buildDictionary([], [{ people: ['old strategy'], strategy: ['previous edition'], edition: '2008-11' }]);
    expect(packDictionary(edition)).toEqual([['old strategy|fue2008-11', 'previous edition|su']]);
    for (const d of [dictionary, about, edition]) expect(unpackDictionary(JSON.parse(JSON.stringify(packDictionary(d))) as string[][])).toEqual(d);
    expect(packDictionary(about)).toEqual([['is it working|fua', 'monitored|su']]);
    const leads = buildDictionary([], [{ people: ['who runs'], strategy: ['lead'], asksWhoLeads: true }]);
    expect(packDictionary(leads)).toEqual([['who runs|ful', 'lead|su']]);
    const someone = buildDictionary([], [{ people: ['who can i talk to'], strategy: ['advocacy'], asksForSomeone: true }]);
    expect(packDictionary(someone)).toEqual([['who can i talk to|fuh', 'advocacy|su']]);
    expect(unpackDictionary(packDictionary(someone))).toEqual(someone);
    expect(unpackDictionary(packDictionary(leads))).toEqual(leads);
    const compare = buildDictionary([], [{ people: ['what has changed'], strategy: ['compare'], comparesEditions: true }]);
    expect(packDictionary(compare)).toEqual([['what has changed|fuc', 'compare|suc']]);
    expect(unpackDictionary(packDictionary(compare))).toEqual(compare);
  });
  it('tells a query that asks how the editions differ, by anyone’s wording of the group, the strategy’s own among them', () => {
    const compare = buildDictionary([], [{ people: ['what has changed', 'what is different'], strategy: ['compare'], comparesEditions: true }]);
    expect(comparesEditions(['what', 'is', 'different', 'from', 'the', 'last', 'strategy'], compare)).toBe(true);
    expect(comparesEditions(['compare', 'current', 'and', 'previous', 'strategy'], compare)).toBe(true);
    expect(comparesEditions(['priorities', 'of', 'the', 'last', 'strategy'], compare)).toBe(false);
    expect(comparesEditions(['compare'], buildDictionary([], [{ people: ['what has changed'], strategy: ['compare'] }]))).toBe(false);
  });
  it('tells a query that asks who leads something, and its words outside the asking', () => {
    const leads = buildDictionary([], [{ people: ['who runs', 'in charge', 'role'], strategy: ['lead'], asksWhoLeads: true }]);
    expect(asksWhoLeads(['who', 'runs', 'fostering', 'in', 'halton'], leads)).toEqual(['fostering', 'in', 'halton']);
    expect(asksWhoLeads(['police', 'role', 'in', 'the', 'action', 'plan'], leads)).toEqual(['police', 'in', 'the', 'action', 'plan']);
    expect(asksWhoLeads(['foster', 'carers'], leads)).toBeNull();
    // The strategy's own word asks nothing of the kind, and a group without the flag does not either.
    expect(asksWhoLeads(['lead', 'fostering'], leads)).toBeNull();
    expect(asksWhoLeads(['who', 'runs', 'fostering'], buildDictionary([], [{ people: ['who runs'], strategy: ['lead'] }]))).toBeNull();
  });
  it('counts the words of a lead’s name a query names, its words of kind and of whom every lead serves aside', () => {
    expect(leadNamed('Principal Manager, Fostering', ['fostering', 'in', 'halton'])).toBe(1);
    expect(leadNamed('Strategic Public Protection Directorate, Cheshire Police', ['police', 'action', 'plan'])).toBe(1);
    expect(leadNamed('Lead Member for Children and Families', ['lead', 'member', 'for', 'children'])).toBe(1);
    expect(leadNamed('Social Workers', ['social', 'worker'])).toBe(2);
    expect(leadNamed('Children in Care Health Team', ['my', 'councillor', 'for', 'children', 'in', 'care'])).toBe(0);
    expect(leadNamed('Participation and Inclusion Officer', ['which', 'officer', 'leads'])).toBe(0);
    // "CiC" names the children in care, whom every lead serves: not the CiC Nurse for "the CiC commissioning manager".
    expect(leadNamed('CiC Nurse', ['cic', 'commissioning', 'manager'])).toBe(0);
    expect(leadNamed('Children in Care Commissioning Manager', ['cic', 'commissioning', 'manager'])).toBe(1);
    // A name of role words alone is named by a query that holds all of them, not by one that holds some.
    expect(leadNamed("Principal Manager, Young People's Team", ['young', 'people', 's', 'team', 'principal', 'manager'])).toBe(1);
    expect(leadNamed("Principal Manager, Young People's Team", ['young', 'people', 'principal', 'manager'])).toBe(0);
  });
  it('tells a query that asks of both editions: by their years, by a wording and a year, or by asking what changed', () => {
    const editions = buildDictionary([], [
      { people: ['old plan'], strategy: ['previous edition'], edition: '2008-11' },
      { people: ['what changed', 'vs'], strategy: ['compare'], comparesEditions: true },
    ]);
    expect(editionYears('2008-11')).toEqual(['2008', '2011']);
    expect(editionYears('2017-20')).toEqual(['2017', '2020']);
    const both = (q: string) => asksOfBothEditions(queryWords(q), editions, ['2017-20', '2008-11']);
    expect(both('money for care leavers 2008 vs 2017')).toBe(true);
    expect(both('children in care council 2008 2017')).toBe(true);
    expect(both('the old plan and 2017')).toBe(true);
    expect(both('what changed')).toBe(true);
    // One edition, or a year that is a timescale: not both.
    expect(both('actions due in 2017')).toBe(false);
    expect(both('priorities of the old plan')).toBe(false);
    expect(both('actions due in 2018 and 2019')).toBe(false);
  });
  it('tells a question of the leads in general from one naming a lead or a subject', () => {
    expect(asksOfLeadsInGeneral(['which', 'officer', 'the', 'most', 'actions'])).toBe(true);
    expect(asksOfLeadsInGeneral(['names', 'of', 'the', 'officers', 'each', 'action'])).toBe(true);
    expect(asksOfLeadsInGeneral([])).toBe(true);
    expect(asksOfLeadsInGeneral(['fostering', 'in', 'halton'])).toBe(false);
    expect(asksOfLeadsInGeneral(['my', 'councillor', 'for', 'children', 'in', 'care'])).toBe(false);
  });
  it('tells the edition a query names, and the words that say what is sought in it', () => {
    const edition = buildDictionary([], [{ people: ['old strategy', 'previous strategy'], strategy: ['previous edition'], edition: '2008-11' }]);
    expect(namedEdition(['priorities', 'of', 'the', 'previous', 'strategy'], edition)).toEqual({ edition: '2008-11', rest: ['priorities', 'of', 'the'] });
    // The strategy's own wording names no edition a reader asks for; a query without the group names none.
    expect(namedEdition(['previous', 'edition'], edition)).toBeNull();
    expect(namedEdition(['priorities'], edition)).toBeNull();
  });
  it('takes a phrase people type as the site’s only where its text holds it, the words in that order', () => {
    const site = ' children missing from care run a test far away ';
    const phrases = buildDictionary([], [{ people: ['run away', 'missing from care'], strategy: ['missing'] }], () => true, (ws) => site.includes(` ${ws.join(' ')} `));
    expect(alternatives(['if', 'i', 'run', 'away'], phrases)[0]?.unused).toBe(true);
    expect(alternatives(['missing', 'from', 'care'], phrases)[0]?.unused).toBeUndefined();
  });
  it('lets a wording inside a longer wording of another group give way to it', () => {
    const groups = buildDictionary([], [
      { people: ['last', 'how long'], strategy: ['2020'] },
      { people: ['last strategy'], strategy: ['previous edition'] },
    ]);
    expect(alternatives(words('what was in the last strategy'), groups).map((a) => a.words.join(' '))).toEqual(['what was in the last strategy', 'what was in the previous edition']);
    expect(alternatives(words('how long will it last'), groups).map((a) => a.words.join(' '))).toContain('how long will it 2020');
  });
  it('replaces two everyday wordings at once', () => {
    const both = buildDictionary([], [{ people: ['kids'], strategy: ['children'] }, { people: ['how many'], strategy: ['local profile'] }]);
    expect(alternatives(words('how many kids live here'), both)[1]).toEqual({ words: ['local', 'profile', 'children', 'live', 'here'], replaced: { from: 'how many … kids', to: 'local profile … children' } });
  });
  it('expands a two-letter abbreviation but never searches for one (Pagefind would match every word it begins)', () => {
    expect(alternatives(['la'], dictionary).map((a) => a.words.join(' '))).toEqual(['la', 'local authority']);
    expect(alternatives(['local', 'authority'], dictionary)).toHaveLength(1);
  });
});

describe('fusion and highlights', () => {
  it('puts first what ranks high in several lists', () => {
    expect(fuse([{ ids: ['a', 'b', 'c'], weight: 1 }, { ids: ['b', 'c'], weight: 1 }])).toEqual(['b', 'c', 'a']);
    expect(fuse([{ ids: ['a'], weight: 0.1 }, { ids: ['b'], weight: 1 }])).toEqual(['b', 'a']);
    // Wordings that mean the same: a result counts by its best rank, not twice.
    expect(fuse([{ ids: ['a', 'g'], weight: 1 }, { ids: ['b', 'g'], weight: 0.8 }], 10, 'best')).toEqual(['a', 'g', 'b']);
    expect(fuse([{ ids: ['a', 'g'], weight: 1 }, { ids: ['b', 'g'], weight: 0.8 }], 10, 'sum')[0]).toBe('g');
  });
  it('takes a highlighted word as a match for a query word it begins or inflects, not for another word', () => {
    expect(matches('apprentice', 'apprenticeships')).toBe(true);
    expect(matches('mentoring', 'mentor')).toBe(true);
    expect(matches('therapy', 'the')).toBe(false);
    expect(matches('reported', 'reports')).toBe(true);
  });
});
