/**
 * The action plan as open data: CSV and JSON built from the same records as the pages, and the
 * column documentation shown on the site. Pure functions.
 */
import { stringify } from 'csv-stringify/sync';
import type { ActionRecord } from './actionPlan.ts';
import { isoDue } from './timescale.ts';

/** Several items in one seed cell are joined with this in CSV cells: a spreadsheet keeps them on separate lines. */
const ITEM_SEPARATOR = '\n';

export interface ColumnDoc {
  name: string;
  description: string;
  value: (action: ActionRecord) => string;
}

export const CSV_COLUMNS: ColumnDoc[] = [
  { name: 'action_id', description: 'Permanent id of the action, e.g. P4-A2 (theme code, then action number). It never changes once published.', value: (a) => a.code },
  { name: 'edition', description: 'The edition of the strategy, e.g. 2017-20.', value: (a) => a.edition },
  { name: 'theme_number', description: 'Number of the Pledge statement (or outcome area) the action sits under.', value: (a) => String(a.themeNumber) },
  { name: 'theme', description: 'Short title of that Pledge statement or outcome area, written by the website editors.', value: (a) => a.themeShortTitle },
  { name: 'target_from', description: 'The "Target from" column, where the edition has one (2008-11). Empty otherwise.', value: (a) => a.source ?? '' },
  { name: 'aim', description: 'The aim (or key task) as printed. Several aims are on separate lines.', value: (a) => a.aims.join(ITEM_SEPARATOR) },
  { name: 'action', description: 'The action as printed. Several actions in one cell are on separate lines.', value: (a) => a.actions.join(ITEM_SEPARATOR) },
  { name: 'outcome', description: 'The outcome as printed; several on separate lines; empty where the strategy gives none.', value: (a) => a.outcomes.join(ITEM_SEPARATOR) },
  { name: 'timescale', description: 'The timescale exactly as printed; several on separate lines.', value: (a) => a.timescales.join(ITEM_SEPARATOR) },
  { name: 'timescale_kind', description: 'Our reading of each timescale: month, year, recurring, ongoing, complete, relative or unknown.', value: (a) => a.parsedTimescales.map((t) => t.kind).join(ITEM_SEPARATOR) },
  { name: 'timescale_due', description: 'Our reading of each dated timescale as YYYY-MM or YYYY; empty when it has no date. Always check against "timescale".', value: (a) => a.parsedTimescales.map(isoDue).join(ITEM_SEPARATOR) },
  { name: 'lead', description: 'The lead as printed.', value: (a) => a.leadText },
  { name: 'lead_ids', description: 'The normalised leads, as ids of the lead pages, separated by spaces.', value: (a) => a.leadIds.join(' ') },
  { name: 'filled_from_row_above', description: 'Cells the strategy left empty that are filled from the row above, e.g. "aim".', value: (a) => a.inherited.join(' ') },
  { name: 'note', description: 'Editors\' note on how the row was transcribed (joined across a page break, split, filled in).', value: (a) => a.note ?? '' },
];

/**
 * RFC 4180 CSV with CRLF line ends (a CRLF after the last row too) and a byte-order mark, so
 * spreadsheet programs read UTF-8 correctly. A cell is quoted only when it holds a comma, a
 * quote or a line break (`quote_record_delimiter`: csv-stringify stops quoting a lone "\n" once
 * `record_delimiter` is set, and our cells hold one between the items of a seed cell).
 */
export function actionPlanCsv(actions: readonly ActionRecord[]): string {
  return stringify(
    actions.map((a) => CSV_COLUMNS.map((c) => c.value(a))),
    { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, header: true, columns: CSV_COLUMNS.map((c) => c.name) },
  );
}

export interface JsonAction {
  id: string;
  themeNumber: number;
  theme: string;
  targetFrom: string | null;
  aims: string[];
  actions: string[];
  outcomes: string[];
  timescales: { text: string; kind: string; due: string | null }[];
  lead: string;
  leadIds: string[];
  filledFromRowAbove: string[];
  note: string | null;
}

export function toJsonAction(a: ActionRecord): JsonAction {
  return {
    id: a.code,
    themeNumber: a.themeNumber,
    theme: a.themeShortTitle,
    targetFrom: a.source ?? null,
    aims: a.aims,
    actions: a.actions,
    outcomes: a.outcomes,
    timescales: a.parsedTimescales.map((t) => ({ text: t.text, kind: t.kind, due: isoDue(t) || null })),
    lead: a.leadText,
    leadIds: a.leadIds,
    filledFromRowAbove: a.inherited,
    note: a.note ?? null,
  };
}

export function actionPlanJson(edition: string, title: string, actions: readonly ActionRecord[]): string {
  return `${JSON.stringify({ $schema: 'action-plan.schema.json', edition, title, actionCount: actions.length, actions: actions.map(toJsonAction) }, null, 2)}\n`;
}

const stringArray = { type: 'array', items: { type: 'string' } } as const;

/** JSON Schema (draft 2020-12) of the JSON file. */
export const ACTION_PLAN_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Halton Strategy for Children in Care: action plan',
  type: 'object',
  required: ['edition', 'title', 'actionCount', 'actions'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    edition: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
    title: { type: 'string' },
    actionCount: { type: 'integer', minimum: 0 },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'themeNumber', 'theme', 'targetFrom', 'aims', 'actions', 'outcomes', 'timescales', 'lead', 'leadIds', 'filledFromRowAbove', 'note'],
        properties: {
          id: { type: 'string', pattern: '^[A-Z][A-Z0-9]*-A\\d+$' },
          themeNumber: { type: 'integer', minimum: 1 },
          theme: { type: 'string' },
          targetFrom: { type: ['string', 'null'] },
          aims: { ...stringArray, minItems: 1 },
          actions: { ...stringArray, minItems: 1 },
          outcomes: stringArray,
          timescales: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['text', 'kind', 'due'],
              properties: {
                text: { type: 'string' },
                kind: { enum: ['month', 'year', 'recurring', 'ongoing', 'complete', 'relative', 'unknown'] },
                due: { type: ['string', 'null'], pattern: '^\\d{4}(-\\d{2})?$' },
              },
            },
          },
          lead: { type: 'string' },
          leadIds: { ...stringArray, minItems: 1 },
          filledFromRowAbove: stringArray,
          note: { type: ['string', 'null'] },
        },
      },
    },
  },
} as const;

/** "850 bytes", "23.2 KB", "1.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
