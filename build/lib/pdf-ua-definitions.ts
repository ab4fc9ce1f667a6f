/**
 * What PDF/UA-1 (ISO 14289-1) asks of a tagged PDF that a machine can check, as data: the
 * structure types of PDF 1.7 (ISO 32000-1, 14.8.4), the role map for the PDF 2.0 names that
 * Chromium writes, and the XMP metadata packet. Used by build/lib/pdf-ua.ts after printing,
 * and by the tests that read the PDFs back.
 */
import { escapeXml } from '../../src/lib/xml.ts';

/** The standard structure types of PDF 1.7, the version PDF/UA-1 is built on. */
export const STANDARD_STRUCTURE_TYPES: ReadonlySet<string> = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
  'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP',
  'Figure', 'Formula', 'Form',
]);

/**
 * PDF 2.0 structure types (ISO 32000-2, 14.8.4) to their nearest PDF 1.7 type, for readers
 * that know only PDF 1.7. Chromium writes `Strong`, `Em` and `Aside` from <strong>, <em> and
 * <aside>; the others are listed so that a future Chromium does not silently break the check.
 */
export const ROLE_MAP: Readonly<Record<string, string>> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Aside: 'Div',
  DocumentFragment: 'Div',
  Title: 'P',
  FENote: 'Note',
};

/** The type a reader of PDF 1.7 sees for a structure type, or undefined when it knows none. */
export function standardType(type: string, roleMap: Readonly<Record<string, string>> = ROLE_MAP): string | undefined {
  if (STANDARD_STRUCTURE_TYPES.has(type)) return type;
  const mapped = roleMap[type];
  return mapped && STANDARD_STRUCTURE_TYPES.has(mapped) ? mapped : undefined;
}

export interface XmpFields {
  title: string;
  /** BCP 47, as in the catalog's /Lang (en-GB). */
  language: string;
  producer?: string | undefined;
  creatorTool?: string | undefined;
  /** ISO 8601; the same instants as the document information dictionary's dates. */
  createDate?: string | undefined;
  modifyDate?: string | undefined;
}

/**
 * The XMP packet PDF/UA-1 asks for (7.1: the title in dc:title; 5: pdfuaid:part 1), with the
 * language, and producer and dates mirroring the information dictionary so the two agree.
 */
export function xmpMetadata(fields: XmpFields): string {
  const optional = (tag: string, value: string | undefined) => (value ? `\n      <${tag}>${escapeXml(value)}</${tag}>` : '');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about=""
        xmlns:dc="http://purl.org/dc/elements/1.1/"
        xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
        xmlns:xmp="http://ns.adobe.com/xap/1.0/"
        xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:language><rdf:Bag><rdf:li>${escapeXml(fields.language)}</rdf:li></rdf:Bag></dc:language>${optional('pdf:Producer', fields.producer)}${optional('xmp:CreatorTool', fields.creatorTool)}${optional('xmp:CreateDate', fields.createDate)}${optional('xmp:ModifyDate', fields.modifyDate)}
      <pdfuaid:part>1</pdfuaid:part>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** A PDF date string (`D:20261130163101+00'00'`) as ISO 8601, or undefined if it is not one. */
export function pdfDateToIso(value: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`;
}
