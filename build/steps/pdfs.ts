/**
 * The first post-build step (build/integration.ts): prints each edition's print pages to tagged
 * PDFs with headless Chromium, completes each for PDF/UA-1 (build/lib/pdf-ua.ts), then fills
 * each PDF link's size into the built pages, or removes links to PDFs that could not be made,
 * so no page links to a missing file.
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium. Where Chromium is missing the build goes on
 * without PDFs and says so in one line. A print that fails is tried once more
 * on a fresh page; a second failure fails the build, naming the PDF and Chromium's reason.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { BuildSettings, BuildStep } from '../settings.ts';
import { CHROMIUM_FLAGS } from '../lib/chromium.ts';
import { serve } from '../lib/static-server.ts';
import { inDist, printedEditions, toolStep } from '../lib/built-site.ts';
import { linkFilesInPages } from '../lib/file-links.ts';
import { makePdfUa } from '../lib/pdf-ua.ts';
import { retryOnce } from '../lib/retry.ts';
import { formatPaths } from '../../src/lib/paths.ts';

interface PrintJob {
  /** The print page, and the PDF made from it, as paths inside the built folder. */
  page: string;
  file: string;
}

/** Every edition's print and large print pages, and their PDFs. */
const printJobs = (dist: string): PrintJob[] =>
  printedEditions(dist).flatMap((edition) => [
    { page: inDist(formatPaths.print(edition)), file: inDist(formatPaths.pdf(edition)) },
    { page: inDist(formatPaths.largePrint(edition)), file: inDist(formatPaths.largePrintPdf(edition)) },
  ]);

const MM = 72 / 25.4;
/** The page margins; the footer template draws the page numbers in the bottom one. */
const margins = { top: 18, bottom: 20, left: 15, right: 15 };

/** The page numbers at the foot of each page: 18 point in large print, like its text. */
const footerTemplate = (largePrint: boolean) =>
  `<div style="font-size:${largePrint ? 18 : 9}pt;width:100%;text-align:center;font-family:sans-serif">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/** One print edition as a PDF/UA PDF, on a page of its own (closed whatever happens). */
async function printPdf(browser: Browser, address: string, file: string, siteUrl: string | undefined): Promise<Uint8Array> {
  const largePrint = file.endsWith('-large-print.pdf');
  const page = await browser.newPage();
  try {
    await page.goto(address, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // The PDF's title is the strategy's own, not the web page's. Each figure Chromium tags is
    // given the text alternative the page gives it (its name, or the words it holds), in order.
    // Each link Chromium tags, with its accessible name for the PDF's /Contents, in order.
    const { title, figures, links } = await page.evaluate((suffix) => {
      document.title = `${document.querySelector('h1')?.textContent?.trim() ?? document.title}${suffix}`;
      const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
      const tagged = [...document.querySelectorAll<HTMLElement>('figure, img:not([alt=""]), [role="img"], [role="figure"]')].filter(
        (el) => el.checkVisibility() && !el.closest('[aria-hidden="true"]'),
      );
      const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => a.checkVisibility() && !a.closest('[aria-hidden="true"]'));
      return {
        title: document.title,
        figures: tagged.map((el) => squash(el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? el.innerText)),
        links: links.map((a) => ({ name: squash(a.getAttribute('aria-label') ?? a.innerText), href: a.href })),
      };
    }, largePrint ? ' (large print)' : '');
    const printed = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(largePrint),
      margin: { top: `${margins.top}mm`, bottom: `${margins.bottom}mm`, left: `${margins.left}mm`, right: `${margins.right}mm` },
    });
    return await makePdfUa(printed, {
      title,
      language: await page.evaluate(() => document.documentElement.lang),
      figureAlternatives: figures,
      links,
      margins: { top: margins.top * MM, bottom: margins.bottom * MM },
      printedFrom: new URL(address).origin,
      siteUrl,
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}

async function printPdfs(dist: string, jobs: readonly PrintJob[], settings: BuildSettings): Promise<void> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: settings.chromiumPath, args: [...CHROMIUM_FLAGS] });
  const { server, url } = await serve(dist);
  try {
    for (const job of jobs) {
      const pdf = await retryOnce(`Printing ${job.file}`, () => printPdf(browser, new URL(job.page, url).href, job.file, settings.siteUrl));
      writeFileSync(join(dist, job.file), pdf);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

export const pdfs: BuildStep = {
  name: 'PDFs',
  async run(dist, settings, log) {
    const jobs = printJobs(dist);
    await toolStep(log, {
      name: 'PDFs',
      missing: existsSync(settings.chromiumPath) ? null : `no Chromium at ${settings.chromiumPath} (install Debian's chromium, or set CHROMIUM_PATH); pages will not link to PDFs.`,
      make: () => printPdfs(dist, jobs, settings),
      made: jobs.map((j) => j.file),
    });
    linkFilesInPages(dist, 'pdf', jobs.map((j) => j.file));
  },
};
