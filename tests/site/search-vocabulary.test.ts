/**
 * The search vocabulary and dictionary on the built site: the words of the index, small enough to
 * fetch, no two words glued into one, every synonym group leading somewhere, and the real English
 * words near site words that keep search from "correcting" a word into another.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, walk } from '../helpers/dist.ts';
import { attributesOf, pageTree } from '../helpers/html.ts';
import { editionSlugs, readContentFolder, readEditionFile } from '../../src/lib/contentReader.ts';
import { Vocabulary, isNumber, unpackDictionary, words, type VocabularyFile } from '../../src/lib/searchWords.ts';
import { CSV_COLUMNS } from '../../src/lib/openData.ts';

const raw = readFileSync(join(DIST, 'search/vocabulary.json'), 'utf8');
const file = JSON.parse(raw) as VocabularyFile;
const vocabulary = new Vocabulary(file);

/** Every page of the built index as Pagefind stored it (its fragment). */
const indexedPages = (): { url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string>; anchors: { id: string }[] }[] => {
  const fragments = join(DIST, 'pagefind/fragment');
  return readdirSync(fragments).map((f) => JSON.parse(gunzipSync(readFileSync(join(fragments, f))).toString('utf8').replace(/^pagefind_dcd/, '')));
};

describe('search vocabulary', () => {
  it('lists each word of the index once, sorted, with how often it occurs', () => {
    const list = file.words.split(' ');
    expect(list).toEqual([...new Set(list)].sort());
    expect(file.counts).toHaveLength(list.length);
    expect(file.counts.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(file.pages).toBe(readdirSync(join(DIST, 'pagefind/fragment')).length);
    for (const word of ['apprenticeships', 'tenancy', 'therapeutic', 'go4ward', 'iha']) expect(vocabulary.count(word)).toBeGreaterThan(0);
  });

  it('glues no two words into one: each word of the index is in the site’s sources, or is no two index words joined', () => {
    // Pagefind runs together the text of elements it takes as inline (table cells, a definition
    // list's terms and descriptions): "attendTimescale" would hide "attend" from search.
    const sources = new Set(
      [...walk(join(ROOT, 'content')), ...walk(join(ROOT, 'src'))].filter((f) => /\.(ya?ml|mdx?|astro|ts)$/.test(f)).flatMap((f) => words(readFileSync(f, 'utf8'))),
    );
    const list = file.words.split(' ');
    const glued = list.filter(
      (w) => w.length >= 8 && !isNumber(w) && !sources.has(w) && [...Array(w.length - 7).keys()].some((i) => vocabulary.counts.has(w.slice(0, i + 4)) && vocabulary.counts.has(w.slice(i + 4))),
    );
    expect(glued).toEqual([]);
  });

  it('holds no chrome: a word of the footer only as often as pages use it in their own text', () => {
    expect(vocabulary.count('telephone')).toBeLessThan(10);
  });

  it('is small once compressed (it counts in the first search that needs it)', () => {
    expect(gzipSync(raw).length).toBeLessThan(16 * 1024);
  });

  it('the search page carries the dictionary, and every synonym group and glossary expansion can be found', () => {
    const page = pageTree('/search/');
    // The parser decodes the attribute's character references.
    const dictionary = unpackDictionary(JSON.parse(attributesOf('[data-dictionary]', 'data-dictionary', page)[0] ?? '') as string[][]);
    expect(dictionary.length).toBeGreaterThan(20);
    // Each group leads from something people type to a wording the index holds.
    for (const group of dictionary) {
      expect(group.some((w) => w.from), JSON.stringify(group)).toBe(true);
      expect(group.some((w) => w.search && w.words.every((x) => vocabulary.knows(x))), JSON.stringify(group)).toBe(true);
    }
    expect(attributesOf('[data-vocabulary]', 'data-vocabulary', page)).toContain('/search/vocabulary.json');
  });

  it('marks a wording unused only where no page of the index holds it, its words in that order', () => {
    // The page is built from the content; the vocabulary step marks what the site's own pages say (the accessibility statement's "screen reader").
    const texts = indexedPages().map((page) => ` ${words(`${page.meta['title'] ?? ''} ${page.content}`).join(' ')} `);
    const dictionary = unpackDictionary(JSON.parse(attributesOf('[data-dictionary]', 'data-dictionary', pageTree('/search/'))[0] ?? '') as string[][]);
    const unusedButHeld = dictionary.flat().filter((w) => !w.used && texts.some((t) => t.includes(` ${w.words.join(' ')} `)));
    expect(unusedButHeld.map((w) => w.words.join(' '))).toEqual([]);
    expect(texts.some((t) => t.includes(' screen reader '))).toBe(true);
  });

  it('tells search the edition of every page of an edition, and which edition is in force', () => {
    // The filter where the page has one, else the layout's meta: the strategy in force among the first results needs both (CURRENT_AMONG_FIRST).
    const pages = indexedPages();
    const editionsDir = join(ROOT, 'content/editions');
    const editions = editionSlugs(editionsDir).map((slug) => readEditionFile(editionsDir, slug));
    const folders = new Set(editions.map((e) => e.edition));
    const ofEdition = pages.filter((p) => folders.has(p.url.split('/')[1] ?? ''));
    expect(ofEdition.length).toBeGreaterThan(200);
    const wrong = ofEdition.filter((p) => (p.filters['edition']?.[0] ?? p.meta['edition']) !== p.url.split('/')[1]).map((p) => p.url);
    expect(wrong).toEqual([]);
    // Timelines and contents pages among them, which have no edition filter.
    expect(ofEdition.some((p) => !p.filters['edition'] && p.meta['edition'])).toBe(true);
    expect(attributesOf('[data-current-edition]', 'data-current-edition', pageTree('/search/'))).toEqual([editions.find((e) => e.status === 'current')?.edition]);
  });

  it('indexes the A to Z as the site map it is, not the names it lists (each has its own page)', () => {
    const aToZ = indexedPages().find((p) => p.url === '/a-to-z/');
    expect(aToZ?.content).toMatch(/site map/i);
    // Its list is many times longer than its introduction, and none of it is indexed.
    expect(aToZ?.content.length).toBeLessThan(400);
  });

  it('indexes each column of the open data as its own item, so a query cannot find all its words in the one table', () => {
    // One anchor for the whole table made its words "together" for "each action due month by month".
    const openData = indexedPages().filter((p) => p.url.endsWith('/action-plan/open-data/'));
    expect(openData.length).toBeGreaterThan(0);
    for (const page of openData) {
      const ids = new Set(page.anchors.map((a) => a.id));
      expect(CSV_COLUMNS.filter((c) => !ids.has(`column-${c.name}`)).map((c) => c.name)).toEqual([]);
    }
  });

  it('lists, by first letter, the real English words near site words (from the word list), each file small', () => {
    // CI installs Debian's wbritish (.ci/run): without it the build says so and writes none.
    expect(file.realWords).toBe(true);
    const dir = join(DIST, 'search/words');
    const files = readdirSync(dir);
    expect(files.length).toBeGreaterThan(20);
    for (const name of files) {
      const list = JSON.parse(readFileSync(join(dir, name), 'utf8')) as string[];
      expect(list.every((w) => w[0] === name[0] && !vocabulary.knows(w) && vocabulary.nearest(w, 1).length > 0), name).toBe(true);
      expect(gzipSync(JSON.stringify(list)).length, name).toBeLessThan(8 * 1024);
    }
    // Real words the site lacks, near site words: never to be corrected into them.
    const b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')) as string[];
    expect(b).toContain('bullying');
    expect(vocabulary.nearest('bullying')[0]?.word).toBe('building');
    // A misspelling is no English word.
    expect(existsSync(join(dir, 'a.json')) && (JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as string[]).includes('apprentiships')).toBe(false);
  });

  it('every reviewed synonym says why it is there', () => {
    for (const { id, data: entry } of readContentFolder('synonyms', join(ROOT, 'content/synonyms'))) {
      const name = `${id}.yaml`;
      expect(entry.why.length, name).toBeGreaterThan(20);
      // The strategy's words are the strategy's: each is in the index.
      for (const term of entry.strategy) expect(words(term).every((w) => vocabulary.knows(w)), `${name}: ${term}`).toBe(true);
    }
  });
});
