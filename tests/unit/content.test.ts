/**
 * The content against its seeds, both ways: every string we publish is the seed's own words
 * (nothing invented), and every cell of each seed's action plan is in the content (nothing lost).
 * Read from the seed files themselves, never from a copy.
 */
import { describe, expect, it } from 'vitest';
import { actionPlanFragments, appearsInSeed, coveredBy, normaliseSeedText } from '../helpers/fidelity.ts';
import { editionSlugs, readCollection, readEdition, readSeed } from '../helpers/content.ts';

const current = '2017-20';

describe('the 2017-20 edition has every list of the seed', () => {
  it.each([
    ['themes', 12],
    ['promises', 7],
    ['principles', 7],
    ['quotes', 4],
    ['figures', 11],
    ['actions', 49],
  ] as const)('%s: %i entries', (collection, count) => {
    expect(readCollection(current, collection)).toHaveLength(count);
  });

  it('has 4, 3, 7, 3, 2, 2, 7, 3, 3, 5, 1 and 9 actions under Pledge statements 1 to 12', () => {
    const actions = readCollection(current, 'actions');
    const perStatement = Array.from({ length: 12 }, (_, i) => actions.filter((a) => a.theme === `p${i + 1}`).length);
    expect(perStatement).toEqual([4, 3, 7, 3, 2, 2, 7, 3, 3, 5, 1, 9]);
  });

  it('holds every figure of the local profile', () => {
    const seed = readSeed(current);
    const profile = seed.slice(seed.search(/^LOCAL PROFILE$/m), seed.search(/^VIEWS OF CHILDREN IN CARE AND CARE LEAVERS$/m));
    const lines = profile.split('\n').map(normaliseSeedText).filter((l) => /\d/.test(l));
    const figures = readCollection(current, 'figures').map((f) => normaliseSeedText(f.sourceText));
    expect(lines.length).toBeGreaterThan(9);
    for (const line of lines) expect(figures).toContain(line);
  });
});

describe.each(editionSlugs())('edition %s', (edition) => {
  const seed = readSeed(edition);
  const normalisedSeed = normaliseSeedText(seed);
  const actions = readCollection(edition, 'actions');
  const themes = readCollection(edition, 'themes');
  const leads = readCollection(edition, 'leads');

  it('says its edition in every file', () => {
    for (const collection of ['themes', 'actions', 'leads', 'promises', 'principles', 'quotes', 'figures'] as const) {
      for (const entry of readCollection(edition, collection)) {
        expect(entry.edition, `${collection}/${entry.id}.yaml`).toBe(edition);
      }
    }
    expect(readEdition(edition).edition).toBe(edition);
  });

  it('has actions that point to an existing theme and existing leads, and leads that are all used', () => {
    const themeIds = new Set(themes.map((t) => t.id));
    const leadIds = new Set(leads.map((l) => l.id));
    for (const action of actions) {
      expect(themeIds, `${action.id}.yaml theme`).toContain(action.theme);
      for (const lead of action.leads) expect(leadIds, `${action.id}.yaml leads`).toContain(lead);
    }
    const used = new Set(actions.flatMap((a) => a.leads));
    for (const lead of leads) expect(used, `leads/${lead.id}.yaml`).toContain(lead.id);
  });

  it('gives every action a stable id: its theme code, then its order', () => {
    for (const action of actions) {
      const theme = themes.find((t) => t.id === action.theme);
      expect(action.code).toBe(`${theme?.code}-A${action.order}`);
      expect(action.id).toBe(action.code.toLowerCase());
    }
  });

  it('invents nothing: every action, theme, lead and list string is in the seed', () => {
    const strings = [
      ...actions.flatMap((a) => [...(a.source ? [a.source] : []), ...a.aims, ...a.actions, ...a.outcomes, ...a.timescales, a.leadText].map((s) => [`actions/${a.id}`, s])),
      ...themes.flatMap((t) => [[`themes/${t.id}`, t.text], [`themes/${t.id}`, t.planHeading]]),
      ...leads.flatMap((l) => l.aliases.map((s) => [`leads/${l.id}`, s])),
      ...(['promises', 'principles', 'quotes'] as const).flatMap((c) => readCollection(edition, c).map((e) => [`${c}/${e.id}`, e.text])),
      ...readCollection(edition, 'figures').map((f) => [`figures/${f.id}`, f.sourceText]),
    ];
    const invented = strings.filter(([, s]) => !appearsInSeed(s ?? '', normalisedSeed));
    expect(invented).toEqual([]);
  });

  it('joins text across a page break only where its note says so', () => {
    for (const action of actions) {
      const joined = [...action.aims, ...action.actions, ...action.outcomes, ...action.timescales, action.leadText].some(
        (s) => !normalisedSeed.includes(normaliseSeedText(s)),
      );
      if (joined) expect(action.note ?? '', action.id).toMatch(/page break/i);
    }
  });

  it('loses nothing: every cell of the seed action plan is in the content', () => {
    const headerFirstCell = readEdition(edition).columns.source ?? 'Aim';
    const corpus = [
      ...actions.map((a) => [a.source ?? '', a.aims.join(' '), a.actions.join(' '), a.outcomes.join(' '), a.timescales.join(' '), a.leadText].join(' | ')),
      ...themes.map((t) => t.planHeading),
    ]
      .map(normaliseSeedText)
      .join(' || ');
    const fragments = actionPlanFragments(seed, headerFirstCell);
    expect(fragments.length).toBeGreaterThan(actions.length * 4);
    const lost = fragments.filter((f) => !coveredBy(f, corpus));
    expect(lost).toEqual([]);
  });

  it('keeps every action-plan heading of the seed as a theme', () => {
    for (const theme of themes) expect(normalisedSeed).toContain(normaliseSeedText(theme.planHeading));
  });
});
