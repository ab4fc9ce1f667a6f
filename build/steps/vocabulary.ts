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
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Vocabulary, realWordsNear, words, type VocabularyFile } from '../../src/lib/searchWords.ts';
import { formatBytes } from '../../src/lib/openData.ts';
import type { BuildStep } from '../settings.ts';

/** Pagefind's fragments begin with this signature, then the JSON. */
const SIGNATURE = 'pagefind_dcd';

export const vocabulary: BuildStep = {
  name: 'Vocabulary',
  async run(dist, settings, log) {
    const fragments = join(dist, 'pagefind', 'fragment');
    const { wordList } = settings;
    const counts = new Map<string, number>();
    const files = readdirSync(fragments).filter((f) => f.endsWith('.pf_fragment'));
    for (const file of files) {
      const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
      if (!text.startsWith(SIGNATURE)) throw new Error(`${file}: not a Pagefind fragment (the format may have changed with a new Pagefind)`);
      const page = JSON.parse(text.slice(SIGNATURE.length)) as { content: string; meta: Record<string, string> };
      for (const word of words(`${page.meta['title'] ?? ''} ${page.content}`)) counts.set(word, (counts.get(word) ?? 0) + 1);
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
    const json = JSON.stringify(vocabulary);
    writeFileSync(join(dist, 'search', 'vocabulary.json'), json);
    log.info(`Search vocabulary: ${sorted.length} words from ${files.length} pages, ${formatBytes(gzipSync(json).length)} gzip${realWordsNote}`);
  },
};
