/**
 * The action plan as the pages, filters, timeline and open data see it: one flat, serialisable
 * record per action, built from the content entries. Pure functions only.
 */
import type { ActionData, ProgressEntry } from './contentSchemas.ts';
import type { LeadSegment } from './leads.ts';
import { monthName, quarterOf, UNDATED_KINDS, type Timescale, type UndatedKind } from './timescale.ts';
import { PROGRESS_STATUSES, STATUS_LABELS } from './progress.ts';

/** An action's own fields as its file holds them (the actions schema); the record adds what the pages derive. */
type ActionFields = Pick<ActionData, 'edition' | 'code' | 'order' | 'aims' | 'actions' | 'outcomes' | 'timescales' | 'leadText' | 'inherited'>;

export interface ActionRecord extends ActionFields {
  /** Anchor and URL slug, e.g. "p4-a2". */
  anchor: string;
  themeId: string;
  themeCode: string;
  themeNumber: number;
  themeSlug: string;
  themeShortTitle: string;
  // Required keys, possibly undefined: every record has the same fields.
  source: ActionData['source'];
  parsedTimescales: Timescale[];
  leadIds: string[];
  leadNames: string[];
  /** The printed lead cell cut where it names each lead, so its own words can link to the lead pages. */
  leadSegments: LeadSegment[];
  splitFrom: ActionData['splitFrom'];
  note: ActionData['note'];
  /** Progress updates published for this action, newest first. */
  progress: ProgressUpdate[];
}

/** A published update: as the action's file records it, with its anchor on the action's page. */
export type ProgressUpdate = ProgressEntry & {
  /** "progress-2018-03-31" (see progressAnchors). */
  anchor: string;
};

/** The plan's "as at" summary: the latest status of each action that has one, counted by status. */
export function progressSummary(actions: readonly ActionRecord[]): { asAt: string; reported: number; counts: { status: string; label: string; count: number }[] } | undefined {
  const latest = actions.map((a) => a.progress[0]).filter((u): u is ProgressUpdate => Boolean(u));
  if (latest.length === 0) return undefined;
  const asAt = latest.map((u) => u.asAt).sort().at(-1) ?? '';
  const counts = PROGRESS_STATUSES
    .map((status) => ({ status, label: STATUS_LABELS[status], count: latest.filter((u) => u.status === status).length }))
    .filter((c) => c.count > 0);
  return { asAt, reported: latest.length, counts };
}

export interface ActionFilters {
  theme?: string | undefined;
  lead?: string | undefined;
  /** A year ("2018"), a year and quarter ("2018-Q1") or a kind of timescale without a date ("ongoing"). */
  when?: string | undefined;
  text?: string | undefined;
}

/** Values of the "when" filter an action matches: its years, quarters and non-date kinds. */
export function whenValues(timescales: Timescale[]): string[] {
  const values = new Set<string>();
  for (const t of timescales) {
    if (t.kind === 'month') {
      values.add(String(t.year));
      values.add(`${t.year}-Q${quarterOf(t.month)}`);
    } else if (t.kind === 'year') {
      values.add(String(t.year));
    } else {
      values.add(t.kind);
    }
  }
  return [...values].sort();
}

/** Lower-case words of everything printed in a row, for the free-text filter. */
export function searchableText(action: ActionRecord): string {
  return [action.code, action.source ?? '', ...action.aims, ...action.actions, ...action.outcomes, ...action.timescales, action.leadText, ...action.leadNames]
    .join(' ')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export function matchesFilters(action: ActionRecord, filters: ActionFilters): boolean {
  if (filters.theme && action.themeSlug !== filters.theme) return false;
  if (filters.lead && !action.leadIds.includes(filters.lead)) return false;
  if (filters.when && !whenValues(action.parsedTimescales).includes(filters.when)) return false;
  if (filters.text) {
    const haystack = searchableText(action);
    const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.every((word) => haystack.includes(word))) return false;
  }
  return true;
}

export interface WhenOption {
  value: string;
  label: string;
  count: number;
}

const QUARTER_LABELS = ['January to March', 'April to June', 'July to September', 'October to December'];

const KIND_LABELS: Record<UndatedKind, string> = {
  recurring: 'Recurring (for example annually)',
  relative: 'Relative to events (for example within 20 working days)',
  ongoing: 'Ongoing',
  complete: 'Complete',
  unknown: 'No date given (a target or measure)',
};

/** Options for the timescale filter: each year, its quarters, then the non-date kinds, with counts. */
export function whenOptions(actions: readonly ActionRecord[]): WhenOption[] {
  const counts = new Map<string, number>();
  for (const action of actions) {
    for (const value of whenValues(action.parsedTimescales)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const label = (value: string) => {
    const quarter = value.match(/^(\d{4})-Q(\d)$/);
    if (quarter) return `${quarter[1]}, ${QUARTER_LABELS[Number(quarter[2]) - 1]}`;
    if (/^\d{4}$/.test(value)) return value;
    return KIND_LABELS[value as keyof typeof KIND_LABELS] ?? value;
  };
  const dated = [...counts.keys()].filter((v) => /^\d/.test(v)).sort();
  const kinds = UNDATED_KINDS.filter((k) => counts.has(k));
  return [...dated, ...kinds].map((value) => ({ value, label: label(value), count: counts.get(value) ?? 0 }));
}

/**
 * Actions by due month for the timeline. An action with several dated timescales appears under
 * each; year-only timescales fall under their year ("2009") after its months; actions with no
 * date at all are returned apart, by kind.
 */
export function timeline(actions: readonly ActionRecord[]): { dated: { key: string; label: string; actions: ActionRecord[] }[]; undated: { kind: string; actions: ActionRecord[] }[] } {
  const dated = new Map<string, { key: string; label: string; actions: ActionRecord[] }>();
  const undated = new Map<string, ActionRecord[]>();
  for (const action of actions) {
    const hasDate = action.parsedTimescales.some((t) => t.kind === 'month' || t.kind === 'year');
    for (const t of action.parsedTimescales) {
      if (t.kind === 'month' || t.kind === 'year') {
        const key = t.kind === 'month' ? `${t.year}-${String(t.month).padStart(2, '0')}` : `${t.year}-13`;
        const label = t.kind === 'month' ? `${monthName(t.month)} ${t.year}` : `During ${t.year} (no month given)`;
        const slot = dated.get(key) ?? { key, label, actions: [] };
        if (!slot.actions.includes(action)) slot.actions.push(action);
        dated.set(key, slot);
      } else if (!hasDate) {
        const list = undated.get(t.kind) ?? [];
        if (!list.includes(action)) list.push(action);
        undated.set(t.kind, list);
      }
    }
    if (action.parsedTimescales.length === 0) undated.set('unknown', [...(undated.get('unknown') ?? []), action]);
  }
  return {
    dated: [...dated.values()].sort((a, b) => a.key.localeCompare(b.key)),
    undated: UNDATED_KINDS.filter((k) => undated.has(k)).map((kind) => ({ kind, actions: undated.get(kind) ?? [] })),
  };
}


export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as keyof typeof KIND_LABELS] ?? kind;
}
