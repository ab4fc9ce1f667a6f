/**
 * After Pagefind: the site's vocabulary, every word of the search index with how often it
 * occurs, for the search page's "Did you mean". Read from Pagefind's own fragments (the text it
 * indexed for each page, gzip-compressed JSON after a signature), so it holds exactly the words
 * a search can find. Written as `search/vocabulary.json`: plain JSON that every host compresses
 * (nginx.conf gzips application/json), fetched by the search page only when a query word may
 * not be in it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { words, type VocabularyFile } from '../src/lib/searchWords.ts';
import { formatBytes } from '../src/lib/openData.ts';

const dist = process.env['OUT_DIR'] ?? 'dist';
const fragments = join(dist, 'pagefind', 'fragment');
const SIGNATURE = 'pagefind_dcd';

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
const json = JSON.stringify(vocabulary);
writeFileSync(join(dist, 'search', 'vocabulary.json'), json);
console.log(`Search vocabulary: ${sorted.length} words from ${files.length} pages, ${formatBytes(gzipSync(json).length)} gzip`);
