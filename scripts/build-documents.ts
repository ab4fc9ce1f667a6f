/**
 * The OpenDocument (.odt), Word (.docx) and EPUB 3 editions of each edition, written by pandoc
 * from the built print edition (src/lib/documentSource.ts) after `astro build`; then each
 * document link in the built pages gets its file's size, or is removed when no file was made.
 *
 * Run by `npm run build`. PANDOC_PATH overrides `pandoc` on the PATH. Without pandoc the build
 * goes on without documents and says so in one line. A pandoc failure fails the build, naming
 * the file and pandoc's reason.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { linkFilesInPages } from './lib/file-links.ts';
import { inDist, printedEditions, toolStep } from './lib/built-site.ts';
import { documentSource } from '../src/lib/documentSource.ts';
import { formatPaths } from '../src/lib/paths.ts';

const dist = process.env['OUT_DIR'] ?? 'dist';
const pandoc = process.env['PANDOC_PATH'] ?? 'pandoc';
const editions = printedEditions(dist);
const formats = ['odt', 'docx', 'epub'] as const;
const files = editions.flatMap((edition) => formats.map((format) => inDist(formatPaths[format](edition))));

async function buildDocuments(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'documents-'));
  try {
    const jobs = editions.flatMap((edition) => {
      const page = readFileSync(join(dist, edition, 'print', 'index.html'), 'utf8');
      return formats.map((format) => {
        // pandoc's OpenDocument writer drops row header cells: there they are ordinary cells.
        const source = documentSource(page, { siteUrl: process.env['SITE_URL'], rowHeaders: format !== 'odt' });
        const input = join(work, `${edition}-${format}.html`);
        writeFileSync(input, source.html);
        return { input, format, file: inDist(formatPaths[format](edition)), source };
      });
    });
    // Two at a time: pandoc is single-threaded, the build machine has two cores.
    const queue = [...jobs];
    const run = promisify(execFile);
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const args = [
          job.input, '--from', 'html', '--to', job.format, '--output', join(dist, job.file),
          // The page's h1 is the document's title; chapters (h2) become level 1 headings.
          '--shift-heading-level-by=-1', '--metadata', `title=${job.source.title}`, '--metadata', `lang=${job.source.language}`,
          ...(job.format === 'epub' ? ['--epub-chapter-level=1'] : []),
        ];
        try {
          await run(pandoc, args, { maxBuffer: 16 * 1024 * 1024 });
        } catch (error) {
          const reason = (error as { stderr?: string }).stderr?.trim().split('\n')[0] || (error instanceof Error ? error.message : String(error));
          throw new Error(`${job.file}: ${reason}`);
        }
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await toolStep({
  name: 'Documents',
  missing: spawnSync(pandoc, ['--version']).status === 0 ? null : `no pandoc at ${pandoc} (install Debian's pandoc, or set PANDOC_PATH); pages will not link to ODT, Word or EPUB files.`,
  make: buildDocuments,
  made: files,
});
linkFilesInPages(dist, 'doc', files);
