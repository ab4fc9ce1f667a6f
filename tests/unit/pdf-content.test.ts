/** Marking a page's content stream: what is left untagged becomes an artifact, or fails. */
import { describe, expect, it } from 'vitest';
import { markUntaggedContent, operations } from '../../build/lib/pdf-content.ts';

// An A4 page as Chromium draws it: y grows downwards after this matrix, in CSS pixels at 0.75.
const FLIP = '.75 0 0 -.75 0 842 cm\n';
const geometry = { height: 842, marginTop: 51, marginBottom: 57 };
const mark = (content: string, repeated: number[] = []) => markUntaggedContent(content, geometry, new Set(repeated), 'page 3');

describe('operations', () => {
  it('keeps strings, hex strings, dictionaries and arrays whole as operands', () => {
    const ops = operations('/P <</MCID 2 >>BDC BT (a (nested\\) BDC) string) Tj [<00290052> -20 (x)] TJ ET EMC');
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'BT', 'Tj', 'TJ', 'ET', 'EMC']);
    expect(ops[2]!.operands).toEqual(['(a (nested\\) BDC) string)']);
    expect(ops[0]!.operands.join(' ')).toBe('/P << /MCID 2 >>');
  });
});

describe('markUntaggedContent', () => {
  it('leaves tagged content as it is', () => {
    const content = `${FLIP}/P <</MCID 0 >>BDC\nBT\n1 0 0 -1 20 100 Tm\n<0029> Tj\nET\nEMC\n`;
    expect(mark(content)).toEqual({ content, artifacts: { pagination: 0, layout: 0, repeated: 0 } });
  });

  it('makes text in the bottom margin a pagination artifact (the footer template’s page numbers)', () => {
    const { content, artifacts } = mark(`${FLIP}BT\n1 0 0 -1 300 1100 Tm\n<0033> Tj\nET\n`);
    expect(content).toContain('/Artifact <</Type /Pagination /Subtype /Footer>> BDC\nBT');
    expect(content).toMatch(/ET\nEMC\n$/);
    expect(artifacts.pagination).toBe(1);
  });

  it('fails on untagged text in the body of the page, naming the page', () => {
    expect(() => mark(`${FLIP}BT\n1 0 0 -1 20 400 Tm\n<0033> Tj\nET\n`)).toThrow(/^page 3: text at \d+ pt from the foot/);
  });

  it('makes untagged paintings layout artifacts, but leaves a clipping path alone', () => {
    const { content, artifacts } = mark('q\n0 0 100 100 re\nW* n\n1 1 1 rg\n0 0 595 842 re\nf\nQ\n');
    expect(content).toBe('q\n0 0 100 100 re\nW* n\n1 1 1 rg\n/Artifact <</Type /Layout>> BDC\n0 0 595 842 re\nf\nEMC\nQ\n');
    expect(artifacts.layout).toBe(1);
  });

  it('makes the marked content of a repeated header an artifact, by its MCID', () => {
    const { content, artifacts } = mark(`${FLIP}/NonStruct <</MCID 2 >>BDC\nBT\n1 0 0 -1 20 100 Tm\n<0024> Tj\nET\nEMC\n/NonStruct <</MCID 3 >>BDC\nEMC\n`, [2]);
    expect(content).toContain('/Artifact <</Type /Pagination>> BDC\nBT');
    expect(content).toContain('/NonStruct <</MCID 3 >>BDC');
    expect(artifacts.repeated).toBe(1);
  });
});
