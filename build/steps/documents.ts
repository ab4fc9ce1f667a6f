/**
 * The second post-build step (build/integration.ts): the OpenDocument (.odt), Word (.docx) and
 * EPUB 3 editions of each edition, written by pandoc from the built print edition
 * (build/lib/document-source.ts); each EPUB then completed for EPUB Accessibility
 * (build/lib/epub-accessibility.ts: metadata, navigation, chapter titles, and the edition's own
 * identifier and date); then each document link in the built pages gets its file's size, or is
 * removed when no file was made.
 *
 * PANDOC_PATH overrides `pandoc` on the PATH. Without pandoc the build goes on without
 * documents and says so in one line. A pandoc failure fails the build, naming
 * the file and pandoc's reason.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { BuildSettings, BuildStep } from '../settings.ts';
import { linkFilesInPages } from '../lib/file-links.ts';
import { inDist, printedEditions, toolStep } from '../lib/built-site.ts';
import { documentSource } from '../lib/document-source.ts';
import { formatPaths } from '../../src/lib/paths.ts';
import { readEditionFile } from '../../src/lib/contentReader.ts';
import { accessibilityMetadata, completeNav, completePackage, epubContent, epubIdentifier, titleFromHeading } from '../lib/epub-accessibility.ts';

const formats = ['odt', 'docx', 'epub'] as const;

async function buildDocuments(dist: string, editions: readonly string[], settings: BuildSettings): Promise<void> {
  const { pandocPath: pandoc, siteUrl, contentDir } = settings;
  const work = mkdtempSync(join(tmpdir(), 'documents-'));
  try {
    const jobs = editions.flatMap((edition) => {
      const page = readFileSync(join(dist, edition, 'print', 'index.html'), 'utf8');
      return formats.map((format) => {
        // pandoc's OpenDocument writer drops row header cells: there they are ordinary cells.
        const source = documentSource(page, { siteUrl, rowHeaders: format !== 'odt' });
        const input = join(work, `${edition}-${format}.html`);
        writeFileSync(input, source.html);
        return { input, format, edition, file: inDist(formatPaths[format](edition)), source };
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
          // The EPUB's identifier is the edition's (build/lib/epub-accessibility.ts), the same on every build.
          ...(job.format === 'epub' ? ['--epub-chapter-level=1', '--metadata', `identifier=${epubIdentifier(formatPaths.epub(job.edition), siteUrl)}`] : []),
        ];
        try {
          await run(pandoc, args, { maxBuffer: 16 * 1024 * 1024 });
          if (job.format === 'epub') await completeEpub(join(dist, job.file), editionDate(contentDir, job.edition), job.source.title);
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

/**
 * The edition's date for `dc:date`: the year it begins (`startYear` in its edition.yaml, as its
 * title says, "2017-20"). The strategies print no date of publication.
 */
function editionDate(contentDir: string, edition: string): string {
  return String(readEditionFile(contentDir, edition).startYear);
}

/** Completes the EPUB pandoc wrote, in place (see build/lib/epub-accessibility.ts). */
async function completeEpub(path: string, date: string, title: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const read = (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`pandoc wrote no ${name}`);
    return file.async('string');
  };
  const chapters = Object.keys(zip.files).filter((name) => /^EPUB\/text\/ch\d+\.xhtml$/.test(name)).sort();
  const nav = await read('EPUB/nav.xhtml');
  const documents = await Promise.all(chapters.map(read));
  const metadata = accessibilityMetadata(epubContent(nav, documents));
  const opf = completePackage(await read('EPUB/content.opf'), { date, metadata });
  // The navigation document's links are relative to it (EPUB/), as are the chapters'.
  const bodyStart = chapters[0]?.replace(/^EPUB\//, '');
  if (!bodyStart) throw new Error('pandoc wrote no chapters');
  // Rewritten in pandoc's order, the mimetype first and stored uncompressed, as EPUB requires.
  const out = new JSZip();
  out.file('mimetype', 'application/epub+zip', { compression: 'STORE', createFolders: false });
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name]!;
    if (name === 'mimetype' || file.dir) continue;
    const index = chapters.indexOf(name);
    const text =
      name === 'EPUB/content.opf' ? opf
      : name === 'EPUB/nav.xhtml' ? completeNav(nav, bodyStart)
      : index >= 0 ? titleFromHeading(documents[index]!, title)
      : null;
    out.file(name, text ?? (await file.async('uint8array')), { compression: 'DEFLATE', createFolders: false });
  }
  writeFileSync(path, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export const documents: BuildStep = {
  name: 'Documents',
  async run(dist, settings, log) {
    const editions = printedEditions(dist);
    const files = editions.flatMap((edition) => formats.map((format) => inDist(formatPaths[format](edition))));
    await toolStep(log, {
      name: 'Documents',
      missing: spawnSync(settings.pandocPath, ['--version']).status === 0 ? null : `no pandoc at ${settings.pandocPath} (install Debian's pandoc, or set PANDOC_PATH); pages will not link to ODT, Word or EPUB files.`,
      make: () => buildDocuments(dist, editions, settings),
      made: files,
    });
    linkFilesInPages(dist, 'doc', files);
  },
};
