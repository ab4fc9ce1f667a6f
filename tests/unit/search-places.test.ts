/** Where a result holds the words searched: together in one part of the page, or scattered over unrelated items. */
import { describe, expect, it } from 'vitest';
import { WINDOW, findSpan, requiredWords, spanExcerpt, type Places } from '../../src/lib/searchPlaces.ts';
import { words } from '../../src/lib/searchWords.ts';

/** Places as Pagefind gives them: every word of the text that begins with a word searched. */
function places(content: string, query: string, anchors: Places['anchors'] = [], extra: Partial<Places> = {}): Places {
  const ws = words(query);
  const tokens = content.split(/\s+/);
  const locations = tokens.flatMap((t, i) => (words(t).some((w) => ws.some((q) => w.startsWith(q.slice(0, 5)))) ? [i] : []));
  return { words: ws, content, locations, anchors, ...extra };
}
const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('words together', () => {
  it('needs only the words that carry meaning', () => {
    expect(requiredWords(words('can i see my social worker alone'))).toEqual(['see', 'social', 'worker', 'alone']);
    expect(requiredWords(words('how'))).toEqual(['how']);
  });

  it('holds the words together in one sentence, and says where', () => {
    const span = findSpan(places(`Introduction. ${filler(30)} Foster carers get training on attachment.`, 'training for foster carers'));
    expect(span).toMatchObject({ together: true, anchor: null });
    expect(span!.to - span!.from).toBeLessThanOrEqual(4);
  });

  it('holds them scattered when they are further apart than a few lines', () => {
    const text = `List. dental checks ${filler(WINDOW + 10)} apprenticeships ${filler(60)}`;
    expect(findSpan(places(text, 'dental apprenticeships'))).toMatchObject({ together: false });
  });

  it('never across two parts of the page, however close', () => {
    const text = `List. ${filler(100)} Item one: dental checks. Item two: apprenticeships. ${filler(100)}`;
    const at = (w: string) => text.split(/\s+/).indexOf(w);
    const apart = places(text, 'dental apprenticeships', [{ id: 'one', location: at('one:') - 1 }, { id: 'two', location: at('two:') - 1 }]);
    expect(findSpan(apart)).toMatchObject({ together: false });
    const same = places(text, 'dental apprenticeships', [{ id: 'one', location: at('one:') - 1 }]);
    expect(findSpan(same)).toMatchObject({ together: true, anchor: 'one' });
  });

  it('a short part (an item of a list) holds its words together whatever their distance, and so does an action’s record', () => {
    const item = `Timeline. ${filler(200)} dental ${filler(50)} apprenticeships ${filler(200)}`;
    const at = (w: string) => item.split(/\s+/).indexOf(w);
    const anchors = [{ id: 'item', location: at('dental') - 2 }, { id: 'next', location: at('apprenticeships') + 5 }];
    expect(findSpan(places(item, 'dental apprenticeships', anchors))).toMatchObject({ together: true, anchor: 'item' });
    expect(findSpan(places(item, 'dental apprenticeships'))).toMatchObject({ together: false });
    expect(findSpan(places(item, 'dental apprenticeships', [], { record: true }))).toMatchObject({ together: true });
  });

  it('a word of the page’s title stands with any of its parts', () => {
    const text = `Glossary of abbreviations. ${filler(150)} CiC Children in Care. ${filler(50)}`;
    const at = text.split(/\s+/).indexOf('CiC');
    expect(findSpan(places(text, 'glossary cic', [{ id: 'abbr-cic', location: at }]))).toMatchObject({ together: true, anchor: 'abbr-cic' });
  });

  it('takes a word holding two searched words ("mini-trust") for both', () => {
    expect(findSpan(places(`Page. ${filler(10)} the CiC mini-trust reports`, 'mini trust'))).toMatchObject({ together: true });
  });

  it('a single word is always together; no match at all gives nothing', () => {
    expect(findSpan(places(`Page. ${filler(100)} dental`, 'dental'))).toMatchObject({ together: true });
    expect(findSpan(places('Nothing here.', 'dental'))).toBe(null);
  });

  it('shows the words where they are together, marked, with a few words either side', () => {
    const text = `Intro. ${filler(20)} Foster carers get training on attachment. ${filler(40)}`;
    const span = findSpan(places(text, 'foster training'))!;
    const parts = spanExcerpt(text, span);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Foster', 'training']);
    expect(parts[0]?.text.startsWith('… ')).toBe(true);
    expect(parts.map((p) => p.text).join('')).toContain('Foster carers get training on attachment.');
  });
});
