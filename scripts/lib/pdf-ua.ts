/**
 * Completes Chromium's tagged PDF for PDF/UA-1 with pdf-lib: XMP metadata (dc:title,
 * dc:language, pdfuaid:part 1), DisplayDocTitle, /Lang, MarkInfo, a role map for the PDF 2.0
 * structure types Chromium writes, /Alt on every Figure, tab order by structure on every page,
 * and the PDF 1.7 header PDF/UA-1 is defined on. Chromium's content, tags and outline are kept.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { ROLE_MAP, STANDARD_STRUCTURE_TYPES, pdfDateToIso, xmpMetadata } from '../../src/lib/pdfUa.ts';

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
  if (unknown.length) throw new Error(`structure types neither standard in PDF 1.7 nor role-mapped: ${unknown.join(', ')} (add them to ROLE_MAP in src/lib/pdfUa.ts)`);
  const roleMap = Object.fromEntries([...used].filter((type) => ROLE_MAP[type]).map((type) => [type, PDFName.of(ROLE_MAP[type]!)]));
  if (Object.keys(roleMap).length) root.set(PDFName.of('RoleMap'), context.obj(roleMap));

  const figures = elements.filter((e) => e.type === 'Figure');
  if (figures.length !== options.figureAlternatives.length) {
    throw new Error(`${figures.length} Figure elements in the PDF, but the page gave ${options.figureAlternatives.length} text alternatives`);
  }
  figures.forEach((figure, i) => {
    if (!textOf(figure.dict, 'Alt')) figure.dict.set(PDFName.of('Alt'), PDFHexString.fromText(options.figureAlternatives[i]!));
  });

  // Annotations (the links) are read in the order of the structure.
  for (const page of doc.getPages()) {
    if (page.node.get(PDFName.of('Annots'))) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  }

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
