/** The pure parts of the PDF/UA step, the documents' source, the print retry and the printed address. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ROLE_MAP, STANDARD_STRUCTURE_TYPES, pdfDateToIso, standardType, xmpMetadata } from '../../build/lib/pdf-ua-definitions.ts';
import { documentSource, tablePerGroup } from '../../build/lib/document-source.ts';
import { addressToPrint, printedAddress } from '../../src/lib/url.ts';
import { makePdfUa, structureElements, textOf } from '../../build/lib/pdf-ua.ts';
import { xmpOf } from '../helpers/pdf.ts';
import { wordsOf } from '../helpers/dist.ts';
import { parse, selectAll, textsOf } from '../helpers/html.ts';
import { retryOnce } from '../../build/lib/retry.ts';

describe('XMP metadata for PDF/UA-1', () => {
  it('is well-formed and holds the title, language and pdfuaid:part 1, escaped', () => {
    const xmp = xmpMetadata({ title: 'Children & care <2017-20>', language: 'en-GB', producer: 'Skia/PDF m156', createDate: '2026-11-30T16:00:00Z' });
    expect(() => SyntaxValidator.validate(xmp)).not.toThrow();
    const description = new XMLParser({ ignoreAttributes: false }).parse(xmp)['x:xmpmeta']['rdf:RDF']['rdf:Description'];
    expect(description['dc:title']['rdf:Alt']['rdf:li']['#text']).toBe('Children & care <2017-20>');
    expect(description['dc:language']['rdf:Bag']['rdf:li']).toBe('en-GB');
    expect(description['pdfuaid:part']).toBe(1);
    expect(description['@_xmlns:pdfuaid']).toBe('http://www.aiim.org/pdfua/ns/id/');
    expect(description['pdf:Producer']).toBe('Skia/PDF m156');
    expect(description['xmp:ModifyDate']).toBeUndefined();
  });

  it('reads PDF dates as ISO 8601', () => {
    expect(pdfDateToIso("D:20261130163101+00'00'")).toBe('2026-11-30T16:31:01+00:00');
    expect(pdfDateToIso('D:20261130163101Z')).toBe('2026-11-30T16:31:01Z');
    expect(pdfDateToIso('D:2026')).toBe('2026-01-01T00:00:00Z');
    expect(pdfDateToIso('yesterday')).toBeUndefined();
  });

  it('maps every PDF 2.0 type it knows to a PDF 1.7 standard type, and never remaps a standard one', () => {
    for (const [from, to] of Object.entries(ROLE_MAP)) {
      expect(STANDARD_STRUCTURE_TYPES.has(from), from).toBe(false);
      expect(STANDARD_STRUCTURE_TYPES.has(to), to).toBe(true);
    }
    expect(standardType('Strong')).toBe('Span');
    expect(standardType('H3')).toBe('H3');
    expect(standardType('Marquee')).toBeUndefined();
  });
});

/** A tagged PDF as Chromium writes one, in miniature: Document > (H1, Strong, Figure). */
async function taggedPdf(types: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const { context } = doc;
  const root = context.obj({ Type: 'StructTreeRoot' });
  const rootRef = context.register(root);
  const document = context.obj({ Type: 'StructElem', S: 'Document', P: rootRef });
  const documentRef = context.register(document);
  document.set(PDFName.of('K'), context.obj(types.map((S) => context.register(context.obj({ Type: 'StructElem', S, P: documentRef })))));
  root.set(PDFName.of('K'), documentRef);
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  return doc.save();
}

const noLinks = { links: [], margins: { top: 51, bottom: 57 }, printedFrom: 'http://127.0.0.1:1' };

describe('makePdfUa', () => {
  it('adds the metadata, display title, language, marking, role map and figure text, and declares PDF 1.7', async () => {
    const bytes = await makePdfUa(await taggedPdf(['H1', 'Strong', 'Figure']), { ...noLinks, title: 'A strategy', language: 'en-GB', figureAlternatives: ['“Words” A young person'] });
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe('A strategy');
    expect(String(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle')))).toBe('true');
    expect(textOf(doc.catalog, 'Lang')).toBe('en-GB');
    expect(String(doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked')))).toBe('true');
    const xmp = xmpOf(doc);
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const roleMap = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('RoleMap'), PDFDict);
    expect(roleMap.keys().map(String)).toEqual(['/Strong']);
    const figure = structureElements(doc).find((e) => e.type === 'Figure')!;
    expect(textOf(figure.dict, 'Alt')).toBe('“Words” A young person');
  });

  it('refuses a structure type it cannot map, and figures without a text alternative each', async () => {
    await expect(makePdfUa(await taggedPdf(['Marquee']), { ...noLinks, title: 't', language: 'en-GB', figureAlternatives: [] })).rejects.toThrow(/Marquee/);
    await expect(makePdfUa(await taggedPdf(['Figure', 'Figure']), { ...noLinks, title: 't', language: 'en-GB', figureAlternatives: ['one'] })).rejects.toThrow(/2 Figure elements/);
  });
});

const page = (main: string) => `<!doctype html><html lang="en-GB"><head><title>x</title></head><body><header>Menu</header><main id="main-content"><h1>The strategy &amp; plan</h1><p class="text-lg text-muted">Print edition</p>${main}</main><footer>f</footer></body></html>`;
const head = '<thead><tr><th scope="col">Action id</th><th scope="col">Aim</th></tr></thead>';
const table = `<div class="action-tables"><p class="tables-caption">Action plan, 2017-20</p><table class="stack-table" data-group="p1"><caption class="group-caption"><a href="/2017-20/pledge/1/">1. We will help you</a></caption>${head}
<tbody data-group="p1"><tr id="p1-a1"><th scope="row" class="x"><a href="/2017-20/actions/p1-a1/">P1-A1</a></th><td>An aim</td></tr></tbody></table>
<table class="stack-table" data-group="p2"><caption class="group-caption">2. We will love you</caption>${head}<tbody data-group="p2"><tr id="p2-a1"><th scope="row">P2-A1</th><td>Another</td></tr></tbody></table></div>`;

describe('documentSource', () => {
  it('takes the main content, the h1 as title, drops the web label, keeps the language', () => {
    const source = documentSource(page('<h2 id="c">Foreword</h2><p>Words</p>'));
    expect(source.title).toBe('The strategy & plan');
    expect(source.language).toBe('en-GB');
    expect(source.html).toContain('<html lang="en-GB">');
    expect(source.html).toContain('<title>The strategy &amp; plan</title>');
    const tree = parse(source.html);
    expect(selectAll('h1, header, footer', tree)).toEqual([]);
    for (const chrome of ['Print edition', 'Menu']) expect(wordsOf(tree)).not.toContain(chrome);
    expect(source.html).toContain('<h2 id="c">Foreword</h2>');
  });

  it('makes links to the site absolute with SITE_URL, plain text without it, and keeps other links', () => {
    const main = '<p><a href="/2017-20/actions/p1-a1/">P1-A1</a> <a href="#c">up</a> <a href="https://example.org/">out</a></p><div class="table-scroll" role="region" aria-labelledby="cap" tabindex="0"></div>';
    expect(documentSource(page(main)).html).toContain('<p>P1-A1 <a href="#c">up</a> <a href="https://example.org/">out</a></p><div class="table-scroll"></div>');
    expect(documentSource(page(main), { siteUrl: 'https://strategy.example.gov.uk' }).html).toContain('<a href="https://strategy.example.gov.uk/2017-20/actions/p1-a1/">P1-A1</a>');
  });

  it('refuses a page without main, h1 or language', () => {
    expect(() => documentSource('<html><body><p>x</p></body></html>')).toThrow(/<main>/);
  });
});

describe('tablePerGroup', () => {
  it('makes each statement’s caption a heading over its table, with the header row repeated', () => {
    const html = tablePerGroup(table, 3);
    const tree = parse(html);
    // Two tables, with none of the web page's attributes, each with the header row.
    expect(selectAll('table', tree).map((t) => t.properties)).toEqual([{}, {}]);
    expect(selectAll('thead', tree).map((thead) => textsOf('tr > th[scope="col"]', thead))).toEqual([['Action id', 'Aim'], ['Action id', 'Aim']]);
    expect(html).toContain('<h3><a href="/2017-20/pledge/1/">1. We will help you</a></h3>\n<table><thead>');
    expect(html).toContain('<h3>2. We will love you</h3>');
    expect(selectAll('caption, [data-group]', tree)).toEqual([]);
    expect(html.indexOf('P1-A1')).toBeLessThan(html.indexOf('2. We will love you'));
    expect(html).toContain('<th scope="row">P2-A1</th>');
  });

  it('turns row headers into cells for writers that drop them, and leaves an ungrouped table whole but for its markup', () => {
    expect(tablePerGroup(table, 3, false)).toContain('<td>P2-A1</td>');
    const single = '<table class="stack-table"><caption>C</caption><thead><tr><th scope="col">A</th></tr></thead><tbody data-group="x"><tr><th scope="row">X-A1</th></tr></tbody></table>';
    expect(tablePerGroup(single, 3)).toBe('<table><caption>C</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><th scope="row">X-A1</th></tr></tbody></table>');
  });
});

describe('retryOnce', () => {
  it('tries again once, on a fresh attempt, and returns the second result', async () => {
    const tries: number[] = [];
    const result = await retryOnce('Printing a.pdf', async (n) => {
      tries.push(n);
      if (n === 1) throw new Error('page.pdf: Protocol error (Page.printToPDF): Printing failed');
      return 'pdf';
    });
    expect(result).toBe('pdf');
    expect(tries).toEqual([1, 2]);
  });

  it('fails after the second failure, naming what failed and the reason', async () => {
    await expect(
      retryOnce('Printing 2017-20/halton-strategy-2017-20.pdf', async () => {
        throw new Error('page.pdf: Protocol error (Page.printToPDF): Printing failed\n    at stack');
      }),
    ).rejects.toThrow(/^Printing 2017-20\/halton-strategy-2017-20\.pdf failed twice: page\.pdf: Protocol error \(Page\.printToPDF\): Printing failed$/);
  });
});

describe('printedAddress', () => {
  it('is the published address with SITE_URL, the path without, never localhost', () => {
    expect(printedAddress('/2017-20/print/', 'https://strategy.example.gov.uk')).toBe('https://strategy.example.gov.uk/2017-20/print/');
    expect(printedAddress('/strategy/2017-20/print/', undefined)).toBe('/strategy/2017-20/print/');
    expect(printedAddress('/2017-20/print/', '')).toBe('/2017-20/print/');
  });
});

describe('addressToPrint', () => {
  it('prints the address of a link to another site whose words are not its address', () => {
    expect(addressToPrint('the Children in Care Council', 'http://haltoncicc.co.uk/')).toBe('http://haltoncicc.co.uk/');
  });
  it('prints nothing when the words are the address, with or without scheme and final slash, or for a site link', () => {
    expect(addressToPrint('http://haltoncicc.co.uk/', 'http://haltoncicc.co.uk/')).toBeUndefined();
    expect(addressToPrint(' haltoncicc.co.uk ', 'http://haltoncicc.co.uk/')).toBeUndefined();
    expect(addressToPrint('HTTPS://Example.org', 'https://example.org/')).toBeUndefined();
    expect(addressToPrint('Leads', '/2017-20/leads/')).toBeUndefined();
  });
});
