/** Every built page is a well-formed page of this site, and the pages the strategy needs exist and say what they must. */
import { describe, expect, it } from 'vitest';
import { htmlPages, mainText, readPage, textOf, wordsOf } from '../helpers/dist.ts';
import { attribute, attributesOf, pageTree, select, selectAll, textsOf, theOne } from '../helpers/html.ts';
import { readCollection } from '../helpers/content.ts';

const pages = htmlPages();

describe('every page', () => {
  it('exists in quantity: chapters, statements, actions, leads of both editions', () => {
    expect(pages.length).toBeGreaterThan(200);
  });

  it.each(pages)('%s has one h1, a title, a description, one main, lang en-GB and a canonical URL', (path) => {
    const tree = pageTree(path);
    expect(selectAll('h1', tree)).toHaveLength(1);
    expect(textsOf('head > title', tree)).toHaveLength(1);
    expect(textsOf('head > title', tree)[0]!.length).toBeGreaterThanOrEqual(3);
    expect(attributesOf('meta[name="description"]', 'content', tree)).toEqual([expect.stringMatching(/^.{10,}$/s)]);
    expect(selectAll('main', tree)).toHaveLength(1);
    expect(attribute(theOne('html', tree), 'lang')).toBe('en-GB');
    expect(attributesOf('link[rel~="canonical"]', 'href', tree)).toEqual([expect.stringMatching(/^https?:\/\/./)]);
  });

  it('has a title no other page has', () => {
    const titles = pages.map((p) => textsOf('head > title', pageTree(p))[0]);
    const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
    expect(duplicates).toEqual([]);
  });
});

describe('the 2017-20 strategy on the site', () => {
  it('home page shows the vision, the seven promises and a way in for each reader', () => {
    const text = mainText(readPage('/'));
    expect(text).toContain('To ensure our children in care and care leavers have all the opportunities the good parents afford their children.');
    for (const promise of ['To respect and honour your identity', 'To believe in you', 'To listen to you', 'To inform you', 'To support you', 'To find you a home', 'To be a lifelong champion']) {
      expect(text).toContain(promise);
    }
    expect(text).toMatch(/If you are in care or a care leaver/);
    expect(text).toMatch(/If you are an elected member/);
    expect(text).toMatch(/If you work with children in care/);
  });

  it.each([
    ['/2017-20/foreword/', 'Councillor Tom McInerney'],
    ['/2017-20/introduction/', 'does not set out the two questions'],
    ['/2017-20/introduction/', 'Friendship leaves a warm feeling inside of you'],
    ['/2017-20/who-is-this-strategy-for/', 'first and foremost for the children and young people'],
    ['/2017-20/vision-and-aims/', 'Jonny Hoyle, Community Care, 18.5.17'],
    ['/2017-20/overview/', 'To act in the best interests, and promote the physical and mental health and well-being'],
    ['/2017-20/overview/', 'We will support you when you move on to adult life.'],
    ['/2017-20/local-profile/', '253 Children in Care (0-17yrs)'],
    ['/2017-20/local-profile/', '73% are engaged in Education, Employment or Training (EET)'],
    ['/2017-20/views-of-children-in-care-and-care-leavers/', 'give us second chances'],
    ['/2017-20/delivery-and-review/', 'A progress report will be provided to Halton Children\'s Trust on an annual basis.'],
    ['/2017-20/principles/', 'To prepare those children and young people for adulthood and independent living.'],
    ['/2017-20/pledge/', 'We will give you pocket money and explain pocket money arrangements to you at the start of your placement.'],
    ['/2017-20/pledge/6/', 'Semi Independent placements for young people over 16 will provide an Independent Living Allowance, not pocket money'],
    ['/2017-20/action-plan/', 'Halton Children in Care and Care Leavers Strategy 2017-19'],
  ])('%s shows “%s”', (path, expected) => {
    expect(mainText(readPage(path))).toContain(expected);
  });

  it('chapters have an on-page contents list where they have sections, and previous/next links', () => {
    const overview = pageTree('/2017-20/overview/');
    // The list folds away under a summary that counts its sections, the list itself right after it.
    const summary = theOne('details.on-this-page > summary:first-child', overview);
    expect(wordsOf(summary)).toMatch(/^On this page \(\d+ sections\)$/);
    expect(select('details.on-this-page > summary:first-child + nav[aria-label="On this page"]', overview)).not.toBeUndefined();
    expect(selectAll('[rel~="prev"]', overview).length).toBeGreaterThan(0);
    expect(selectAll('[rel~="next"]', overview).length).toBeGreaterThan(0);
  });

  it('action plan page has every action of the edition as a row with its own anchor', () => {
    const plan = pageTree('/2017-20/action-plan/');
    for (const action of readCollection('2017-20', 'actions')) {
      expect(selectAll(`tr[id="${action.id}"]`, plan), action.id).toHaveLength(1);
    }
  });

  it('each Pledge statement page lists exactly its actions, anchored', () => {
    const actions = readCollection('2017-20', 'actions');
    for (let n = 1; n <= 12; n += 1) {
      const anchors = attributesOf('tr[id]', 'id', pageTree(`/2017-20/pledge/${n}/`)).filter((id) => /^p\d+-a\d+$/.test(id));
      expect(anchors).toEqual(actions.filter((a) => a.theme === `p${n}`).sort((a, b) => a.order - b.order).map((a) => a.id));
    }
  });

  it('footer gives the alternative formats contact from the seed on every page', () => {
    for (const path of ['/', '/2017-20/pledge/3/', '/search/']) {
      const text = textOf(readPage(path));
      expect(text).toContain('hdl@halton.gov.uk');
      expect(text).toContain('0303 333 4300');
    }
  });

  it('has a helpful 404 page', () => {
    const text = mainText(readPage('/404.html'));
    expect(text).toContain('Page not found');
    expect(text).toContain('search the strategy');
  });

  it('does not show the image description as content', () => {
    for (const path of pages) expect(readPage(path)).not.toContain('A vibrant, circular illustration');
  });
});

describe('abbreviations', () => {
  it('the glossary lists each abbreviation with where its meaning comes from', () => {
    const text = mainText(readPage('/glossary/'));
    expect(text).toContain('Initial Health Assessment');
    expect(text).toContain('Spelt out in the strategy: “Initial Health Assessment (IHA)”');
    expect(text).toMatch(/IRM The strategy does not say what this stands for\./);
  });

  it('the action plan expands the first use on the page of an abbreviation in its cells', () => {
    for (const path of ['/2017-20/action-plan/', '/2017-20/pledge/1/']) {
      expect(textsOf('abbr[title="Children in Care and Care Leavers"]', pageTree(path)).filter((text) => text === 'CICCL'), path).toHaveLength(1);
    }
  });

  it('a chapter expands the first use of an abbreviation, and only the first', () => {
    const tree = pageTree('/2008-11/achievements/');
    expect(textsOf('abbr[title="Child and Adolescent Mental Health Services"]', tree).filter((text) => text === 'CAMHS')).toHaveLength(1);
    expect(wordsOf(tree).match(/CAMHS/g)!.length).toBeGreaterThan(1);
  });
});
