/** The EPUB's completion for EPUB Accessibility: identifier, metadata, navigation and chapter titles. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { describe, expect, it } from 'vitest';
import { accessibilityMetadata, completeNav, completePackage, epubContent, epubIdentifier, titleFromHeading, uuidV5 } from '../../build/lib/epub-accessibility.ts';
import { wordsOf } from '../helpers/dist.ts';
import { attribute, parse, selectAll } from '../helpers/html.ts';

describe('the identifier', () => {
  it('is RFC 4122’s version 5 UUID (values from Python’s uuid.uuid5)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('/2017-20/halton-strategy-2017-20.epub')).toBe('81b7f340-e3de-5f33-8ec7-fe1570b32d06');
  });

  it('comes from the book’s address: the same for an edition on every build, different between editions and sites', () => {
    expect(epubIdentifier('/2017-20/halton-strategy-2017-20.epub')).toBe('urn:uuid:81b7f340-e3de-5f33-8ec7-fe1570b32d06');
    expect(epubIdentifier('/2017-20/halton-strategy-2017-20.epub', 'https://strategy.example.gov.uk')).toBe('urn:uuid:f09ea32c-115c-55e2-a6c9-0aaf8328ff23');
    expect(epubIdentifier('/2008-11/halton-strategy-2008-11.epub')).not.toBe(epubIdentifier('/2017-20/halton-strategy-2017-20.epub'));
  });
});

describe('the accessibility metadata', () => {
  const text = { imageAlternatives: [], tocEntries: 12, headings: 40 };

  it('of a text-only book: textual, its features, no hazards, and a summary that claims no conformance', () => {
    const m = accessibilityMetadata(text);
    expect(m.accessMode).toEqual(['textual']);
    expect(m.accessModeSufficient).toEqual(['textual']);
    expect(m.accessibilityFeature).toEqual(['tableOfContents', 'structuralNavigation', 'readingOrder']);
    expect(m.accessibilityHazard).toEqual(['none']);
    expect(m.accessibilitySummary).toMatch(/no images/);
    expect(m.accessibilitySummary).toMatch(/Ace by DAISY/);
    expect(m.accessibilitySummary).toMatch(/does not claim conformance/);
  });

  it('lists alternative text and the visual mode only for images, all described', () => {
    const described = accessibilityMetadata({ ...text, imageAlternatives: ['A chart of…', 'A photograph'] });
    expect(described.accessibilityFeature).toContain('alternativeText');
    expect(described.accessMode).toEqual(['textual', 'visual']);
    expect(described.accessModeSufficient).toEqual(['textual', 'textual,visual']);
    const undescribed = accessibilityMetadata({ ...text, imageAlternatives: ['A chart', null] });
    expect(undescribed.accessibilityFeature).not.toContain('alternativeText');
    expect(undescribed.accessModeSufficient).toEqual(['textual,visual']);
    expect(undescribed.accessibilitySummary).toMatch(/Some of its images have no text alternative/);
  });

  it('claims only the navigation the book has', () => {
    expect(accessibilityMetadata({ imageAlternatives: [], tocEntries: 0, headings: 0 }).accessibilityFeature).toEqual(['readingOrder']);
  });
});

const opf = `<?xml version="1.0" encoding="UTF-8"?>
<package version="3.0" xmlns="http://www.idpf.org/2007/opf" unique-identifier="epub-id-1">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="epub-id-1">urn:uuid:81b7f340-e3de-5f33-8ec7-fe1570b32d06</dc:identifier>
    <dc:title id="epub-title-1">Care &amp; leavers</dc:title>
    <dc:date id="epub-date">2026-12-01T23:26:47Z</dc:date>
    <dc:language>en-GB</dc:language>
    <meta property="dcterms:modified">2026-12-01T23:26:47Z</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav" />
    <item id="ch001_xhtml" href="text/ch001.xhtml" media-type="application/xhtml+xml" />
  </manifest>
  <spine toc="ncx">
    <itemref idref="ch001_xhtml" />
  </spine>
</package>
`;

describe('the package document', () => {
  const metadata = accessibilityMetadata({ imageAlternatives: [], tocEntries: 3, headings: 3 });
  const done = completePackage(opf, { date: '2017', metadata });
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(done).package;

  it('stays well-formed, with xml:lang from its dc:language and the edition’s date', () => {
    expect(() => SyntaxValidator.validate(done)).not.toThrow();
    expect(parsed['@_xml:lang']).toBe('en-GB');
    expect(parsed.metadata['dc:date']['#text']).toBe('2017');
    expect(parsed.metadata['dc:identifier']['#text']).toBe('urn:uuid:81b7f340-e3de-5f33-8ec7-fe1570b32d06');
  });

  it('holds each schema.org property once per value, and the navigation document out of the reading order', () => {
    const metas = (parsed.metadata.meta as { '@_property': string; '#text': string }[]).map((m) => [m['@_property'], m['#text']]);
    expect(metas.filter(([p]) => p === 'schema:accessibilityFeature').map(([, v]) => v)).toEqual(metadata.accessibilityFeature);
    expect(metas).toContainEqual(['schema:accessibilityHazard', 'none']);
    expect(metas).toContainEqual(['schema:accessibilitySummary', metadata.accessibilitySummary]);
    expect(metas.some(([p]) => p === 'dcterms:conformsTo')).toBe(false);
    expect(parsed.spine.itemref).toContainEqual({ '@_idref': 'nav', '@_linear': 'no' });
    expect(completePackage(done, { date: '2017', metadata }).match(/idref="nav"/g)).toHaveLength(1);
  });

  it('refuses a package without a language, a date or a navigation document', () => {
    expect(() => completePackage(opf.replace(/<dc:language>.*\n/, ''), { date: '2017', metadata })).toThrow(/dc:language/);
    expect(() => completePackage(opf.replace(/<dc:date.*\n/, ''), { date: '2017', metadata })).toThrow(/dc:date/);
    expect(() => completePackage(opf.replace(' properties="nav"', ''), { date: '2017', metadata })).toThrow(/navigation/);
  });
});

const nav = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en-GB">
<head><title>T</title></head>
<body epub:type="frontmatter">
<nav epub:type="toc" id="toc"><h1 id="toc-title">T</h1><ol class="toc"><li id="toc-li-1"><a href="text/ch001.xhtml#a">A</a></li><li id="toc-li-2"><a href="text/ch002.xhtml#b">B</a><ol class="toc"><li id="toc-li-3"><a href="text/ch002.xhtml#c">C</a></li></ol></li></ol></nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
  <ol>
    <li>
      <a href="text/title_page.xhtml" epub:type="titlepage">Title Page</a>
    </li>
  </ol>
</nav>
</body>
</html>
`;

describe('the navigation document', () => {
  const done = completeNav(nav, 'text/ch001.xhtml');

  it('gives the table of contents its role, and lands on the contents and the start of the body', () => {
    expect(() => SyntaxValidator.validate(done)).not.toThrow();
    expect(done).toContain('<nav epub:type="toc" role="doc-toc" id="toc">');
    const landmarks = selectAll('nav[epub\\:type="landmarks"] a', parse(done)).map((a) => [attribute(a, 'href'), attribute(a, 'epub:type'), wordsOf(a)]);
    expect(landmarks).toEqual([
      ['text/title_page.xhtml', 'titlepage', 'Title Page'],
      ['nav.xhtml#toc', 'toc', 'Contents'],
      ['text/ch001.xhtml', 'bodymatter', 'Start of content'],
    ]);
  });

  it('counts the contents’ entries, headings and images', () => {
    expect(epubContent(nav, ['<h1>A</h1><p><img src="x.png" alt="An x"/></p>', '<h1>B</h1><h2>C</h2><img src="y.png"/>'])).toEqual({ imageAlternatives: ['An x', null], tocEntries: 3, headings: 3 });
  });
});

describe('a chapter’s title', () => {
  const chapter = (body: string) => `<html><head><meta charset="utf-8" /><title>ch003.xhtml</title></head><body>${body}</body></html>`;

  it('is its first heading’s text, escaped as it was', () => {
    expect(titleFromHeading(chapter('<section><h1 data-number="3">Children &amp; <abbr title="x">CiC</abbr> $1</h1><h2>Next</h2></section>'), 'Book')).toContain('<title>Children &amp; CiC $1</title>');
  });

  it('is the book’s title when the chapter has no heading', () => {
    expect(titleFromHeading(chapter('<p>Notice</p>'), 'Care & leavers')).toContain('<title>Care &amp; leavers</title>');
  });
});
