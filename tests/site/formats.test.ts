/** The alternative formats: tagged PDFs (PDF/UA-1) with outline, large print, the print edition, plain text, ODT, DOCX and EPUB. */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyntaxValidator } from 'fast-xml-validator';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFArray, PDFDict, PDFName, type PDFString } from 'pdf-lib';
import type { Element, Nodes } from 'hast';
import { DIST, ROOT, decodeEntities, readPage, wordsOf } from '../helpers/dist.ts';
import { allAttributeValues, attribute, pageTree, parentOf, parse, select, selectAll, textsOf } from '../helpers/html.ts';
import { EDITIONS_DIR, readCollection, readEdition } from '../helpers/content.ts';
import { editionSlugs, readContentFolder } from '../../src/lib/contentReader.ts';
import { BASIS_LABELS, GLOSSARY_HEADING, NO_EXPANSION } from '../../src/lib/glossary.ts';
import { ACTION_PLAN_COLUMN_KEYS } from '../../src/lib/contentSchemas.ts';
import { attributes, pageLines, pagesEndingWithHeading, printHeadings, readStructure, text, xmpOf } from '../helpers/pdf.ts';
import { STANDARD_STRUCTURE_TYPES } from '../../build/lib/pdf-ua-definitions.ts';
import { uuidV5 } from '../../build/lib/epub-accessibility.ts';
import { buildSettings, type BuildStep } from '../../build/settings.ts';
import { pdfs } from '../../build/steps/pdfs.ts';
import { documents } from '../../build/steps/documents.ts';

const edition = '2017-20';
const pdf = join(DIST, edition, `halton-strategy-${edition}.pdf`);
const largePdf = join(DIST, edition, `halton-strategy-${edition}-large-print.pdf`);
const actions = readCollection(edition, 'actions');
const statements = readCollection(edition, 'themes');
const chapters = ['Foreword', 'Introduction', 'Who is this strategy for?', 'Vision and aims', 'Overview', 'Local profile', 'Views of children in care and care leavers', 'Delivery and review of the strategy', 'Action plan'];
const squash = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Runs a post-build step (build/integration.ts) on a copy of the print edition and the
 * alternative formats page, with its tool pointed somewhere it is not: the lines it logged, and
 * the formats page it left. A step that throws fails the build.
 */
async function runWithoutTool(step: BuildStep, env: Record<string, string>) {
  const work = mkdtempSync(join(tmpdir(), 'no-tool-'));
  try {
    mkdirSync(join(work, edition), { recursive: true });
    cpSync(join(DIST, edition, 'print'), join(work, edition, 'print'), { recursive: true });
    cpSync(join(DIST, 'alternative-formats'), join(work, 'alternative-formats'), { recursive: true });
    const lines: string[] = [];
    await step.run(work, buildSettings({ ...process.env, ...env }), { info: (line) => lines.push(line), warn: (line) => lines.push(line) });
    return { lines, formatsPage: readFileSync(join(work, 'alternative-formats', 'index.html'), 'utf8') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe.each([
  ['PDF', pdf, ''],
  ['large print PDF', largePdf, ' (large print)'],
])('the %s', (_name, file, suffix) => {
  it('exists, is tagged, has the document title and language', () => {
    expect(existsSync(file)).toBe(true);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain(`Title:           Halton Strategy for Children in Care and Care Leavers 2017-20${suffix}`);
  });

  it('has a bookmark outline with every chapter', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    // Wrapped bookmark titles lose the space at the line break: compare without spaces.
    const titles = outline.map((t) => t.replace(/\s+/g, ''));
    for (const chapter of chapters) expect(titles).toContain(chapter.replace(/\s+/g, ''));
  });

  it('has selectable text holding all 12 Pledge statements and every action', () => {
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
    for (const statement of statements) expect(text).toContain(statement.text);
    // Table cells wrap side by side, so a cell's words interleave with its neighbours' in the
    // extracted text: each action's words must appear in order within its row's stretch of text.
    const tokens = text.split(' ');
    for (const action of actions) {
      const at = tokens.indexOf(action.code);
      expect(at, action.code).toBeGreaterThanOrEqual(0);
      const window = tokens.slice(Math.max(0, at - 150), at + 250);
      let cursor = -1;
      for (const word of squash(action.actions[0]!).split(' ').filter((w) => /^[A-Za-z]{3,}$/.test(w)).slice(0, 8)) {
        cursor = window.indexOf(word, cursor + 1);
        expect(cursor, `${action.code}: “${word}”`).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('never splits an action-plan row across pages: each page the table continues on starts with its header, then a whole row', () => {
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    // One pdftotext for the whole PDF: it ends each page with a form feed.
    const pageTexts = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
    expect(pageTexts.slice(0, pages)).toHaveLength(pages);
    const header = /Outcome +(Target\/Timescale|Timescale) +Lead/;
    let tablePages = 0;
    for (let n = 1; n <= pages; n += 1) {
      const lines = pageTexts[n - 1]!.split('\n');
      const at = lines.findIndex((line) => header.test(line));
      if (at < 0) continue;
      tablePages += 1;
      const first = lines.slice(at + 1).find((line) => line.trim() && line.trim() !== 'id') ?? '';
      // A row fragment would start with the middle of a cell; a whole row starts with its id,
      // and a new group with its numbered heading.
      expect(first, `page ${n}`).toMatch(/^\s*([A-Z][A-Z0-9]*-A\d+|\d+\. )/);
    }
    if (!suffix) expect(tablePages).toBeGreaterThan(5);
  });

  it('numbers its pages in the footer', () => {
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/Page 2 of \d+/);
  });
});

describe('large print', () => {
  it('sets body text at 18 point or more', () => {
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', '-zoom', '1', largePdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const sizes = new Map([...xml.matchAll(/<fontspec id="(\d+)" size="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
    const usage = new Map<number, number>();
    for (const m of xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>([\s\S]*?)<\/text>/g)) {
      const size = sizes.get(m[1]!) ?? 0;
      usage.set(size, (usage.get(size) ?? 0) + m[2]!.length);
    }
    const [bodySize] = [...usage.entries()].sort((a, b) => b[1] - a[1])[0]!;
    // At zoom 1 pdftohtml reports sizes in points (the standard PDF's body reads 11).
    expect(bodySize).toBeGreaterThanOrEqual(18);
  });
});

describe('the print edition', () => {
  it('holds every chapter and every action exactly once, in reading order', () => {
    const tree = pageTree(`/${edition}/print/`);
    const headings = textsOf('h2', tree);
    let last = -1;
    for (const chapter of chapters) {
      const at = headings.indexOf(chapter);
      expect(at, chapter).toBeGreaterThan(last);
      last = at;
    }
    for (const action of actions) expect(selectAll(`tr[id="${action.id}"]`, tree), action.id).toHaveLength(1);
    expect(wordsOf(tree)).toContain('Councillor Tom McInerney');
  });
});

describe('plain text', () => {
  it('holds every chapter, statement and action, with headings marked', () => {
    const text = readFileSync(join(DIST, edition, `halton-strategy-${edition}.txt`), 'utf8');
    for (const chapter of chapters) expect(text).toContain(`## ${chapter}`);
    for (const statement of statements) expect(squash(text)).toContain(statement.text);
    for (const action of actions) expect(text).toContain(`Action ${action.code}\n`);
    expect(text).not.toMatch(/<[A-Z][a-zA-Z]+ ?\/>/);
  });

  it.each(editionSlugs(EDITIONS_DIR))('of %s ends with its glossary: every abbreviation it uses, with its meaning or the lack of one, and where that comes from', (slug) => {
    const text = readFileSync(join(DIST, slug, `halton-strategy-${slug}.txt`), 'utf8');
    const glossary = text.slice(text.lastIndexOf(`\n## ${GLOSSARY_HEADING}\n`));
    const used = readContentFolder('glossary', join(ROOT, 'content/glossary')).filter((g) => g.data.editions.includes(slug));
    expect(used.length).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`\\n\\d+\\. ${GLOSSARY_HEADING}\\n`));
    for (const { data } of used) {
      expect(glossary).toContain(`\n${data.abbreviation}${data.variants.length ? ` (also written ${data.variants.join(', ')})` : ''}: ${data.expansion ?? NO_EXPANSION}\n${BASIS_LABELS[data.basis]}`);
      if (data.sourceText) expect(glossary).toContain(`“${data.sourceText}”`);
    }
    // No entry of another edition only.
    for (const { data } of readContentFolder('glossary', join(ROOT, 'content/glossary')).filter((g) => !g.data.editions.includes(slug))) expect(glossary).not.toMatch(new RegExp(`\\n${data.abbreviation}[ :]`));
  });
});

/** A file's size as the pages write it ("23.2 KB", "1 MB"). */
const SIZE = /^\d+(\.\d)? (KB|MB)$/;
/**
 * The links of a page to a file (its address ending `file`), each as its words, the size
 * written in the element marked `sizeAttribute` beside it, and the words of the item holding both.
 */
function fileLinks(page: string, file: string, sizeAttribute: string) {
  const tree = pageTree(page);
  return selectAll(`a[href$="${file}"]`, tree).map((link) => {
    const item = parentOf(link, tree);
    return { label: wordsOf(link), size: item ? textsOf(`[${sizeAttribute}]`, item).join() : '', around: item ? wordsOf(item) : '' };
  });
}
/** Whether a link is followed by its size in brackets: "PDF (232.8 KB, tagged)", "EPUB e-book (33 KB)". */
const sizedAs = (label: string | RegExp, after = '') => (link: ReturnType<typeof fileLinks>[number]) =>
  (typeof label === 'string' ? link.label === label : label.test(link.label)) && SIZE.test(link.size) && link.around.startsWith(`${link.label} (${link.size}${after}`);

describe('PDF links', () => {
  it('are shown with their size on every page of the edition', () => {
    expect(fileLinks('/2017-20/pledge/3/', 'halton-strategy-2017-20.pdf', 'data-pdf-size').filter(sizedAs('PDF', ', tagged'))).not.toEqual([]);
    expect(fileLinks('/alternative-formats/', 'large-print.pdf', 'data-pdf-size').filter(sizedAs('Large print PDF', ')'))).not.toEqual([]);
  });

  it('are removed, with one clear line, when Chromium is missing', async () => {
    const { lines, formatsPage } = await runWithoutTool(pdfs, { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^PDFs not built: no Chromium at \/nonexistent\/chromium/);
    expect(allAttributeValues(parse(formatsPage)).filter((value) => value.endsWith('.pdf'))).toEqual([]);
  });
});

const editionsWithFiles = ['2017-20', '2008-11'].map((slug) => ({
  slug,
  statements: readCollection(slug, 'themes'),
  actions: readCollection(slug, 'actions'),
  quotes: readCollection(slug, 'quotes'),
  printPage: `/${slug}/print/`,
}));
// The numbers both editions count the same way (the compare chart's bars), from the content.
const figuresOf = (slug: string) => readCollection(slug, 'figures').filter((f) => f.compareKey && f.unit === 'count' && f.value !== undefined);
const sharedKeys = new Set(figuresOf('2017-20').map((f) => f.compareKey).filter((key) => figuresOf('2008-11').some((f) => f.compareKey === key)));
const chartValues = ['2008-11', '2017-20'].flatMap((slug) => figuresOf(slug).filter((f) => sharedKeys.has(f.compareKey)).map((f) => f.value!.toLocaleString('en-GB')));
const allPdfs = editionsWithFiles.flatMap((e) => [
  { edition: e, file: join(DIST, e.slug, `halton-strategy-${e.slug}.pdf`), page: `/${e.slug}/print/` },
  { edition: e, file: join(DIST, e.slug, `halton-strategy-${e.slug}-large-print.pdf`), page: `/${e.slug}/print/large-print/` },
]);
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** A heading's level and words. */
const headingOf = (element: Element) => ({ level: Number(element.tagName.slice(1)), text: wordsOf(element) });
/** The headings of a page's main content, in order. */
const headingLevels = (page: string) => selectAll(`main :is(${HEADINGS})`, pageTree(page)).map(headingOf);

describe.each(allPdfs.map((p) => [p.file.replace(`${DIST}/`, ''), p] as const))('%s against PDF/UA-1', (_name, { edition, file, page }) => {
  it('declares PDF 1.7, PDF/UA-1 and its title and language in XMP, shows its title, and is marked', async () => {
    expect(readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    const { doc } = await readStructure(file);
    const xmp = xmpOf(doc);
    expect(() => SyntaxValidator.validate(xmp)).not.toThrow();
    const title = doc.getTitle()!;
    expect(title).toMatch(/^Halton Strategy for Children in Care/);
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toMatch(/xmlns:pdfuaid="http:\/\/www\.aiim\.org\/pdfua\/ns\/id\/"[\s\S]*<pdfuaid:part>1<\/pdfuaid:part>/);
    const catalog = doc.catalog;
    expect(String(catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle')))).toBe('true');
    expect(text(catalog, 'Lang')).toBe('en-GB');
    expect(String(catalog.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked')))).toBe('true');
    // Annotations (links) follow the structure's order, on every page.
    doc.getPages().forEach((p, i) => expect(String(p.node.get(PDFName.of('Tabs'))), `page ${i + 1}`).toBe('/S'));
  });

  it('uses only structure types that are standard in PDF 1.7 or role-mapped to one, and poppler reads the tree without complaint', async () => {
    const { doc, elements } = await readStructure(file);
    const roleMap = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookupMaybe(PDFName.of('RoleMap'), PDFDict);
    const mapped = new Map(roleMap?.entries().map(([k, v]) => [k.decodeText(), String(v).slice(1)]) ?? []);
    for (const type of new Set(elements.map((e) => e.type))) {
      const standard = STANDARD_STRUCTURE_TYPES.has(type) ? type : mapped.get(type);
      expect(standard && STANDARD_STRUCTURE_TYPES.has(standard), `${type} → ${standard}`).toBe(true);
    }
    // Standard types must not be remapped (PDF/UA-1 7.1).
    for (const key of mapped.keys()) expect(STANDARD_STRUCTURE_TYPES.has(key), key).toBe(false);
    const poppler = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(poppler.stderr).toBe('');
  });

  it('gives every Figure its text alternative', async () => {
    const { elements } = await readStructure(file);
    const figures = elements.filter((e) => e.type === 'Figure');
    for (const figure of figures) expect(text(figure.dict, 'Alt')?.trim()).toBeTruthy();
    // The strategy's figures are its young people's words: each reaches the PDF as the Alt of one.
    // The editions compared at the end add one chart, whose Alt gives every bar's number.
    const alts = figures.map((f) => text(f.dict, 'Alt')!);
    expect(figures).toHaveLength(edition.quotes.length + 1);
    for (const quote of edition.quotes) expect(alts.some((alt) => alt.includes(quote.text)), quote.text).toBe(true);
    const chart = alts.find((alt) => alt.startsWith("Children in care and care leavers supported, in each edition's local profile:"));
    expect(chart, 'the chart of the editions compared').toBeDefined();
    expect(chartValues.length).toBeGreaterThanOrEqual(4);
    for (const value of chartValues) expect(chart).toContain(value);
  });

  it('has the headings H1-H6 of the page, in its order and nesting', async () => {
    const { elements } = await readStructure(file);
    const levels = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => Number(e.type.slice(1)));
    expect(levels).toEqual(headingLevels(page).map((h) => h.level));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => i > 0 && expect(level, `heading ${i + 1}`).toBeLessThanOrEqual(levels[i - 1]! + 1));
  });

  it('has the action plan as a Table of TR rows of TH and TD cells, headers scoped, and every cell pointing at headers that exist', async () => {
    const { doc, elements } = await readStructure(file);
    const cells = elements.filter((e) => e.type === 'TH' || e.type === 'TD');
    const rows = elements.filter((e) => e.type === 'TR');
    expect(rows.length).toBeGreaterThan(edition.actions.length);
    for (const row of rows) expect(row.ancestors).toContain('Table');
    for (const cell of cells) expect(cell.ancestors.at(-1)).toBe('TR');
    const ids = new Set(elements.filter((e) => e.type === 'TH').map((e) => text(e.dict, 'ID')).filter(Boolean));
    for (const th of elements.filter((e) => e.type === 'TH')) {
      expect(attributes(doc, th.dict).some((a) => ['/Row', '/Column'].includes(String(a.get(PDFName.of('Scope'))))), text(th.dict, 'ID')).toBe(true);
    }
    const tds = cells.filter((c) => c.type === 'TD');
    for (const td of tds) {
      const headers = attributes(doc, td.dict).flatMap((a) => a.lookupMaybe(PDFName.of('Headers'), PDFArray)?.asArray() ?? []);
      expect(headers.length).toBeGreaterThan(0);
      for (const h of headers) expect(ids.has((h as PDFString).decodeText())).toBe(true);
    }
  });

  it('prints the site path or the published address, never localhost', () => {
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(first).toContain(process.env['SITE_URL'] ? new URL(page, process.env['SITE_URL']).href : `\n${page}\n`);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).not.toContain('localhost');
  });

  it('never ends a page with a heading, away from what it heads', () => {
    expect(pagesEndingWithHeading(pageLines(file), printHeadings(readPage(page)))).toEqual([]);
  });

  const largePrint = file.endsWith('-large-print.pdf');
  // Large print sets each action as its own small table under its statement's heading (no captions).
  it.skipIf(largePrint)('sets the action plan’s captions across the page, not in a narrow column, each on one page', () => {
    // The plan's own caption, and each statement's table's.
    const captions = textsOf('section:has(> [id="action-plan"]) :is(p.tables-caption, caption)', pageTree(page));
    expect(captions.length).toBe(edition.statements.length + 1);
    // In as many lines as five words a line take (two at least: a long statement in 18 point
    // type takes four); squeezed into a narrow column, a caption took a line a word.
    const bare = (t: string) => t.replace(/\s+/g, '');
    const lines = pageLines(file);
    for (const caption of captions) {
      const most = Math.max(2, Math.ceil(caption.split(/\s+/).length / 5));
      const found = lines.some((page) => page.some((_, i) => bare(page.slice(i, i + most).join('')).includes(bare(caption))));
      expect(found, caption).toBe(true);
    }
  });

  it.runIf(largePrint)('prints each action of the large print plan as its id, then each label in order, never a label at the foot of a page away from its value', () => {
    const { columns } = readEdition(edition.slug);
    const labels = ACTION_PLAN_COLUMN_KEYS.map((key) => columns[key]).filter((label): label is string => Boolean(label));
    const lines = pageLines(file).flatMap((page, p) => page.map((text, i) => ({ text, page: p + 1, last: i === page.length - 1 })));
    for (const action of edition.actions) {
      let at = lines.findIndex((line, i) => line.text === action.code && lines[i - 1]?.text === 'Action id');
      expect(at, action.code).toBeGreaterThan(0);
      expect(lines[at - 1]!.last, `${action.code}: “Action id” ends page ${lines[at - 1]!.page}`).toBe(false);
      for (const label of labels) {
        at = lines.findIndex((line, i) => i > at && line.text === label);
        expect(at, `${action.code}: ${label}`).toBeGreaterThan(0);
        expect(lines[at]!.last, `${action.code}: “${label}” ends page ${lines[at]!.page}`).toBe(false);
      }
    }
  });
});

const unzip = async (file: string) => JSZip.loadAsync(readFileSync(file));
// The words of OpenDocument XML (content.xml, the package's dc:title): paragraph, heading and
// cell ends separate words; spans do not. HTML (the pages, EPUB chapters, what mammoth makes of
// the DOCX) is read with the parser instead.
const plain = (xml: string) =>
  decodeEntities(xml.replace(/<\/(text:p|text:h|table:table-cell)>/g, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

describe.each(editionsWithFiles.map((e) => [e.slug, e] as const))('the %s documents', (slug, edition) => {
  const base = join(DIST, slug, `halton-strategy-${slug}`);
  // The print page's headings, one level up: its h1 is the document's title. Each statement's
  // table in the action plan is headed by its caption, one level below the action plan's heading.
  const expectedHeadings = selectAll(`main :is(${HEADINGS}, caption.group-caption)`, pageTree(edition.printPage))
    .map((element) => (element.tagName === 'caption' ? { level: 3, text: wordsOf(element) } : headingOf(element)))
    .slice(1)
    .map((h) => `${h.level - 1} ${h.text}`);
  const title = headingLevels(edition.printPage)[0]!.text;
  /** Each heading of converted HTML as its level and words. */
  const headingsIn = (...trees: Nodes[]) => trees.flatMap((tree) => selectAll(HEADINGS, tree).map((h) => { const { level, text } = headingOf(h); return `${level} ${text}`; }));
  const holdsEverything = (content: string) => {
    const words = content.replace(/\s+/g, ' ');
    for (const statement of edition.statements) expect(words, statement.text).toContain(statement.text);
    for (const action of edition.actions) expect(words, action.code).toMatch(new RegExp(`\\b${action.code}\\b`));
    for (const quote of edition.quotes) expect(words, quote.text).toContain(quote.text);
    expect(words).toContain('Glossary of abbreviations');
    // The compare chart cannot be drawn in a document: its text alternative stands in its place.
    const chart = words.slice(words.indexOf("Children in care and care leavers supported, in each edition's local profile:"));
    expect(chart.length, 'the chart of the editions compared').toBeLessThan(words.length);
    for (const value of chartValues) expect(chart).toContain(value);
  };

  it('Word (DOCX): title and language set, heading styles at the page’s levels, every statement and action, tables with a repeating header row', async () => {
    const { value: html } = await mammoth.convertToHtml({ path: `${base}.docx` });
    const converted = parse(html);
    expect(headingsIn(converted)).toEqual(expectedHeadings);
    holdsEverything(wordsOf(converted));
    const zip = await unzip(`${base}.docx`);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain(`<dc:title>${title.replace(/&/g, '&amp;')}</dc:title>`);
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(await zip.file('word/styles.xml')!.async('string')).toMatch(/<w:lang [^>]*w:val="en-GB"/);
    const document = await zip.file('word/document.xml')!.async('string');
    const tables = document.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(1);
    // The first row of each table is its header, repeated on each page Word lays it over.
    for (const table of tables) expect(table.split('</w:tr>')[0]).toMatch(/<w:tblHeader( w:val="true")? ?\/>/);
    expect(textsOf('th', converted)).toContain('Action id');
  });

  it('OpenDocument (ODT): title and language set, headings at the page’s levels, every statement and action, tables with header rows', async () => {
    const zip = await unzip(`${base}.odt`);
    const content = await zip.file('content.xml')!.async('string');
    const headings = [...content.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/g)].map((m) => `${m[1]} ${plain(m[2]!)}`);
    expect(headings).toEqual(expectedHeadings);
    holdsEverything(plain(content));
    const tables = content.split('<table:table ').slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(1);
    for (const table of tables) expect(table).toContain('<table:table-header-rows>');
    const meta = await zip.file('meta.xml')!.async('string');
    expect(meta).toContain(`<dc:title>${title.replace(/&/g, '&amp;')}</dc:title>`);
    expect(meta).toContain('<dc:language>en-GB</dc:language>');
  });

  it('EPUB 3: title and language set, every statement and action, the action plan as tables with a header row', async () => {
    const zip = await unzip(`${base}.epub`);
    const opf = await zip.file('EPUB/content.opf')!.async('string');
    expect(opf).toMatch(/<package\b[^>]* version="3.0"/);
    expect(plain(/<dc:title[^>]*>([\s\S]*?)<\/dc:title>/.exec(opf)![1]!)).toBe(title);
    expect(opf).toContain('<dc:language>en-GB</dc:language>');
    const chapters = await Promise.all(Object.keys(zip.files).filter((f) => /^EPUB\/text\/ch\d+\.xhtml$/.test(f)).sort().map((f) => zip.file(f)!.async('string')));
    // XHTML, read as browsers and reading systems' HTML engines read it.
    const trees = chapters.map(parse);
    holdsEverything(trees.map(wordsOf).join(' '));
    expect(trees.flatMap((tree) => textsOf('thead > tr:first-child > th:first-child', tree))).toContain('Action id');
    const headings = headingsIn(...trees);
    // What comes before the first heading (the previous edition's notice) is a chapter headed by the title.
    expect(headings.filter((h, i) => !(i === 0 && h === `1 ${title}`))).toEqual(expectedHeadings);
  });

  it('EPUB 3: its language on the package, the edition’s own identifier and date, accessibility metadata true of its content, and chapters titled by their headings', async () => {
    const zip = await unzip(`${base}.epub`);
    const opf = await zip.file('EPUB/content.opf')!.async('string');
    expect(opf).toMatch(/<package xml:lang="en-GB"/);
    // A name-based UUID of the book's address (Python's uuid.uuid5 gives the same), never a random one.
    const address = process.env['SITE_URL'] ? new URL(`/${slug}/halton-strategy-${slug}.epub`, process.env['SITE_URL']).href : `/${slug}/halton-strategy-${slug}.epub`;
    expect(/<dc:identifier id="([^"]+)">urn:uuid:([^<]+)<\/dc:identifier>/.exec(opf)?.[2]).toBe(uuidV5(address));
    expect(await zip.file('EPUB/toc.ncx')!.async('string')).toContain(`content="urn:uuid:${uuidV5(address)}"`);
    // The strategies print no date: dc:date is the year the edition starts, as its title says.
    const { startYear } = readEdition(slug);
    expect(typeof startYear).toBe('number');
    expect(/<dc:date[^>]*>([^<]+)<\/dc:date>/.exec(opf)?.[1]).toBe(String(startYear));
    expect(title).toContain(String(startYear));
    const metas = [...opf.matchAll(/<meta property="([^"]+)">([^<]*)<\/meta>/g)].map((m) => [m[1]!, decodeEntities(m[2]!)] as const);
    const values = (property: string) => metas.filter(([p]) => p === property).map(([, v]) => v);
    const chapterNames = Object.keys(zip.files).filter((f) => /^EPUB\/text\/ch\d+\.xhtml$/.test(f)).sort();
    const chapters = await Promise.all(chapterNames.map((f) => zip.file(f)!.async('string')));
    const nav = await zip.file('EPUB/nav.xhtml')!.async('string');
    // What the book holds, counted here: the features claimed must be there.
    const images = chapters.flatMap((chapter) => selectAll('img', parse(chapter)));
    const navTree = parse(nav);
    expect(values('schema:accessMode')).toEqual(images.length ? ['textual', 'visual'] : ['textual']);
    expect(values('schema:accessModeSufficient')).toContain(images.length ? 'textual,visual' : 'textual');
    expect(values('schema:accessibilityHazard')).toEqual(['none']);
    expect(values('schema:accessibilityFeature')).toEqual([
      'tableOfContents', 'structuralNavigation', 'readingOrder', ...(images.length && images.every((image) => attribute(image, 'alt')) ? ['alternativeText'] : []),
    ]);
    expect(selectAll('nav[epub\\:type="toc"] li', navTree).length).toBeGreaterThanOrEqual(chapters.length);
    expect(values('schema:accessibilitySummary')[0]).toMatch(/Ace by DAISY.*does not claim conformance/);
    // No conformance claim: the checkers here show only part of what EPUB Accessibility 1.1 asks.
    expect(values('dcterms:conformsTo')).toEqual([]);
    expect(selectAll('nav[epub\\:type="toc"][role="doc-toc"]', navTree)).toHaveLength(1);
    expect(selectAll('nav[epub\\:type="landmarks"] a[href="nav.xhtml#toc"][epub\\:type="toc"]', navTree)).toHaveLength(1);
    expect(selectAll(`nav[epub\\:type="landmarks"] a[href="${chapterNames[0]!.replace('EPUB/', '')}"][epub\\:type="bodymatter"]`, navTree)).toHaveLength(1);
    chapters.forEach((chapter, i) => {
      const tree = parse(chapter);
      expect(textsOf('head > title', tree), chapterNames[i]).toEqual([wordsOf(select(HEADINGS, tree)!)]);
    });
  });
});

describe('EPUB validation', () => {
  it('epubcheck reports no errors or warnings for either edition', async () => {
    const jar = ['/usr/share/java/epubcheck.jar', '/usr/bin/epubcheck'].find((p) => existsSync(p))!;
    const check = (slug: string) =>
      new Promise<string>((done) => {
        // A short-lived JVM: the client compiler and serial GC start it in a fraction of the time.
        const java = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', jar, join(DIST, slug, `halton-strategy-${slug}.epub`)];
        execFile('java', java, { maxBuffer: 16 * 1024 * 1024 }, (_error, stdout, stderr) => done(`${stdout}\n${stderr}`));
      });
    const reports = await Promise.all(editionsWithFiles.map((e) => check(e.slug)));
    for (const report of reports) expect(report).toContain('Messages: 0 fatals / 0 errors / 0 warnings');
  }, 180_000);
});

describe('document links', () => {
  it('are shown with their size beside the PDFs on every page of the edition, and on the alternative formats page', () => {
    for (const [format, label] of [['odt', 'OpenDocument text'], ['docx', 'Word document'], ['epub', 'EPUB e-book']]) {
      expect(fileLinks('/2017-20/pledge/3/', `halton-strategy-2017-20.${format}`, 'data-doc-size').filter(sizedAs(label!)), format).not.toEqual([]);
    }
    for (const slug of ['2017-20', '2008-11']) {
      for (const format of ['odt', 'docx', 'epub']) expect(fileLinks('/alternative-formats/', `halton-strategy-${slug}.${format}`, 'data-doc-size').filter(sizedAs(/./)), `${slug} ${format}`).not.toEqual([]);
    }
  });

  it('are removed, with one clear line, when pandoc is missing', async () => {
    const { lines, formatsPage } = await runWithoutTool(documents, { PANDOC_PATH: '/nonexistent/pandoc' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Documents not built: no pandoc at \/nonexistent\/pandoc/);
    const addresses = allAttributeValues(parse(formatsPage));
    expect(addresses.filter((value) => /\.(odt|docx|epub)$/.test(value))).toEqual([]);
    expect(addresses.filter((value) => value.endsWith('.pdf')).length).toBeGreaterThan(0);
  });
});
