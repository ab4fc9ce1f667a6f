/**
 * Prints each edition's print pages to tagged PDFs with headless Chromium, after `astro build`
 * and before Pagefind. Then fills each PDF link's size into the built pages, or removes links
 * to PDFs that could not be made, so no page links to a missing file.
 *
 * Run by `npm run build`. CHROMIUM_PATH overrides /usr/bin/chromium. Where Chromium is missing
 * the build goes on without PDFs and says so in one line.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './lib/static-server.ts';
import { formatPaths } from '../src/lib/paths.ts';
import { formatBytes } from '../src/lib/openData.ts';

const dist = process.env['OUT_DIR'] ?? 'dist';
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const editions = readdirSync(dist).filter((name) => existsSync(join(dist, name, 'print', 'index.html')));

const relative = (path: string) => path.replace(/^\//, '');
const jobs = editions.flatMap((edition) => [
  { page: relative(formatPaths.print(edition)), file: relative(formatPaths.pdf(edition)) },
  { page: relative(formatPaths.largePrint(edition)), file: relative(formatPaths.largePrintPdf(edition)) },
]);

async function printPdfs(): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const { server, url } = await serve(dist);
  try {
    for (const job of jobs) {
      const page = await browser.newPage();
      await page.goto(new URL(job.page, url).href, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      // The PDF's title is the strategy's own, not the web page's.
      await page.evaluate((suffix) => {
        document.title = `${document.querySelector('h1')?.textContent?.trim() ?? document.title}${suffix}`;
      }, job.file.endsWith('-large-print.pdf') ? ' (large print)' : '');
      await page.pdf({
        path: join(dist, job.file),
        format: 'A4',
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center;font-family:sans-serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
        margin: { top: '18mm', bottom: '20mm', left: '15mm', right: '15mm' },
      });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : path.endsWith('.html') ? [path] : [];
  });
}

function linkPdfsInPages(): void {
  const sizes = new Map(jobs.filter((j) => existsSync(join(dist, j.file))).map((j) => [j.file, formatBytes(statSync(join(dist, j.file)).size)]));
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pdf-link=')) continue;
    const updated = html.replace(/<li data-pdf-link="([^"]+)">([\s\S]*?)<\/li>/g, (_, pdf: string, inner: string) => {
      const found = sizes.get(pdf);
      // The marker stays, so the step can run again on built pages.
      return found ? `<li data-pdf-link="${pdf}">${inner.replace(/<span data-pdf-size>[^<]*<\/span>/, `<span data-pdf-size>${found}</span>`)}</li>` : '';
    });
    writeFileSync(file, updated);
  }
}

if (!existsSync(chromiumPath)) {
  console.log(`PDFs not built: no Chromium at ${chromiumPath} (install Debian's chromium, or set CHROMIUM_PATH); pages will not link to PDFs.`);
} else {
  const started = Date.now();
  await printPdfs();
  console.log(`PDFs built: ${jobs.map((j) => j.file).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
linkPdfsInPages();
