/** The glossary: every abbreviation is the seeds' own, and each meaning says where it comes from. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/lib/contentReader.ts';
import { ROOT } from '../helpers/dist.ts';
import { BASIS_LABELS, NO_EXPANSION, basisSentence, glossaryEntries, glossaryEntryText } from '../../src/lib/glossary.ts';
import { readSeed } from '../helpers/content.ts';

const entries = readContentFolder('glossary', join(ROOT, 'content/glossary')).map(({ id, data }) => ({ file: `${id}.yaml`, ...data }));
const seeds: Record<string, string> = { '2017-20': readSeed('2017-20'), '2008-11': readSeed('2008-11') };

describe('glossary', () => {
  it('covers the abbreviations the strategies rely on', () => {
    const known = entries.flatMap((e) => [e.abbreviation, ...e.variants]);
    for (const abbr of ['CiC', 'CiCCL', 'IRM', 'PEP', 'SDQ', 'IHA', 'RHA', 'HHT', 'EET', 'NEET', 'CSE', 'CAMHS', 'YOT', 'CYPP', 'DCS', 'LM', 'CCG', 'YP']) {
      expect(known).toContain(abbr);
    }
  });

  it.each(entries.map((e) => [e.file, e] as const))('%s: used in the seeds of its editions, and its meaning is sourced', (_file, entry) => {
    for (const edition of entry.editions) {
      const words = [entry.abbreviation, ...entry.variants];
      expect(words.some((w) => new RegExp(`(?<![A-Za-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`).test(seeds[edition] ?? ''))).toBe(true);
    }
    if (entry.basis === 'given') expect(entry.editions.some((e) => seeds[e]?.includes(entry.sourceText ?? '\u0000'))).toBe(true);
    if (entry.basis === 'uncertain') expect(entry.expansion).toBeUndefined();
    else expect(entry.expansion).toBeTruthy();
  });
});

describe('the glossary as every format words it', () => {
  const uncertain = { abbreviation: 'LM', variants: [], basis: 'uncertain' as const, editions: ['2008-11'] };
  const given = { abbreviation: 'CiCCL', variants: ['CICCL'], expansion: 'Children in Care and Care Leavers', basis: 'given' as const, sourceText: 'Children in Care and Care Leavers (CiCCL)', editions: ['2017-20'], note: 'A team.' };
  it('lists an edition’s entries alphabetically, or all of them', () => {
    expect(glossaryEntries([uncertain, given], '2017-20').map((g) => g.abbreviation)).toEqual(['CiCCL']);
    expect(glossaryEntries([uncertain, given]).map((g) => g.abbreviation)).toEqual(['CiCCL', 'LM']);
  });
  it('says where each meaning comes from, and never guesses an uncertain one', () => {
    expect(basisSentence(given)).toBe(`${BASIS_LABELS.given}: “Children in Care and Care Leavers (CiCCL)”.`);
    expect(glossaryEntryText(given)).toBe(`CiCCL (also written CICCL): Children in Care and Care Leavers\n${BASIS_LABELS.given}: “Children in Care and Care Leavers (CiCCL)”.\nA team.`);
    expect(glossaryEntryText(uncertain)).toBe(`LM: ${NO_EXPANSION}\n${BASIS_LABELS.uncertain}.`);
  });
});
