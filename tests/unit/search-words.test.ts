/** The words of search: splitting, the vocabulary's checks and nearest words, the dictionary's other wordings, rank fusion. */
import { describe, expect, it } from 'vitest';
import { Vocabulary, alternatives, buildDictionary, clearCorrection, fuse, matches, maxDistance, words } from '../../src/lib/searchWords.ts';

const vocabulary = new Vocabulary({ pages: 3, words: 'advocacy apprenticeships mentor money many monkey pocket put staying tenancy the', counts: [4, 2, 3, 30, 15, 1, 12, 8, 5, 6, 900] });

describe('words', () => {
  it('splits as Pagefind does: lower case, letters and digits, apostrophes and hyphens split', () => {
    expect(words("Go4Ward's multi-agency IHA, 2017–20")).toEqual(['go4ward', 's', 'multi', 'agency', 'iha', '2017', '20']);
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
  });
});
