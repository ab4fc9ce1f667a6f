/**
 * What pandoc 2.17 leaves out of an EPUB 3 that EPUB Accessibility 1.1 and its readers need,
 * added to the files of the book it wrote (build/steps/documents.ts opens the zip, these
 * functions change the text of its files):
 * - the package document: `xml:lang`, and the schema.org discovery metadata (access modes,
 *   features, hazards, a summary), each worked out from what the book holds, never assumed;
 * - the navigation document: `role="doc-toc"` on the table of contents, and landmarks for the
 *   contents and the start of the body (pandoc lists only the title page);
 * - each chapter's `<title>`, which pandoc 2.17 sets to its file name ("ch001.xhtml"), from the
 *   chapter's own heading.
 * The identifier is a name-based UUID (version 5), so every build of an edition gives the same one.
 *
 * No `dcterms:conformsTo` is written: a conformance claim to EPUB Accessibility 1.1 says the
 * book meets WCAG, and automated checkers (Ace by DAISY, EPUBCheck, and the page engines for
 * the print edition it is made from) show only part of that. The summary says what is checked.
 */
import { createHash } from 'node:crypto';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { escapeXml } from '../../src/lib/xml.ts';
import { applyEdits, contentRange, parseHtml, sourceRange, type Edit } from './html.ts';

/** RFC 4122's namespace for names that are URLs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** A version 5 (SHA-1, name-based) UUID of `name` in `namespace` (RFC 4122 §4.3). */
export function uuidV5(name: string, namespace = URL_NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The book's identifier: the UUID of its address, the published one when the site's address is
 * known (SITE_URL), else its path on the site. The same edition built twice gets the same one.
 */
export function epubIdentifier(epubPath: string, siteUrl?: string): string {
  return `urn:uuid:${uuidV5(siteUrl ? new URL(epubPath, siteUrl).href : epubPath)}`;
}

/** What the book holds, read from its content documents, for the metadata that describes it. */
export interface EpubContent {
  /** Each `<img>`'s `alt`, or null where it has none. */
  imageAlternatives: (string | null)[];
  /** Entries in the navigation document's table of contents. */
  tocEntries: number;
  /** Headings (`h1`-`h6`) across the content documents. */
  headings: number;
}

export interface AccessibilityMetadata {
  accessMode: string[];
  accessModeSufficient: string[];
  accessibilityFeature: string[];
  accessibilityHazard: string[];
  accessibilitySummary: string;
}

/**
 * The schema.org accessibility metadata true of a book holding `content`: a feature is listed
 * only when the book has it (alternative text only when it has images, all described).
 */
export function accessibilityMetadata(content: EpubContent): AccessibilityMetadata {
  const images = content.imageAlternatives.length;
  const described = content.imageAlternatives.every((alt) => alt !== null && alt.trim() !== '');
  const features = [
    ...(content.tocEntries > 0 ? ['tableOfContents'] : []),
    ...(content.headings > 0 ? ['structuralNavigation'] : []),
    // One linear spine in the print edition's order: the reading order is the book's order.
    'readingOrder',
    ...(images > 0 && described ? ['alternativeText'] : []),
  ];
  const summary = [
    'This e-book is the print edition of the strategy as reflowable text: every chapter, the Pledge statements and the action plan, with headings, a table of contents, and the action plan as one table per statement with column and row headers.',
    images === 0
      ? 'It has no images: the chart of the editions compared is given as its text.'
      : described
        ? `Its ${images === 1 ? 'image has' : `${images} images have`} a text alternative.`
        : 'Some of its images have no text alternative.',
    'It has no sound, video, animation or flashing content.',
    'It is checked automatically whenever it is made: Ace by DAISY reports no accessibility violations, EPUBCheck no errors or warnings, and the web page it is made from passes the axe, IBM Equal Access and HTML_CodeSniffer checkers.',
    'It has not been checked by people or with assistive technology, so it does not claim conformance to EPUB Accessibility 1.1 or WCAG.',
  ].join(' ');
  return {
    accessMode: images > 0 ? ['textual', 'visual'] : ['textual'],
    accessModeSufficient: images > 0 && !described ? ['textual,visual'] : images > 0 ? ['textual', 'textual,visual'] : ['textual'],
    accessibilityFeature: features,
    accessibilityHazard: ['none'],
    accessibilitySummary: summary,
  };
}

export interface PackageFacts {
  /** The edition's date (W3CDTF: a year is one), for `dc:date` in place of pandoc's build time. */
  date: string;
  metadata: AccessibilityMetadata;
}

/**
 * The package document with `xml:lang` (its `dc:language`), the edition's date and the
 * accessibility metadata (pandoc's `--metadata date=` would also print the date on the title
 * page, as if the strategy printed it), and the navigation document in the spine, out of the
 * reading order (`linear="no"`), so that the contents landmark may point at it.
 */
export function completePackage(opf: string, { date, metadata }: PackageFacts): string {
  const language = /<dc:language>([^<]+)<\/dc:language>/.exec(opf)?.[1];
  if (!language) throw new Error('content.opf has no dc:language');
  if (!/<package\b/.test(opf) || !opf.includes('</metadata>')) throw new Error('content.opf has no <package> or </metadata>');
  const meta = (property: string, values: string[]) => values.map((value) => `    <meta property="schema:${property}">${escapeXml(value)}</meta>\n`).join('');
  const lines =
    meta('accessMode', metadata.accessMode) +
    meta('accessModeSufficient', metadata.accessModeSufficient) +
    meta('accessibilityFeature', metadata.accessibilityFeature) +
    meta('accessibilityHazard', metadata.accessibilityHazard) +
    meta('accessibilitySummary', [metadata.accessibilitySummary]);
  if (!/<dc:date\b[^>]*>[^<]*<\/dc:date>/.test(opf)) throw new Error('content.opf has no dc:date');
  const navId = /<item id="([^"]+)"[^>]*properties="nav"/.exec(opf)?.[1];
  if (!navId || !opf.includes('</spine>')) throw new Error('content.opf has no navigation item or spine');
  return opf
    .replace(/<package\b(?![^>]*xml:lang)/, `<package xml:lang="${escapeXml(language)}"`)
    .replace(/(<dc:date\b[^>]*>)[^<]*(<\/dc:date>)/, (_, open: string, close: string) => `${open}${escapeXml(date)}${close}`)
    .replace(/( *)<\/metadata>/, (_, indent: string) => `${lines}${indent}</metadata>`)
    .replace(/( *)<\/spine>/, (whole, indent: string) => (opf.includes(`idref="${navId}"`) ? whole : `${indent}  <itemref idref="${navId}" linear="no" />\n${indent}</spine>`));
}

/** pandoc's navigation documents: the table of contents and the landmarks. */
const TOC = 'nav[epub\\:type="toc"]';
const LANDMARKS_LIST = 'nav[epub\\:type="landmarks"] > ol';
const HEADINGS = 'h1, h2, h3, h4, h5, h6';

/**
 * The navigation document with `role="doc-toc"` on its table of contents (as `epub:type="toc"`
 * asks), and landmarks for the contents and for the first document of the body. Read as HTML
 * (build/lib/html.ts); only those places of pandoc's file change.
 */
export function completeNav(nav: string, bodyStart: string): string {
  const tree = parseHtml(nav);
  const toc = select(TOC, tree);
  if (!toc) throw new Error('nav.xhtml has no <nav epub:type="toc">');
  const landmarks = select(LANDMARKS_LIST, tree);
  if (!landmarks) throw new Error('nav.xhtml has no landmarks list');
  const tocId = typeof toc.properties['id'] === 'string' ? toc.properties['id'] : 'toc';
  const added = [
    `\n    <li>\n      <a href="nav.xhtml#${tocId}" epub:type="toc">Contents</a>\n    </li>`,
    `\n    <li>\n      <a href="${escapeXml(bodyStart)}" epub:type="bodymatter">Start of content</a>\n    </li>`,
  ].join('');
  const edits: Edit[] = [];
  if (toc.properties['role'] === undefined) {
    // After the epub:type that pandoc writes first, where a reader of the file looks for it.
    const start = sourceRange(toc).start;
    const opening = '<nav epub:type="toc"';
    const at = nav.startsWith(opening, start) ? start + opening.length : start + '<nav'.length;
    edits.push({ start: at, end: at, text: ' role="doc-toc"' });
  }
  // After the last item, before the list's closing whitespace.
  const lastItem = landmarks.children.filter((child) => child.type === 'element').at(-1);
  const at = lastItem ? sourceRange(lastItem).end : contentRange(landmarks).start;
  edits.push({ start: at, end: at, text: added });
  return applyEdits(nav, edits);
}

/** A content document whose `<title>` is its first heading's text (or `fallback` without one). */
export function titleFromHeading(xhtml: string, fallback: string): string {
  const tree = parseHtml(xhtml);
  const heading = select(HEADINGS, tree);
  const title = select('title', tree);
  if (!title) return xhtml;
  const text = (heading ? toString(heading).replace(/\s+/g, ' ').trim() : '') || fallback;
  return applyEdits(xhtml, [{ ...contentRange(title), text: escapeXml(text) }]);
}

/** What a book's content documents and navigation hold (see EpubContent). */
export function epubContent(nav: string, documents: string[]): EpubContent {
  const toc = select(TOC, parseHtml(nav));
  const trees = documents.map((document) => parseHtml(document));
  return {
    imageAlternatives: trees.flatMap((tree) => selectAll('img', tree).map((img) => (typeof img.properties['alt'] === 'string' ? img.properties['alt'] : null))),
    tocEntries: toc ? selectAll('li', toc).length : 0,
    headings: trees.reduce((sum, tree) => sum + selectAll(HEADINGS, tree).length, 0),
  };
}
