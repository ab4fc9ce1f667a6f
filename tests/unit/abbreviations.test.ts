import { describe, expect, it } from 'vitest';
import { markFirstUses } from '../../src/lib/abbreviations.ts';

const glossary = [
  { key: 'CiCCL', forms: ['CiCCL', 'CICCL'], expansion: 'children in care and care leavers' },
  { key: 'CiC', forms: ['CiC', 'CIC'], expansion: 'children in care' },
  { key: 'LA', forms: ['LA'], expansion: 'local authority' },
];

describe('markFirstUses', () => {
  it('marks the first use only, whatever the spelling', () => {
    const seen = new Set<string>();
    expect(markFirstUses('CICCL and CiCCL', glossary, seen)).toEqual([{ abbr: 'CICCL', title: 'children in care and care leavers' }, ' and CiCCL']);
    expect(markFirstUses('then CiCCL again', glossary, seen)).toEqual(['then CiCCL again']);
  });
  it('prefers the longest form and matches whole words only', () => {
    expect(markFirstUses('CiCCL, not CiC', glossary, new Set())).toEqual([
      { abbr: 'CiCCL', title: 'children in care and care leavers' },
      ', not ',
      { abbr: 'CiC', title: 'children in care' },
    ]);
    expect(markFirstUses('LAC and Lanes', glossary, new Set())).toEqual(['LAC and Lanes']);
  });
});
