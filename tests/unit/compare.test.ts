import { describe, expect, it } from 'vitest';
import { compareFigures } from '../../src/lib/compare.ts';
import { readCollection } from '../helpers/content.ts';

const figures = ['2017-20', '2008-11'].flatMap((edition) => readCollection(edition, 'figures').map((f) => ({ ...f, edition })));
const comparison = compareFigures(figures, ['2017-20', '2008-11']);
const pair = (key: string) => comparison.same.find((row) => row.key === key)?.byEdition;

describe('comparison of the two editions’ local profiles', () => {
  it.each([
    ['children-in-care', 156, 253],
    ['boys-in-care', 72, 131],
    ['girls-in-care', 84, 122],
    ['care-leavers-supported', 81, 72],
  ])('%s: %i in 2008-11, %i in 2017-20, as printed in the seeds', (key, before, after) => {
    expect(pair(key)?.['2008-11']?.value).toBe(before);
    expect(pair(key)?.['2017-20']?.value).toBe(after);
  });

  it('keeps differently measured figures apart, by topic', () => {
    const eet = comparison.related.find((r) => r.topic.includes('education, employment or training'));
    expect(eet?.byEdition['2017-20']?.map((f) => f.sourceText)).toEqual(['73% are engaged in Education, Employment or Training (EET)']);
    expect(eet?.byEdition['2008-11']?.map((f) => f.value)).toEqual([42]);
    const housing = comparison.related.find((r) => r.topic.includes('accommodation'));
    expect(housing?.byEdition['2008-11']?.map((f) => f.value)).toEqual([64, 29]);
    expect(housing?.byEdition['2017-20']?.map((f) => f.value)).toEqual([96]);
  });

  it('lists every other figure under its own edition, so none is lost', () => {
    const placed = comparison.same.flatMap((r) => Object.values(r.byEdition)).length
      + comparison.related.flatMap((r) => Object.values(r.byEdition).flat()).length
      + Object.values(comparison.onlyIn).flat().length;
    expect(placed).toBe(figures.length);
    expect(comparison.onlyIn['2017-20']?.map((f) => f.value)).toContain(29200);
  });

  it('every figure’s value is the number printed in its own seed words', () => {
    for (const f of figures) {
      if (f.value === undefined) continue;
      const printed = [...f.sourceText.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, '')));
      expect(printed, `${f.edition} ${f.sourceText}`).toContain(f.value);
    }
  });
});
