/**
 * Nothing of the seeds' prose is lost: every line of each seed before its action plan is on
 * the built site (the action plans are checked cell by cell in tests/unit/content.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { htmlPages, readPage, textOf } from '../helpers/dist.ts';
import { editionSlugs, readSeed } from '../helpers/content.ts';
import { normaliseSeedText } from '../helpers/fidelity.ts';

/** Lines that are not content: the contents list with page numbers, and an image description. */
const NOT_CONTENT = [/^CONTENTS$/, /\.{3,}\s*\d*$/, /\t\d+$/, /^A vibrant, circular illustration/];

function comparable(text: string): string {
  return normaliseSeedText(text)
    .replace(/…/g, '...')
    .replace(/["'“”‘’]/g, '')
    .replace(/^(?:#+\s*|-\s*|[✓◆]\s*|\d+\.\s+)+/, '')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

describe.each(editionSlugs())('the %s seed', (edition) => {
  const seed = readSeed(edition);
  // The action plan starts at its first table row (the contents list has one tab per line, tables several).
  const planStart = seed.split('\n').findIndex((line) => line.split('\t').length > 4);
  const lines = seed
    .split('\n')
    .slice(0, planStart)
    .filter((line) => line.trim() && !NOT_CONTENT.some((pattern) => pattern.test(line.trim())))
    .map(comparable)
    .filter((line) => line.length > 1);
  const siteText = comparable(
    htmlPages()
      .filter((p) => p === '/' || p.startsWith(`/${edition}/`))
      .map((p) => textOf(readPage(p)))
      .join(' | '),
  );

  it('has its prose lines on the site', () => {
    expect(lines.length).toBeGreaterThan(50);
    const missing = lines.filter((line) => !siteText.includes(line));
    expect(missing).toEqual([]);
  });
});
