/**
 * Reads a built PDF back with PDF.js (pdfjs-dist), an implementation independent of pdf-lib,
 * which finishes the PDFs, and of Chromium, which prints them: every text-showing operator of
 * every page with the marked content it lies in, the structure tree of each page, and the link
 * annotations. One pass a file; the tests count from what it returns.
 */
import { readFileSync } from 'node:fs';
import { getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A structure element as PDF.js serialises a page's tree (role already role-mapped). */
interface StructNode {
  role: string;
  children: (StructNode | { type: 'content' | 'object' | 'annotation'; id: string })[];
  structId?: string;
  headers?: string[];
  scope?: string;
  alt?: string;
}

/** One run of text as a content stream shows it (Tj, TJ, ' or "). */
export interface TextRun {
  page: number;
  text: string;
  /** The font size in points on the page (Tf size scaled by the text and graphics matrices). */
  size: number;
  /** What the run lies in: the innermost marked content with an MCID, an artifact, or nothing. */
  marked: { kind: 'mcid'; id: string } | { kind: 'artifact'; type: string } | { kind: 'none' };
}

/** A structure element with marked content on a page (its own or its descendants'), with its ancestors' roles and the text it shows there. */
/** A path painted, an image or a shading drawn: content that is not text. */
export interface Painting {
  page: number;
  kind: 'path' | 'image' | 'shading';
  marked: TextRun['marked'];
}

export interface TaggedElement {
  page: number;
  role: string;
  ancestors: string[];
  structId?: string;
  headers: string[];
  scope?: string;
  text: string;
  mcids: string[];
}

export interface LinkAnnotation {
  page: number;
  id: string;
  contents: string;
  /** Where it goes: its URI, or its destination in the document as `#name`. */
  target: string;
  /** The structure element whose object reference (OBJR) the annotation is, and its text on the page. */
  parent?: { role: string; text: string };
}

export interface PdfReadBack {
  pages: number;
  runs: TextRun[];
  paintings: Painting[];
  /** Structure elements of each page that hold content, in the page's reading order. */
  elements: TaggedElement[];
  links: LinkAnnotation[];
  /** Marked-content ids shown on a page that no structure element of that page holds. */
  orphanMcids: string[];
  /** Tagged content begun inside an artifact, or an artifact begun inside tagged content (ISO 14289-1 7.1). */
  misnested: { page: number; what: string }[];
}

// Its own matrix arithmetic, not build/lib/pdf-content.ts's: the read-back shares no code with the
// writer it checks, so a mistake there cannot hide itself here.
type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
/** The vertical scale of a matrix: how tall one unit of text space is drawn. */
const scaleOf = (m: Matrix) => Math.hypot(m[2], m[3]);

const IMAGE_OPERATORS = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask,
]);
const TEXT_OPERATORS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);

/** The characters a run of glyphs (as PDF.js gives them) stands for. */
function glyphText(glyphs: unknown): string {
  if (!Array.isArray(glyphs)) return '';
  return glyphs.map((g) => (g && typeof g === 'object' && 'unicode' in g ? String((g as { unicode: string }).unicode) : '')).join('');
}

export async function readBack(file: string): Promise<PdfReadBack> {
  const task = getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: VerbosityLevel.ERRORS });
  const doc = await task.promise;
  const runs: TextRun[] = [];
  const paintings: Painting[] = [];
  const elements: TaggedElement[] = [];
  const links: LinkAnnotation[] = [];
  const orphanMcids: string[] = [];
  const misnested: PdfReadBack['misnested'] = [];
  try {
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const pageObjId = `${page.ref?.num}R${page.ref?.gen ? page.ref.gen : ''}`;
      const list = await page.getOperatorList();
      // Marked content, innermost last; the graphics state stack (CTM) and the text state.
      const marked: TextRun['marked'][] = [];
      const textOf = new Map<string, string>();
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      let tm: Matrix = [1, 0, 0, 1, 0, 0];
      let fontSize = 0;
      for (let i = 0; i < list.fnArray.length; i += 1) {
        const fn = list.fnArray[i]!;
        const args = list.argsArray[i] as unknown[] | null;
        switch (fn) {
          case OPS.save:
            saved.push(ctm);
            break;
          case OPS.restore:
            ctm = saved.pop() ?? ctm;
            break;
          case OPS.transform:
            ctm = multiply(args as Matrix, ctm);
            break;
          case OPS.paintFormXObjectBegin: {
            saved.push(ctm);
            const matrix = args?.[0] as Matrix | null;
            if (matrix) ctm = multiply([...matrix] as Matrix, ctm);
            break;
          }
          case OPS.paintFormXObjectEnd:
            ctm = saved.pop() ?? ctm;
            break;
          case OPS.beginText:
            tm = [1, 0, 0, 1, 0, 0];
            break;
          case OPS.setTextMatrix:
            tm = Array.from(args![0] as ArrayLike<number>).slice(0, 6) as Matrix;
            break;
          case OPS.setFont:
            fontSize = Number(args![1]);
            break;
          case OPS.beginMarkedContent:
          case OPS.beginMarkedContentProps: {
            const [tag, mcid] = (args ?? []) as [string, number | null | undefined];
            const next: TextRun['marked'] = tag === 'Artifact' ? { kind: 'artifact', type: '' } : Number.isInteger(mcid) ? { kind: 'mcid', id: `p${pageObjId}_mc${mcid}` } : { kind: 'none' };
            const inside = [...marked].reverse().find((m) => m.kind !== 'none');
            if (next.kind !== 'none' && inside && inside.kind !== next.kind) misnested.push({ page: n, what: `${next.kind} inside ${inside.kind}` });
            marked.push(next);
            break;
          }
          case OPS.endMarkedContent:
            marked.pop();
            break;
          default: {
            // What content lies in is decided by the nearest enclosing MCID or artifact.
            const inside = [...marked].reverse().find((m) => m.kind !== 'none') ?? { kind: 'none' as const };
            // A path ended with `n` only clips: it paints nothing.
            if (fn === OPS.constructPath && args?.[0] !== OPS.endPath) paintings.push({ page: n, kind: 'path', marked: inside });
            else if (IMAGE_OPERATORS.has(fn)) paintings.push({ page: n, kind: 'image', marked: inside });
            else if (fn === OPS.shadingFill) paintings.push({ page: n, kind: 'shading', marked: inside });
            else if (TEXT_OPERATORS.has(fn)) {
              const text = glyphText(args?.[fn === OPS.nextLineSetSpacingShowText ? 2 : 0]);
              runs.push({ page: n, text, size: Math.round(fontSize * scaleOf(multiply(tm, ctm)) * 100) / 100, marked: inside });
              if (inside.kind === 'mcid') textOf.set(inside.id, (textOf.get(inside.id) ?? '') + text);
            }
          }
        }
      }

      const tree = (await page.getStructTree()) as StructNode | null;
      const held = new Set<string>();
      const annotationParents = new Map<string, StructNode>();
      const parentText = new Map<StructNode, string[]>();
      // Each element with content on this page, with every marked-content id beneath it.
      const visit = (node: StructNode, ancestors: string[]): string[] => {
        const mcids: string[] = [];
        for (const child of node.children) {
          if ('role' in child) mcids.push(...visit(child, [...ancestors, node.role]));
          else if (child.type === 'content') mcids.push(child.id);
          else if (child.type === 'annotation') annotationParents.set(child.id.replace(/^pdfjs_internal_id_/, ''), node);
        }
        for (const id of mcids) held.add(id);
        parentText.set(node, mcids);
        if (mcids.length) {
          elements.push({
            page: n,
            role: node.role,
            ancestors,
            ...(node.structId ? { structId: node.structId } : {}),
            headers: node.headers ?? [],
            ...(node.scope ? { scope: node.scope } : {}),
            text: mcids.map((id) => textOf.get(id) ?? '').join(''),
            mcids,
          });
        }
        return mcids;
      };
      if (tree) for (const child of tree.children) if ('role' in child) visit(child, []);
      for (const id of textOf.keys()) if (!held.has(id)) orphanMcids.push(id);

      for (const annotation of (await page.getAnnotations()) as { subtype: string; id: string; contentsObj?: { str: string }; url?: string; unsafeUrl?: string; dest?: unknown }[]) {
        if (annotation.subtype !== 'Link') continue;
        const parent = annotationParents.get(annotation.id);
        const text = (parent && parentText.get(parent)?.map((id) => textOf.get(id) ?? '').join('')) ?? '';
        const target = annotation.unsafeUrl ?? annotation.url ?? (typeof annotation.dest === 'string' ? `#${annotation.dest}` : JSON.stringify(annotation.dest));
        links.push({ page: n, id: annotation.id, contents: annotation.contentsObj?.str ?? '', target, ...(parent ? { parent: { role: parent.role, text } } : {}) });
      }
      page.cleanup();
    }
    return { pages: doc.numPages, runs, paintings, elements, links, orphanMcids, misnested };
  } finally {
    await task.destroy();
  }
}

/** Text compared across the page and the PDF: ligatures unfolded, no spaces (a PDF shows lines, not spaces). */
export const bare = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export interface Expected {
  /** Each column header of the page's tables (th scope=col), by its bare text, and how many there are. */
  columnHeaders: Map<string, number>;
  /** The action ids, and the labels each action's values are printed under. */
  actionCodes: string[];
  labels: string[];
}

export interface TaggingSummary {
  pages: number;
  textRuns: number;
  taggedRuns: number;
  artifactRuns: number;
  untaggedRuns: TextRun[];
  untaggedPaintings: Painting[];
  orphanMcids: string[];
  misnested: PdfReadBack['misnested'];
  links: number;
  described: number;
  inLinkElement: number;
  /** Links whose /Contents does not hold the words the link shows on its page. */
  contentsNotText: LinkAnnotation[];
  /** Links that go to the server the page was printed from, which no reader can reach. */
  linksToPrintServer: LinkAnnotation[];
  /** Column headers tagged more often than the page has them (a header row repeated on each page, tagged each time). */
  repeatedHeaders: { text: string; inPdf: number; onPage: number }[];
  /** Pages whose "Page N of M" is not an artifact. */
  pageNumbersNotArtifacts: number[];
  values: number;
  /** Action values (action id, label) with no TD whose /Headers name both. */
  valuesWithoutBothHeaders: string[];
  smallestText: number;
}

/** What the tests count in a PDF read back, against what its page holds. */
export function summarize(read: PdfReadBack, expected: Expected): TaggingSummary {
  const shown = read.runs.filter((r) => r.text.trim());
  const headerText = new Map(read.elements.filter((e) => e.role === 'TH' && e.structId && e.text).map((e) => [e.structId!, bare(e.text)]));
  const cellHeaders = read.elements.filter((e) => e.role === 'TD').map((e) => new Set(e.headers.map((id) => headerText.get(id))));
  const valuesWithoutBothHeaders = expected.actionCodes.flatMap((code) =>
    expected.labels.filter((label) => !cellHeaders.some((h) => h.has(bare(code)) && h.has(bare(label)))).map((label) => `${code} ${label}`),
  );
  const inPdf = new Map<string, number>();
  for (const th of read.elements.filter((e) => e.role === 'TH' && e.scope === 'Column')) inPdf.set(bare(th.text), (inPdf.get(bare(th.text)) ?? 0) + 1);
  const repeatedHeaders = [...new Set([...inPdf.keys(), ...expected.columnHeaders.keys()])]
    .map((text) => ({ text, inPdf: inPdf.get(text) ?? 0, onPage: expected.columnHeaders.get(text) ?? 0 }))
    .filter((h) => h.inPdf !== h.onPage);
  const pageNumbersNotArtifacts = Array.from({ length: read.pages }, (_, i) => i + 1).filter((page) => {
    const artifactText = read.runs.filter((r) => r.page === page && r.marked.kind === 'artifact').map((r) => r.text).join('');
    return !artifactText.includes(`Page ${page} of ${read.pages}`);
  });
  return {
    pages: read.pages,
    textRuns: read.runs.length,
    taggedRuns: read.runs.filter((r) => r.marked.kind === 'mcid').length,
    artifactRuns: read.runs.filter((r) => r.marked.kind === 'artifact').length,
    untaggedRuns: read.runs.filter((r) => r.marked.kind === 'none'),
    untaggedPaintings: read.paintings.filter((p) => p.marked.kind === 'none'),
    orphanMcids: read.orphanMcids,
    misnested: read.misnested,
    links: read.links.length,
    described: read.links.filter((l) => l.contents.trim()).length,
    inLinkElement: read.links.filter((l) => l.parent?.role === 'Link').length,
    linksToPrintServer: read.links.filter((l) => /\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(l.target)),
    contentsNotText: read.links.filter((l) => !l.parent?.text.trim() || !bare(l.contents).includes(bare(l.parent.text))),
    repeatedHeaders,
    pageNumbersNotArtifacts,
    values: expected.actionCodes.length * expected.labels.length,
    valuesWithoutBothHeaders,
    smallestText: Math.min(...shown.map((r) => r.size)),
  };
}
