/** The glossary: every abbreviation is the seeds' own, and each meaning says where it comes from. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/lib/contentReader.ts';
import { ROOT } from '../helpers/dist.ts';
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
