/** The open data files are the plan: one row per action, valid against the published schema; lead pages add up to the plan. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DIST, wordsOf } from '../helpers/dist.ts';
import { attributesOf, pageTree, selectAll, wordsAround } from '../helpers/html.ts';
import { editionSlugs, readCollection } from '../helpers/content.ts';

/** Minimal RFC 4180 reader: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += c;
  }
  return rows;
}

describe.each(editionSlugs())('open data of edition %s', (edition) => {
  const actions = readCollection(edition, 'actions');
  const codes = actions.map((a) => a.code).sort();

  it('CSV: UTF-8 with a header and exactly one row per action, keyed by action id', () => {
    const raw = readFileSync(join(DIST, edition, 'action-plan.csv'), 'utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(raw.slice(1));
    expect(header?.[0]).toBe('action_id');
    expect(rows).toHaveLength(actions.length);
    expect(rows.map((r) => r[0]).sort()).toEqual(codes);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
    const first = actions.find((a) => a.code === rows[0]?.[0]);
    expect(rows[0]?.[header!.indexOf('timescale')]).toBe(first?.timescales.join('\n'));
  });

  it('JSON: one entry per action, valid against the published JSON Schema', () => {
    const json = JSON.parse(readFileSync(join(DIST, edition, 'action-plan.json'), 'utf8'));
    const schema = JSON.parse(readFileSync(join(DIST, 'action-plan.schema.json'), 'utf8'));
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.actions.map((a: { id: string }) => a.id).sort()).toEqual(codes);
    expect(json.actionCount).toBe(actions.length);
    // The validator is real: a broken file fails it.
    expect(validate({ ...json, actions: [{ id: 'nonsense' }] })).toBe(false);
  });

  it('lead pages add up to the whole plan: every action is on the page of each of its leads', () => {
    const leads = readCollection(edition, 'leads');
    const seen = new Map<string, number>();
    for (const lead of leads) {
      for (const id of attributesOf('tr[id]', 'id', pageTree(`/${edition}/leads/${lead.id}/`)).filter((id) => /^[a-z0-9]+-a\d+$/.test(id))) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(actions.map((a) => a.id).sort());
    for (const action of actions) expect(seen.get(action.id), action.id).toBe(action.leads.length);
  });

  it('the action plan page links to both files with their size', () => {
    const tree = pageTree(`/${edition}/action-plan/`);
    const csv = selectAll(`a[href="/${edition}/action-plan.csv"]`, tree);
    // The download list gives its size; the formats list beside the page's other files links it too.
    expect(csv.map(wordsOf)).toContain('Action plan as CSV');
    expect(csv.filter((link) => /^Action plan as CSV \(spreadsheet, UTF-8, [\d.]+ KB\)$/.test(wordsAround(link, tree)))).toHaveLength(1);
    expect(selectAll(`a[href="/${edition}/action-plan.json"]`, tree).length).toBeGreaterThan(0);
  });
});
