/** Reading a built PDF back: its words by position (poppler), and its structure and metadata (pdf-lib). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select } from 'hast-util-select';
import { decodeEntities, wordsOf } from './dist.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Each page's lines of words, top to bottom, without the page footer. */
export function pageLines(file: string, footerHeight = 57): string[][] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const height = Number(page[1]);
    const words = [...page[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((w) => ({ x: Number(w[1]), top: Number(w[2]), bottom: Number(w[3]), text: decodeEntities(w[4]!) }))
      // The footer (page numbers) sits in the bottom margin, 20 mm = 57 pt.
      .filter((w) => w.top < height - footerHeight);
    // Words whose baselines are within 2 pt share a line.
    words.sort((a, b) => (Math.abs(a.bottom - b.bottom) > 2 ? a.bottom - b.bottom : a.x - b.x));
    const lines: { bottom: number; words: string[] }[] = [];
    for (const w of words) {
      const line = lines.at(-1);
      if (line && Math.abs(line.bottom - w.bottom) <= 2) line.words.push(w.text);
      else lines.push({ bottom: w.bottom, words: [w.text] });
    }
    return lines.map((l) => squash(l.words.join(' ')));
  });
}

/**
 * The pages whose last lines are a heading and nothing else, or the first lines of a heading
 * that goes on over the page: a heading left at the foot of a page, apart from what it heads.
 * (A page's text merely ending with a heading's words is not enough: "CL" ends many an action
 * plan cell.)
 */
export function pagesEndingWithHeading(lines: string[][], headings: string[]): { page: number; heading: string }[] {
  const bare = (t: string) => t.replace(/\s+/g, '');
  const wanted = new Set(headings.map(bare));
  return lines.flatMap((page, i) => {
    for (let k = 1; k <= Math.min(4, page.length); k += 1) {
      const tail = bare(page.slice(-k).join(''));
      const split = tail.length >= 12 && [...wanted].some((h) => h.length > tail.length && h.startsWith(tail));
      if (wanted.has(tail) || split) return [{ page: i + 1, heading: page.slice(-k).join(' ') }];
    }
    return [];
  });
}

/** What a print page presents as a heading: h1-h6, table captions, statement rows, glossary terms. */
const PRINT_HEADINGS = 'h1, h2, h3, h4, h5, h6, caption, dt, th[scope="rowgroup"]';

export function printHeadings(html: string): string[] {
  const main = select('main', fromHtml(html));
  const headings: string[] = [];
  // In reading order; what a heading holds is its words, not headings of its own.
  const visit = (node: Element) => {
    if (matches(PRINT_HEADINGS, node)) return void headings.push(wordsOf(node));
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  if (main) visit(main);
  return headings.filter(Boolean);
}

export interface PdfStructure {
  doc: PDFDocument;
  elements: { type: string; dict: PDFDict; ancestors: string[] }[];
}

/** The structure elements depth first, in reading order; read without the build's own code. */
export async function readStructure(file: string): Promise<PdfStructure> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const elements: PdfStructure['elements'] = [];
  const visit = (object: PDFObject | undefined, ancestors: string[]) => {
    const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
    if (resolved instanceof PDFArray) return resolved.asArray().forEach((kid) => visit(kid, ancestors));
    if (!(resolved instanceof PDFDict)) return;
    const type = resolved.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    if (!type) return;
    elements.push({ type, dict: resolved, ancestors });
    visit(resolved.get(PDFName.of('K')), [...ancestors, type]);
  };
  visit(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')), []);
  return { doc, elements };
}

export const text = (dict: PDFDict, key: string): string | undefined => dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)?.decodeText();

/** The attribute dictionaries of a structure element (its /A, one or many). */
export function attributes(doc: PDFDocument, dict: PDFDict): PDFDict[] {
  const a = dict.lookup(PDFName.of('A'));
  const list = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
  return list.map((x) => doc.context.lookup(x)).filter((x): x is PDFDict => x instanceof PDFDict);
}

/** The XMP metadata stream's text. */
export function xmpOf(doc: PDFDocument): string {
  const stream = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata')));
  if (!(stream instanceof PDFRawStream)) throw new Error('no /Metadata stream in the catalog');
  return new TextDecoder().decode(decodePDFRawStream(stream).decode());
}
