/**
 * Marks a page's content stream so that every piece of content is either tagged or an artifact
 * (PDF/UA-1, ISO 14289-1 7.1), for the PDFs Chromium prints:
 *
 * - Text outside any marked content is allowed only in the page margins, where Chromium draws
 *   its header and footer templates (the page numbers): it becomes a pagination artifact.
 *   Text anywhere else outside the structure tree (CSS generated content, say) fails, naming
 *   the page and position, so no PDF is published that claims PDF/UA with untagged text.
 * - Paths, images and shadings outside any marked content (page backgrounds, the borders of
 *   elements that have no role) belong to no element: they become layout artifacts.
 * - Marked content whose MCID is given as repeated (a table's header row, printed again on
 *   each page the table runs over) becomes a pagination artifact.
 *
 * Works on the operators, not on bytes: a small tokenizer of the content stream syntax (ISO
 * 32000-1 7.8.2), and each change is an insertion before or after a whole graphics or text
 * object, so BT/ET and marked content stay properly nested (ISO 32000-1 14.6).
 */

export interface PageGeometry {
  /** Page height in points (the MediaBox's), the origin at its foot. */
  height: number;
  /** The margins where running furniture may be drawn, in points. */
  marginTop: number;
  marginBottom: number;
}

export interface MarkedPage {
  content: string;
  /** What was made an artifact, counted. */
  artifacts: { pagination: number; layout: number; repeated: number };
}

type Token = { kind: 'operand' | 'operator'; text: string; start: number; end: number };
interface Operation {
  operator: string;
  operands: string[];
  start: number;
  end: number;
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** The operators of a content stream with their operands (strings kept whole, as written). */
export function operations(source: string): Operation[] {
  const ops: Operation[] = [];
  let operands: Token[] = [];
  let i = 0;
  const n = source.length;
  const push = (token: Token) => {
    if (token.kind === 'operand') {
      operands.push(token);
      return;
    }
    ops.push({ operator: token.text, operands: operands.map((t) => t.text), start: operands[0]?.start ?? token.start, end: token.end });
    operands = [];
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (WHITESPACE.has(c)) {
      i += 1;
      continue;
    }
    const start = i;
    if (c === 0x25 /* % */) {
      while (i < n && source[i] !== '\n' && source[i] !== '\r') i += 1;
      continue;
    }
    if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i += 1) {
        const ch = source[i];
        if (ch === '\\') i += 1;
        else if (ch === '(') depth += 1;
        else if (ch === ')' && --depth === 0) break;
      }
      i += 1;
      push({ kind: 'operand', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (source.startsWith('<<', i) || source.startsWith('>>', i)) {
      i += 2;
      push({ kind: 'operand', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === 0x3c /* < */) {
      i = source.indexOf('>', i) + 1;
      if (i === 0) throw new Error('content stream: unterminated hex string');
      push({ kind: 'operand', text: source.slice(start, i), start, end: i });
      continue;
    }
    if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d /* [ ] { } */) {
      i += 1;
      push({ kind: 'operand', text: source.slice(start, i), start, end: i });
      continue;
    }
    // A name, a number or an operator: regular characters up to the next delimiter or space.
    i += 1;
    while (i < n && !WHITESPACE.has(source.charCodeAt(i)) && !DELIMITERS.has(source.charCodeAt(i))) i += 1;
    const text = source.slice(start, i);
    const isOperand = text.startsWith('/') || /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) || text === 'true' || text === 'false' || text === 'null';
    push({ kind: isOperand ? 'operand' : 'operator', text, start, end: i });
    if (text === 'ID') {
      // Inline image data: binary up to whitespace, EI, whitespace.
      const at = /\sEI(?=[\s]|$)/g;
      at.lastIndex = i + 1;
      const found = at.exec(source);
      if (!found) throw new Error('content stream: inline image without EI');
      i = found.index + found[0].length;
      push({ kind: 'operator', text: 'EI', start: found.index + 1, end: i });
    }
  }
  return ops;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, k: Matrix): Matrix => [
  m[0] * k[0] + m[1] * k[2],
  m[0] * k[1] + m[1] * k[3],
  m[2] * k[0] + m[3] * k[2],
  m[2] * k[1] + m[3] * k[3],
  m[4] * k[0] + m[5] * k[2] + k[4],
  m[4] * k[1] + m[5] * k[3] + k[5],
];
const matrixOf = (operands: string[]): Matrix => operands.slice(-6).map(Number) as Matrix;

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);

export const PAGINATION_ARTIFACT = '/Artifact <</Type /Pagination>> BDC';
const paginationArtifact = (subtype: 'Header' | 'Footer') => `/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC`;
const LAYOUT_ARTIFACT = '/Artifact <</Type /Layout>> BDC';

/**
 * The page's content with its untagged content made artifacts and the given MCIDs (a repeated
 * header's) made pagination artifacts. `pageLabel` names the page in errors.
 */
export function markUntaggedContent(source: string, geometry: PageGeometry, repeatedMcids: ReadonlySet<number>, pageLabel: string): MarkedPage {
  const ops = operations(source);
  const before = new Map<number, string>();
  const after = new Map<number, string>();
  const replaced = new Map<number, string>();
  const artifacts = { pagination: 0, layout: 0, repeated: 0 };
  // Each open marked-content sequence: does it tag (MCID) or make an artifact of what it holds?
  const marked: ('tagged' | 'artifact' | 'neither')[] = [];
  const covered = () => marked.some((m) => m !== 'neither');
  const saved: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let pathStart = -1;
  let text: { start: number; tm: Matrix; line: Matrix; origin?: [number, number]; untagged: boolean; taggedInside: boolean } | undefined;
  const wrap = (first: number, last: number, open: string) => {
    before.set(first, `${before.get(first) ?? ''}${open}\n`);
    after.set(last, `\nEMC${after.get(last) ?? ''}`);
  };

  ops.forEach((op, i) => {
    const { operator, operands } = op;
    switch (operator) {
      case 'q':
        saved.push(ctm);
        return;
      case 'Q':
        ctm = saved.pop() ?? ctm;
        return;
      case 'cm':
        ctm = multiply(matrixOf(operands), ctm);
        return;
      case 'BMC':
        marked.push(operands[0] === '/Artifact' ? 'artifact' : 'neither');
        return;
      case 'BDC': {
        const mcid = /\/MCID\s+(\d+)/.exec(operands.join(' '))?.[1];
        if (operands[0] === '/Artifact') marked.push('artifact');
        else if (mcid !== undefined && repeatedMcids.has(Number(mcid))) {
          replaced.set(i, PAGINATION_ARTIFACT);
          artifacts.repeated += 1;
          marked.push('artifact');
        } else marked.push(mcid === undefined ? 'neither' : 'tagged');
        if (text && marked.at(-1) === 'tagged') text.taggedInside = true;
        return;
      }
      case 'EMC':
        marked.pop();
        return;
      case 'BT':
        text = { start: i, tm: IDENTITY, line: IDENTITY, untagged: false, taggedInside: false };
        return;
      case 'Tm':
        if (text) text.tm = text.line = matrixOf(operands);
        return;
      case 'Td':
      case 'TD':
        if (text) text.tm = text.line = multiply([1, 0, 0, 1, Number(operands[0]), Number(operands[1])], text.line);
        return;
      case 'ET': {
        if (text?.untagged) {
          const [, y] = text.origin ?? [0, 0];
          if (text.taggedInside) throw new Error(`${pageLabel}: a text object mixes tagged and untagged text`);
          if (y < geometry.marginBottom) wrap(text.start, i, paginationArtifact('Footer'));
          else if (y > geometry.height - geometry.marginTop) wrap(text.start, i, paginationArtifact('Header'));
          else throw new Error(`${pageLabel}: text at ${y.toFixed(0)} pt from the foot of the page is neither in the structure tree nor in a margin (CSS generated content, such as ::before or ::after, is never tagged: print the words as text)`);
          artifacts.pagination += 1;
        }
        text = undefined;
        return;
      }
      default:
        break;
    }
    if (TEXT_SHOWING.has(operator) && text) {
      if (!covered()) text.untagged = true;
      if (!text.origin) {
        const m = multiply(text.tm, ctm);
        text.origin = [m[4], m[5]];
      }
      return;
    }
    if (PATH_CONSTRUCTION.has(operator)) {
      if (pathStart < 0) pathStart = i;
      return;
    }
    if (PATH_PAINTING.has(operator)) {
      // `n` only ends a path (after W, a clip): it paints nothing.
      if (operator !== 'n' && !covered() && pathStart >= 0) {
        wrap(pathStart, i, LAYOUT_ARTIFACT);
        artifacts.layout += 1;
      }
      pathStart = -1;
      return;
    }
    if ((operator === 'Do' || operator === 'sh' || operator === 'EI') && !covered()) {
      // An XObject or shading that no element holds: a CSS background, say.
      wrap(operator === 'EI' ? ops.findLastIndex((o, k) => k < i && o.operator === 'BI') : i, i, LAYOUT_ARTIFACT);
      artifacts.layout += 1;
    }
  });

  let out = '';
  let cursor = 0;
  ops.forEach((op, i) => {
    out += source.slice(cursor, op.start);
    out += before.get(i) ?? '';
    out += replaced.get(i) ?? source.slice(op.start, op.end);
    out += after.get(i) ?? '';
    cursor = op.end;
  });
  out += source.slice(cursor);
  return { content: out, artifacts };
}
