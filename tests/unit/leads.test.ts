import { describe, expect, it } from 'vitest';
import { leadSegments, leadsNamedIn, normaliseLeadText } from '../../src/lib/leads.ts';
import { editionSlugs, readCollection } from '../helpers/content.ts';

describe('normaliseLeadText', () => {
  it.each([
    ['Principal Manager, CICCL.', 'principal manager, ciccl'],
    ['Principal Manager, CiCCL', 'principal manager, ciccl'],
    ['  Barnardo’s   Go4ward ', "barnardo's go4ward"],
  ])('%j → %j', (input, expected) => expect(normaliseLeadText(input)).toBe(expected));
});

describe('leadsNamedIn', () => {
  const leads = [
    { id: 'pm-ciccl', aliases: ['Principal Manager, CICCL', 'Principal Managers, Fostering & CiCCL'] },
    { id: 'pm-fostering', aliases: ['Principal Manager, Fostering', 'Principal Managers, Fostering & CiCCL'] },
    { id: 'health-team', aliases: ['Health Team'] },
    { id: 'cic-health-team', aliases: ['Children in Care Health Team'] },
  ];
  it('treats CICCL and CiCCL as one lead', () => {
    expect(leadsNamedIn('Principal Manager, CiCCL.', leads)).toEqual(['pm-ciccl']);
  });
  it('credits every lead of a shared plural alias', () => {
    expect(leadsNamedIn('Principal Managers, Fostering & CiCCL', leads)).toEqual(['pm-ciccl', 'pm-fostering']);
  });
  it('prefers the longest name, so one team is not counted twice', () => {
    expect(leadsNamedIn('Children in Care Health Team Halton CCG', leads)).toEqual(['cic-health-team']);
    expect(leadsNamedIn('IRM Service Social Workers Health Team', leads)).toEqual(['health-team']);
  });
});

describe('leadSegments', () => {
  const leads = [
    { id: 'pm-ciccl', aliases: ['Principal Manager, CICCL', 'Principal Managers, Fostering & CiCCL'] },
    { id: 'pm-fostering', aliases: ['Principal Manager, Fostering', 'Principal Managers, Fostering & CiCCL'] },
    { id: 'health-team', aliases: ['Health Team'] },
    { id: 'cic-health-team', aliases: ['Children in Care Health Team'] },
    { id: 'barnardos', aliases: ["Barnardo's Go4ward"] },
  ];
  it('keeps the printed words, cut where each lead is named', () => {
    expect(leadSegments('Principal Manager, CiCCL. Health Team', leads)).toEqual([
      { text: 'Principal Manager, CiCCL', leadIds: ['pm-ciccl'] },
      { text: '. ', leadIds: [] },
      { text: 'Health Team', leadIds: ['health-team'] },
    ]);
  });
  it('gives a shared plural name all its leads, and prefers the longest name', () => {
    expect(leadSegments('Principal Managers, Fostering & CiCCL', leads)).toEqual([{ text: 'Principal Managers, Fostering & CiCCL', leadIds: ['pm-ciccl', 'pm-fostering'] }]);
    expect(leadSegments('Children in Care Health Team', leads)).toEqual([{ text: 'Children in Care Health Team', leadIds: ['cic-health-team'] }]);
  });
  it('matches apostrophes and spacing loosely, keeping them as printed', () => {
    expect(leadSegments('Barnardo’s  Go4ward', leads)).toEqual([{ text: 'Barnardo’s  Go4ward', leadIds: ['barnardos'] }]);
  });
  it('leaves a cell that names no lead as one plain segment', () => {
    expect(leadSegments('Partner agencies', leads)).toEqual([{ text: 'Partner agencies', leadIds: [] }]);
  });
});

// The content's own leads: each action's `leads` are exactly the leads its printed lead cell names.
describe.each(editionSlugs())('leads of edition %s', (edition) => {
  const leads = readCollection(edition, 'leads');
  const actions = readCollection(edition, 'actions');
  it.each(actions.map((a) => [a.code, a] as const))('%s names exactly its leads', (_code, action) => {
    expect(leadsNamedIn(action.leadText, leads)).toEqual([...action.leads].sort());
  });
  it.each(actions.map((a) => [a.code, a] as const))('%s: its lead cell, cut into segments, is the printed words and names the same leads', (_code, action) => {
    const segments = leadSegments(action.leadText, leads);
    expect(segments.map((s) => s.text).join('')).toBe(action.leadText);
    expect([...new Set(segments.flatMap((s) => s.leadIds))].sort()).toEqual([...action.leads].sort());
  });
});
