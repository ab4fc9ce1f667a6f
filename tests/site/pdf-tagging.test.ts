/**
 * Every PDF read back by PDF.js (pdfjs-dist), an implementation independent of the ones that
 * wrote it (Chromium printed it, pdf-lib finished it): what PDF/UA-1 asks of its content
 * (ISO 14289-1 7.1: everything tagged or an artifact; 7.18.5: links described; tables whose
 * header cells are tagged once and name each value's headers), counted per PDF in one line of
 * the test output. Each PDF is read once a run; what is expected comes from the page it was
 * printed from and from the content.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../helpers/dist.ts';
import { pageTree, textsOf } from '../helpers/html.ts';
import { readCollection, readEdition } from '../helpers/content.ts';
import { ACTION_PLAN_COLUMN_KEYS } from '../../src/lib/contentSchemas.ts';
import { bare, readBack, summarize, type TaggingSummary } from '../helpers/pdf-readback.ts';

const pdfs = ['2017-20', '2008-11'].flatMap((slug) => [
  { slug, name: `halton-strategy-${slug}.pdf`, page: `/${slug}/print/`, largePrint: false },
  { slug, name: `halton-strategy-${slug}-large-print.pdf`, page: `/${slug}/print/large-print/`, largePrint: true },
]);

const summaries = new Map<string, Promise<TaggingSummary>>();
/** The PDF read back and counted, once a run however many tests ask. */
function summaryOf(pdf: (typeof pdfs)[number]): Promise<TaggingSummary> {
  let summary = summaries.get(pdf.name);
  if (!summary) {
    const columnHeaders = new Map<string, number>();
    for (const header of textsOf('th[scope="col"]', pageTree(pdf.page)).map(bare)) columnHeaders.set(header, (columnHeaders.get(header) ?? 0) + 1);
    const { columns } = readEdition(pdf.slug);
    summary = readBack(join(DIST, pdf.slug, pdf.name)).then((read) =>
      summarize(read, {
        columnHeaders,
        actionCodes: readCollection(pdf.slug, 'actions').map((a) => a.code),
        labels: ACTION_PLAN_COLUMN_KEYS.map((key) => columns[key]).filter((label): label is string => Boolean(label)),
      }),
    );
    summaries.set(pdf.name, summary);
  }
  return summary;
}

describe.each(pdfs.map((p) => [p.name, p] as const))('%s read back by PDF.js', (_name, pdf) => {
  it('shows every run of text and every painting inside tagged content or an artifact, and every tagged run is in the structure tree', async () => {
    const s = await summaryOf(pdf);
    const repeated = s.repeatedHeaders.reduce((sum, h) => sum + Math.max(0, h.inPdf - h.onPage), 0);
    console.log(
      `${pdf.name}: ${s.pages} pages, ${(statSync(join(DIST, pdf.slug, pdf.name)).size / 1024).toFixed(0)} KB; text runs ${s.textRuns}: ${s.taggedRuns} tagged, ${s.artifactRuns} artifacts, ${s.untaggedRuns.length} untagged; ` +
        `paintings untagged ${s.untaggedPaintings.length}; MCIDs outside the tree ${s.orphanMcids.length}; misnested ${s.misnested.length}; links ${s.links}: ${s.described} with /Contents, ${s.inLinkElement} by OBJR in a Link; ` +
        `column headers tagged again ${repeated}; action values with label and id as headers ${s.values - s.valuesWithoutBothHeaders.length}/${s.values}; smallest text ${s.smallestText} pt`,
    );
    expect(s.taggedRuns).toBeGreaterThan(1000);
    expect(s.untaggedRuns.slice(0, 5).map((r) => `page ${r.page}: ${r.text}`)).toEqual([]);
    expect(s.untaggedPaintings.slice(0, 5)).toEqual([]);
    expect(s.orphanMcids.slice(0, 5)).toEqual([]);
    expect(s.misnested.slice(0, 5)).toEqual([]);
  }, 180_000);

  it('embeds every font it uses, each with a map to Unicode (poppler’s pdffonts)', () => {
    const fonts = execFileSync('pdffonts', [join(DIST, pdf.slug, pdf.name)], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name, type, encoding, then emb, sub and uni as yes or no.
    for (const font of fonts) expect(font, font).toMatch(/\s+yes\s+(yes|no)\s+yes\s+\d+\s+\d+$/);
  });

  it('prints each page number as an artifact, not as content', async () => {
    expect((await summaryOf(pdf)).pageNumbersNotArtifacts).toEqual([]);
  });

  it('describes every link with /Contents holding the words it shows, in a Link element by its OBJR, going to the published site, not the print server', async () => {
    const s = await summaryOf(pdf);
    expect(s.links).toBeGreaterThan(100);
    expect(s.described).toBe(s.links);
    expect(s.inLinkElement).toBe(s.links);
    expect(s.contentsNotText.slice(0, 5)).toEqual([]);
    expect(s.linksToPrintServer.slice(0, 5)).toEqual([]);
  });

  it('tags each column header once, as the page has it, however many pages its table runs over', async () => {
    expect((await summaryOf(pdf)).repeatedHeaders).toEqual([]);
  });

  it("names, in each action value's /Headers, the header cells of its label and of its action id", async () => {
    const s = await summaryOf(pdf);
    expect(s.values).toBeGreaterThan(100);
    expect(s.valuesWithoutBothHeaders.slice(0, 10)).toEqual([]);
  });

  it.runIf(pdf.largePrint)('sets every run of text at 18 point or more, page numbers included', async () => {
    expect((await summaryOf(pdf)).smallestText).toBeGreaterThanOrEqual(18);
  });
});
