/**
 * Every cross-reference check of `findContentProblems`, one row each: a small valid content set,
 * one slip made to it, and the message an editor gets (file and field named). The valid set
 * itself must give no problem, or every row below would pass for the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import { findContentProblems, localId, type ContentSet } from '../../src/lib/integrity.ts';

/** One edition with one theme, two actions, one lead, one chapter and one quote: all consistent. */
function validSet(): ContentSet {
  return {
    editions: [{ id: '2017-20', filePath: 'content/editions/2017-20/edition.yaml', data: { edition: '2017-20' } }],
    chapters: [{ id: '2017-20/foreword', filePath: 'content/editions/2017-20/chapters/foreword.mdx', data: { edition: '2017-20' } }],
    themes: [
      { id: '2017-20/p1', filePath: 'content/editions/2017-20/themes/p1.yaml', data: { edition: '2017-20', code: 'P1', number: 1, slug: '1' } },
      { id: '2017-20/p2', filePath: 'content/editions/2017-20/themes/p2.yaml', data: { edition: '2017-20', code: 'P2', number: 2, slug: '2' } },
    ],
    actions: [
      { id: '2017-20/p1-a1', filePath: 'content/editions/2017-20/actions/p1-a1.yaml', data: { edition: '2017-20', code: 'P1-A1', theme: 'p1', leads: ['fostering'] } },
      { id: '2017-20/p1-a2', filePath: 'content/editions/2017-20/actions/p1-a2.yaml', data: { edition: '2017-20', code: 'P1-A2', theme: 'p1', leads: ['fostering'], splitFrom: 'P1-A1' } },
    ],
    leads: [{ id: '2017-20/fostering', filePath: 'content/editions/2017-20/leads/fostering.yaml', data: { edition: '2017-20' } }],
    promises: [],
    principles: [],
    quotes: [{ id: '2017-20/friendship', filePath: 'content/editions/2017-20/quotes/friendship.yaml', data: { edition: '2017-20', chapter: 'foreword' } }],
    figures: [],
  };
}

type Slip = (content: ContentSet) => void;
const firstAction = (content: ContentSet) => content.actions[0]!.data;

const cases: { check: string; slip: Slip; message: string }[] = [
  {
    check: 'an entry whose edition field is not its folder',
    slip: (c) => { c.figures.push({ id: '2017-20/children', filePath: 'content/editions/2017-20/figures/children.yaml', data: { edition: '2008-11' } }); },
    message: 'content/editions/2017-20/figures/children.yaml: field "edition" is "2008-11" but the file is in the folder of edition "2017-20"',
  },
  {
    check: 'an entry in a folder with no edition.yaml',
    slip: (c) => { c.figures.push({ id: '2030-33/children', filePath: 'content/editions/2030-33/figures/children.yaml', data: { edition: '2030-33' } }); },
    message: 'content/editions/2030-33/figures/children.yaml: field "edition": edition "2030-33" has no edition.yaml',
  },
  {
    check: 'an action naming a theme that does not exist',
    slip: (c) => { firstAction(c).theme = 'p13'; },
    message: 'content/editions/2017-20/actions/p1-a1.yaml: field "theme": there is no theme "p13" in edition 2017-20',
  },
  {
    check: "an action whose code does not start with its theme's code",
    slip: (c) => { firstAction(c).theme = 'p2'; },
    message: 'content/editions/2017-20/actions/p1-a1.yaml: field "code": "P1-A1" should start with its theme\'s code "P2-"',
  },
  {
    check: 'an action whose code is not its file name',
    slip: (c) => { c.actions[1]!.data.code = 'P1-A3'; },
    message: 'content/editions/2017-20/actions/p1-a2.yaml: field "code": "P1-A3" must match the file name (p1-a3.yaml), because the id is the public anchor',
  },
  {
    check: 'two actions with one code',
    slip: (c) => { c.actions.push({ id: '2017-20/p1-a1', filePath: 'content/editions/2017-20/actions/copy/p1-a1.yaml', data: { edition: '2017-20', code: 'P1-A1', theme: 'p1', leads: ['fostering'] } }); },
    message: 'content/editions/2017-20/actions/copy/p1-a1.yaml: field "code": "P1-A1" is also used by content/editions/2017-20/actions/p1-a1.yaml',
  },
  {
    check: 'an action naming a lead that does not exist',
    slip: (c) => { firstAction(c).leads.push('virtual-school'); },
    message: 'content/editions/2017-20/actions/p1-a1.yaml: field "leads": there is no lead "virtual-school" in edition 2017-20',
  },
  {
    check: 'an action split from an action that does not exist',
    slip: (c) => { c.actions[1]!.data.splitFrom = 'P1-A9'; },
    message: 'content/editions/2017-20/actions/p1-a2.yaml: field "splitFrom": there is no action "P1-A9" in edition 2017-20',
  },
  {
    check: 'a lead that no action names',
    slip: (c) => { c.leads.push({ id: '2017-20/irm-service', filePath: 'content/editions/2017-20/leads/irm-service.yaml', data: { edition: '2017-20' } }); },
    message: 'content/editions/2017-20/leads/irm-service.yaml: no action names this lead in its field "leads"',
  },
  {
    check: 'a quote placed in a chapter that does not exist',
    slip: (c) => { c.quotes[0]!.data.chapter = 'afterword'; },
    message: 'content/editions/2017-20/quotes/friendship.yaml: field "chapter": there is no chapter "afterword" in edition 2017-20',
  },
  {
    check: 'two themes with one number',
    slip: (c) => { c.themes[1]!.data.number = 1; },
    message: 'content/editions/2017-20/themes/p2.yaml: field "number": 1 is also used by content/editions/2017-20/themes/p1.yaml',
  },
];

describe('findContentProblems', () => {
  it('finds nothing wrong in a consistent set', () => {
    expect(findContentProblems(validSet())).toEqual([]);
  });

  it.each(cases)('names the file and the field for $check', ({ slip, message }) => {
    const content = validSet();
    slip(content);
    expect(findContentProblems(content)).toEqual([message]);
  });

  it('names an entry by its id where it has no file path', () => {
    const content = validSet();
    delete content.quotes[0]!.filePath;
    content.quotes[0]!.data.chapter = 'afterword';
    expect(findContentProblems(content)).toEqual(['2017-20/friendship: field "chapter": there is no chapter "afterword" in edition 2017-20']);
  });

  it('checks a lead across editions: a lead of one edition is not found from another', () => {
    const content = validSet();
    content.editions.push({ id: '2008-11', data: { edition: '2008-11' } });
    content.themes.push({ id: '2008-11/sm', data: { edition: '2008-11', code: 'SM', number: 1, slug: 'sm' } });
    content.actions.push({ id: '2008-11/sm-a1', filePath: 'content/editions/2008-11/actions/sm-a1.yaml', data: { edition: '2008-11', code: 'SM-A1', theme: 'sm', leads: ['fostering'] } });
    expect(findContentProblems(content)).toEqual(['content/editions/2008-11/actions/sm-a1.yaml: field "leads": there is no lead "fostering" in edition 2008-11']);
  });
});

describe('localId', () => {
  it.each([
    ['2017-20/p4-a2', 'p4-a2'],
    ['2008-11/ea-a3', 'ea-a3'],
    ['p4-a2', 'p4-a2'],
  ])('%s is %s within its edition', (id, local) => {
    expect(localId(id)).toBe(local);
  });
});
