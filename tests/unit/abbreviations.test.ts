import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abbreviationsOf, hasCertainMeaning, markFirstUses } from '../../src/lib/abbreviations.ts';
import { readContentFolder } from '../../src/lib/contentReader.ts';
import { buildDictionary } from '../../src/lib/searchWords.ts';
import { loadAbbreviations } from '../../src/markdown/abbreviations.ts';
import { ROOT } from '../helpers/dist.ts';

const glossary = [
  { key: 'CiCCL', forms: ['CiCCL', 'CICCL'], expansion: 'children in care and care leavers' },
  { key: 'CiC', forms: ['CiC', 'CIC'], expansion: 'children in care' },
  { key: 'LA', forms: ['LA'], expansion: 'local authority' },
];

describe('markFirstUses', () => {
  it('marks the first use only, whatever the spelling', () => {
    const seen = new Set<string>();
    expect(markFirstUses('CICCL and CiCCL', glossary, seen)).toEqual([{ abbr: 'CICCL', title: 'children in care and care leavers' }, ' and CiCCL']);
    expect(markFirstUses('then CiCCL again', glossary, seen)).toEqual(['then CiCCL again']);
  });
  it('prefers the longest form and matches whole words only', () => {
    expect(markFirstUses('CiCCL, not CiC', glossary, new Set())).toEqual([
      { abbr: 'CiCCL', title: 'children in care and care leavers' },
      ', not ',
      { abbr: 'CiC', title: 'children in care' },
    ]);
    expect(markFirstUses('LAC and Lanes', glossary, new Set())).toEqual(['LAC and Lanes']);
  });
});

describe('the glossary\'s certain meanings: one filter for the pages, the chapters and search', () => {
  const entries = [
    { abbreviation: 'IHA', variants: ['I.H.A.'], expansion: 'Initial Health Assessment', basis: 'given' as const },
    { abbreviation: 'CCG', variants: [], expansion: 'Clinical Commissioning Group', basis: 'standard' as const },
    { abbreviation: 'IRM', variants: [], basis: 'uncertain' as const },
    { abbreviation: 'LM', variants: [], expansion: 'Lead Member', basis: 'uncertain' as const },
    { abbreviation: 'XX', variants: [], expansion: '', basis: 'standard' as const },
  ];

  it.each([
    ['given, with its expansion', entries[0]!, true],
    ['standard, with its expansion', entries[1]!, true],
    ['uncertain, with no expansion', entries[2]!, false],
    ['uncertain, even with an expansion', entries[3]!, false],
    ['with an empty expansion', entries[4]!, false],
  ])('%s: certain is %s', (_what, entry, certain) => {
    expect(hasCertainMeaning(entry)).toBe(certain);
  });

  it('gives markFirstUses every spelling of each certain abbreviation, and nothing uncertain', () => {
    expect(abbreviationsOf(entries)).toEqual([
      { key: 'IHA', forms: ['IHA', 'I.H.A.'], expansion: 'Initial Health Assessment' },
      { key: 'CCG', forms: ['CCG'], expansion: 'Clinical Commissioning Group' },
    ]);
  });

  it('the chapters\' plugin and search take the same abbreviations from the real glossary', () => {
    const dir = join(ROOT, 'content/glossary');
    const glossary = readContentFolder('glossary', dir).map((f) => f.data);
    const certain = glossary.filter(hasCertainMeaning);
    expect(certain.length).toBeGreaterThan(10);
    expect(certain.length).toBeLessThan(glossary.length);
    expect(loadAbbreviations(dir).map((a) => a.key).sort()).toEqual(certain.map((g) => g.abbreviation).sort());
    // buildDictionary makes one group per certain abbreviation, then one per synonym group.
    const groups = buildDictionary(glossary, []);
    expect(groups.map((group) => group[0]!.words.join(' '))).toEqual(certain.map((g) => g.abbreviation.toLowerCase()));
  });
});
