/**
 * Completes Chromium's tagged PDF for PDF/UA-1 with pdf-lib: XMP metadata (dc:title,
 * dc:language, pdfuaid:part 1), DisplayDocTitle, /Lang, MarkInfo, a role map for the PDF 2.0
 * structure types Chromium writes, /Alt on every Figure, a /Contents description on every link
 * (its text on the page), tab order by structure on every page, and the PDF 1.7 header PDF/UA-1
 * is defined on. Content Chromium leaves outside the structure tree (the page numbers of its
 * footer template, page backgrounds) and the table header rows it prints again on each page
 * become artifacts (build/lib/pdf-content.ts). Links to the local print server point to the
 * published address instead. Chromium's text, tags and outline are otherwise kept.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject, type PDFPage } from 'pdf-lib';
import { ROLE_MAP, STANDARD_STRUCTURE_TYPES, pdfDateToIso, xmpMetadata } from './pdf-ua-definitions.ts';
import { printedAddress } from '../../src/lib/url.ts';
import { markUntaggedContent } from './pdf-content.ts';

export interface StructureElement {
  type: string;
  dict: PDFDict;
  /** Structure types of the ancestors, root first. */
  ancestors: string[];
}

/** Every structure element of the document, depth first in reading order. */
export function structureElements(doc: PDFDocument): StructureElement[] {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return [];
  const found: StructureElement[] = [];
  const visit = (object: PDFObject | undefined, ancestors: string[]) => {
    const resolved = object instanceof PDFRef ? doc.context.lookup(object) : object;
    if (resolved instanceof PDFArray) {
      for (let i = 0; i < resolved.size(); i += 1) visit(resolved.get(i), ancestors);
      return;
    }
    if (!(resolved instanceof PDFDict)) return; // a marked-content id
    const type = resolved.lookupMaybe(PDFName.of('S'), PDFName);
    if (!type) return; // a marked-content or object reference
    const name = type.decodeText();
    found.push({ type: name, dict: resolved, ancestors });
    visit(resolved.get(PDFName.of('K')), [...ancestors, name]);
  };
  visit(root.get(PDFName.of('K')), []);
  return found;
}

/** A text string of a dictionary, if there is one. */
export function textOf(dict: PDFDict, key: string): string | undefined {
  return dict.lookupMaybe(PDFName.of(key), PDFString, PDFHexString)?.decodeText();
}

export interface PdfUaOptions {
  title: string;
  language: string;
  /** The text alternative of each figure in reading order, as the page gives it. */
  figureAlternatives: string[];
  /** Each link of the page in reading order: its accessible name and its address (absolute). */
  links: { name: string; href: string }[];
  /** The page margins in points, where the footer template draws the page numbers. */
  margins: { top: number; bottom: number };
  /** The origin the page was printed from (the local server), and the published site if known. */
  printedFrom: string;
  siteUrl?: string | undefined;
}

/** The kids of a structure element as an array (K may be one object or an array). */
const kidsOf = (doc: PDFDocument, dict: PDFDict): PDFObject[] => {
  const k = dict.get(PDFName.of('K'));
  const resolved = k instanceof PDFRef ? doc.context.lookup(k) : k;
  return resolved instanceof PDFArray ? resolved.asArray() : resolved ? [k!] : [];
};

/** The attribute dictionaries of a structure element (its /A, one or many). */
function attributesOf(doc: PDFDocument, dict: PDFDict): PDFDict[] {
  const a = dict.lookup(PDFName.of('A'));
  const list = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
  return list.map((x) => doc.context.lookup(x)).filter((x): x is PDFDict => x instanceof PDFDict);
}

/** The value stored under a key of a number tree (the ParentTree). */
function numberTreeValue(doc: PDFDocument, node: PDFDict, key: number): PDFObject | undefined {
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums) {
    for (let i = 0; i + 1 < nums.size(); i += 2) if ((nums.lookup(i) as PDFNumber).asNumber() === key) return nums.get(i + 1);
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (const kid of kids?.asArray() ?? []) {
    const found = numberTreeValue(doc, doc.context.lookup(kid, PDFDict), key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Chromium repeats a table's header row on each page the table runs over, and tags each copy
 * again under the same TH. The first copy stays tagged; each later one is taken out of the
 * structure tree (its marked-content references and ParentTree entries) and returned, page by
 * page, to be made a pagination artifact.
 */
function untagRepeatedHeaders(doc: PDFDocument, elements: StructureElement[]): Map<string, Set<number>> {
  const repeated = new Map<string, Set<number>>();
  const columnHeaders = elements.filter((e) => e.type === 'TH' && attributesOf(doc, e.dict).some((a) => String(a.get(PDFName.of('Scope'))) === '/Column'));
  for (const th of columnHeaders) {
    let firstPage: string | undefined;
    const visit = (dict: PDFDict, inheritedPage: PDFObject | undefined) => {
      const page = dict.get(PDFName.of('Pg')) ?? inheritedPage;
      const kept: PDFObject[] = [];
      let changed = false;
      for (const kid of kidsOf(doc, dict)) {
        const resolved = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
        let mcid: number | undefined;
        let kidPage = page;
        if (resolved instanceof PDFNumber) mcid = resolved.asNumber();
        else if (resolved instanceof PDFDict && String(resolved.get(PDFName.of('Type'))) === '/MCR') {
          mcid = resolved.lookup(PDFName.of('MCID'), PDFNumber).asNumber();
          kidPage = resolved.get(PDFName.of('Pg')) ?? page;
        } else if (resolved instanceof PDFDict && resolved.get(PDFName.of('S'))) visit(resolved, page);
        if (mcid !== undefined && kidPage) {
          firstPage ??= String(kidPage);
          if (String(kidPage) !== firstPage) {
            const set = repeated.get(String(kidPage)) ?? new Set<number>();
            set.add(mcid);
            repeated.set(String(kidPage), set);
            changed = true;
            continue;
          }
        }
        kept.push(kid);
      }
      if (changed) dict.set(PDFName.of('K'), kept.length === 1 ? kept[0]! : doc.context.obj(kept));
    };
    visit(th.dict, undefined);
  }
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const parentTree = root.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  for (const page of doc.getPages()) {
    const mcids = repeated.get(page.ref.toString());
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    if (!mcids || !parentTree || key === undefined) continue;
    const entry = numberTreeValue(doc, parentTree, key);
    const array = entry instanceof PDFRef ? doc.context.lookup(entry, PDFArray) : entry;
    if (array instanceof PDFArray) for (const mcid of mcids) if (mcid < array.size()) array.set(mcid, PDFNull);
  }
  return repeated;
}

/** A page's content streams: their references, and all of them joined as one string of bytes. */
function pageContent(doc: PDFDocument, page: PDFPage): { refs: PDFRef[]; content: string } {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const refs = (resolved instanceof PDFArray ? resolved.asArray() : [contents]).filter((r): r is PDFRef => r instanceof PDFRef);
  const content = refs
    .map((ref) => {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) throw new Error('a page content stream pdf-lib cannot read');
      return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    })
    .join('\n');
  return { refs, content };
}

/**
 * Every link's annotations described by the link's text (ISO 14289-1 7.18.5), in the order of
 * the structure, which is the page's: each Link element matched to the page's link at the same
 * place, checked by its target, so a description never lands on the wrong link.
 */
function describeLinks(doc: PDFDocument, elements: StructureElement[], options: PdfUaOptions): void {
  const links = elements.filter((e) => e.type === 'Link');
  if (links.length !== options.links.length) {
    throw new Error(`${links.length} Link elements in the PDF, but the page has ${options.links.length} links`);
  }
  links.forEach((link, i) => {
    const { name, href } = options.links[i]!;
    const annotations = kidsOf(doc, link.dict)
      .map((kid) => doc.context.lookup(kid))
      .filter((kid): kid is PDFDict => kid instanceof PDFDict && String(kid.get(PDFName.of('Type'))) === '/OBJR')
      .map((objr) => doc.context.lookup(objr.get(PDFName.of('Obj')), PDFDict));
    if (!annotations.length) throw new Error(`the link “${name}” has no annotation in the PDF`);
    for (const annotation of annotations) {
      const uri = annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      const dest = annotation.get(PDFName.of('Dest'));
      const target = uri ?? (dest instanceof PDFName ? `#${dest.decodeText()}` : dest instanceof PDFString || dest instanceof PDFHexString ? `#${dest.decodeText()}` : undefined);
      const expected = target?.startsWith('#') ? decodeURIComponent(new URL(href).hash) : href;
      if (target !== expected) throw new Error(`link ${i + 1} of the PDF goes to ${target}, but the page's link ${i + 1} (“${name}”) goes to ${expected}`);
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(name));
      // A link to the print server means nothing to a reader: point it at the published page.
      if (uri?.startsWith(options.printedFrom)) {
        const address = new URL(uri);
        const published = printedAddress(`${address.pathname}${address.search}${address.hash}`, options.siteUrl);
        annotation.lookup(PDFName.of('A'), PDFDict).set(PDFName.of('URI'), PDFString.of(published));
      }
    }
  });
}

export async function makePdfUa(bytes: Uint8Array, options: PdfUaOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = doc;
  context.header = PDFHeader.forVersion(1, 7);
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.language);
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));

  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) throw new Error('the PDF has no structure tree (was it printed with tagged: true?)');
  const elements = structureElements(doc);
  const used = new Set(elements.map((e) => e.type));
  const unknown = [...used].filter((type) => !STANDARD_STRUCTURE_TYPES.has(type) && !ROLE_MAP[type]);
  if (unknown.length) throw new Error(`structure types neither standard in PDF 1.7 nor role-mapped: ${unknown.join(', ')} (add them to ROLE_MAP in build/lib/pdf-ua-definitions.ts)`);
  const roleMap = Object.fromEntries([...used].filter((type) => ROLE_MAP[type]).map((type) => [type, PDFName.of(ROLE_MAP[type]!)]));
  if (Object.keys(roleMap).length) root.set(PDFName.of('RoleMap'), context.obj(roleMap));

  const figures = elements.filter((e) => e.type === 'Figure');
  if (figures.length !== options.figureAlternatives.length) {
    throw new Error(`${figures.length} Figure elements in the PDF, but the page gave ${options.figureAlternatives.length} text alternatives`);
  }
  figures.forEach((figure, i) => {
    if (!textOf(figure.dict, 'Alt')) figure.dict.set(PDFName.of('Alt'), PDFHexString.fromText(options.figureAlternatives[i]!));
  });

  describeLinks(doc, elements, options);
  const repeated = untagRepeatedHeaders(doc, elements);
  doc.getPages().forEach((page, i) => {
    const { height } = page.getMediaBox();
    // Annotations (the links) are read in the order of the structure.
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    const { refs, content } = pageContent(doc, page);
    const [first, ...rest] = refs;
    if (!first) return;
    const marked = markUntaggedContent(content, { height, marginTop: options.margins.top, marginBottom: options.margins.bottom }, repeated.get(page.ref.toString()) ?? new Set(), `page ${i + 1}`);
    // The marked content replaces the page's stream in place, so the old one is not kept too.
    context.assign(first, context.flateStream(Buffer.from(marked.content, 'latin1')));
    for (const ref of rest) context.delete(ref);
    page.node.set(PDFName.of('Contents'), first);
  });

  const info = context.lookup(context.trailerInfo.Info, PDFDict);
  const infoText = (key: string) => textOf(info, key);
  const xmp = xmpMetadata({
    title: options.title,
    language: options.language,
    producer: infoText('Producer'),
    creatorTool: infoText('Creator'),
    createDate: pdfDateToIso(infoText('CreationDate') ?? ''),
    modifyDate: pdfDateToIso(infoText('ModDate') ?? ''),
  });
  const metadata = context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(metadata));
  return doc.save();
}
