/**
 * After Pagefind (build/integration.ts): the site's vocabulary, every word of the search index with how often it
 * occurs, for the search page's corrections and "Did you mean". Read from Pagefind's own
 * fragments (the text it indexed for each page, gzip-compressed JSON after a signature), so it
 * holds exactly the words a search can find. Written as `search/vocabulary.json`: plain JSON
 * that every host compresses (nginx.conf gzips application/json), fetched by the search page
 * only when a query word may not be in it.
 *
 * Beside it, `search/words/<letter>.json`: the real English words near a site word, from a word
 * list (Debian's wbritish, `/usr/share/dict/british-english`; wordList names another, one word
 * a line), so that a word the site lacks but English has ("bullying") is never taken for a
 * misspelling of a site word ("building"). The page fetches one letter's file, never the list.
 * Without a word list the build says so in one line and search corrects as it can.
 *
 * Last, the search page's dictionary learns from the index which wordings the site holds: the
 * page was built from the content's words, and the site's own pages say more ("screen reader").
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Vocabulary, packDictionary, realWordsNear, unpackDictionary, usedInIndex, words, type VocabularyFile } from '../../src/lib/searchWords.ts';
import { formatBytes } from '../../src/lib/openData.ts';
import { escapeXml } from '../../src/lib/xml.ts';
import { editElements, sourceRange } from '../lib/html.ts';
import type { BuildStep } from '../settings.ts';

/** Pagefind's fragments begin with this signature, then the JSON. */
const SIGNATURE = 'pagefind_dcd';

export const vocabulary: BuildStep = {
  name: 'Vocabulary',
  async run(dist, settings, log) {
    const fragments = join(dist, 'pagefind', 'fragment');
    const { wordList } = settings;
    const counts = new Map<string, number>();
    // Each page's words in order, a space either side, to tell whether the index holds a phrase.
    const pageTexts: string[] = [];
    const files = readdirSync(fragments).filter((f) => f.endsWith('.pf_fragment'));
    for (const file of files) {
      const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
      if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (the format may have changed with a new Pagefind)`);
      const page = JSON.parse(text.slice(SIGNATURE.length)) as { content: string; meta: Record<string, string> };
      const pageWords = words(`${page.meta['title'] ?? ''} ${page.content}`);
      for (const word of pageWords) counts.set(word, (counts.get(word) ?? 0) + 1);
      pageTexts.push(` ${pageWords.join(' ')} `);
    }
    const sorted = [...counts.keys()].sort();
    const vocabulary: VocabularyFile = { pages: files.length, words: sorted.join(' '), counts: sorted.map((w) => counts.get(w) ?? 0) };

    const wordsDir = join(dist, 'search', 'words');
    rmSync(wordsDir, { recursive: true, force: true });
    let realWordsNote: string;
    if (existsSync(wordList)) {
      // One word a line; possessives ("children's") are their word.
      const english = readFileSync(wordList, 'utf8').split('\n').map((w) => w.trim().replace(/'s$/, '')).filter(Boolean);
      const near = realWordsNear(new Vocabulary(vocabulary), english);
      mkdirSync(wordsDir, { recursive: true });
      let largest = 0;
      let total = 0;
      for (const [letter, list] of near) {
        const json = JSON.stringify(list);
        writeFileSync(join(wordsDir, `${letter}.json`), json);
        largest = Math.max(largest, gzipSync(json).length);
        total += list.length;
      }
      vocabulary.realWords = true;
      realWordsNote = `; ${total} real words near them from ${wordList} (${english.length} words), ${formatBytes(largest)} gzip for the largest letter`;
    } else {
      vocabulary.realWords = false;
      realWordsNote = `; no English word list at ${wordList} (sudo apt-get install wbritish, or set wordList): search cannot tell real words from misspellings, and corrects both`;
    }
    const usedNote = markUsedWordings(join(dist, 'search', 'index.html'), (phrase) => pageTexts.some((text) => text.includes(` ${phrase.join(' ')} `)));
    const json = JSON.stringify(vocabulary);
    writeFileSync(join(dist, 'search', 'vocabulary.json'), json);
    log.info(`Search vocabulary: ${sorted.length} words from ${files.length} pages, ${formatBytes(gzipSync(json).length)} gzip${realWordsNote}${usedNote}`);
  },
};

/**
 * The search page's dictionary with each wording's `used` as the index tells it
 * (src/lib/searchWords.ts, usedInIndex): the page was built before the index, from the content's
 * words alone. Only the attribute's value is rewritten; every other byte of the page stays.
 */
function markUsedWordings(searchPage: string, indexHolds: (words: readonly string[]) => boolean): string {
  if (!existsSync(searchPage)) return '';
  const html = readFileSync(searchPage, 'utf8');
  let changed = 0;
  const edited = editElements(html, '[data-dictionary]', (element) => {
    const packed = element.properties['dataDictionary'];
    if (typeof packed !== 'string') throw new Error(`${searchPage}: data-dictionary is not text`);
    const before = unpackDictionary(JSON.parse(packed) as string[][]);
    const after = usedInIndex(before, indexHolds);
    changed = after.flat().filter((w, i) => w.used !== before.flat()[i]?.used).length;
    // The attribute as Astro wrote it, found in the element's start tag.
    const { start } = sourceRange(element);
    const name = 'data-dictionary="';
    const from = html.indexOf(name, start) + name.length;
    const to = html.indexOf('"', from);
    if (from < name.length || to < 0) throw new Error(`${searchPage}: data-dictionary is not a double-quoted attribute`);
    return [{ start: from, end: to, text: escapeXml(JSON.stringify(packDictionary(after))) }];
  });
  writeFileSync(searchPage, edited);
  return `; ${changed} wordings of the dictionary found only on the site's own pages`;
}
