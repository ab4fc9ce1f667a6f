/**
 * Figures of several editions side by side: a pair only where both editions count the same
 * thing (the same `compareKey`), related figures measured differently grouped by `topic`, and
 * the rest listed per edition. Only seed figures: nothing is derived or calculated.
 */
import type { ContentData } from './contentSchemas.ts';

/** A figure as its file holds it (the figures schema), with its edition. */
export type ComparableFigure = ContentData<'figures'>;

export interface FigureComparison<F extends ComparableFigure> {
  /** Same measure in every edition that has it, keyed by compareKey, in the order of the newest edition. */
  same: { key: string; label: string; byEdition: Record<string, F> }[];
  /** Same topic, different measures. */
  related: { topic: string; byEdition: Record<string, F[]> }[];
  /** Figures with no counterpart in another edition. */
  onlyIn: Record<string, F[]>;
}

export function compareFigures<F extends ComparableFigure>(figures: readonly F[], editionsNewestFirst: readonly string[]): FigureComparison<F> {
  const sorted = [...figures].sort((a, b) => editionsNewestFirst.indexOf(a.edition) - editionsNewestFirst.indexOf(b.edition) || a.order - b.order);
  const keyEditions = new Map<string, Set<string>>();
  for (const f of sorted) if (f.compareKey) keyEditions.set(f.compareKey, (keyEditions.get(f.compareKey) ?? new Set()).add(f.edition));
  const isPaired = (f: F) => Boolean(f.compareKey && (keyEditions.get(f.compareKey)?.size ?? 0) > 1);

  const same = new Map<string, { key: string; label: string; byEdition: Record<string, F> }>();
  const related = new Map<string, Record<string, F[]>>();
  const onlyIn: Record<string, F[]> = Object.fromEntries(editionsNewestFirst.map((e) => [e, [] as F[]]));
  for (const f of sorted) {
    if (isPaired(f) && f.compareKey) {
      const row = same.get(f.compareKey) ?? { key: f.compareKey, label: f.counts, byEdition: {} };
      row.byEdition[f.edition] = f;
      same.set(f.compareKey, row);
    } else if (f.topic) {
      const row = related.get(f.topic) ?? {};
      (row[f.edition] ??= []).push(f);
      related.set(f.topic, row);
    } else {
      (onlyIn[f.edition] ??= []).push(f);
    }
  }
  return {
    same: [...same.values()],
    related: [...related.entries()].map(([topic, byEdition]) => ({ topic, byEdition })),
    onlyIn,
  };
}

export function formatFigure(figure: Pick<ComparableFigure, 'value' | 'unit'>): string {
  if (figure.value === undefined) return '–';
  return figure.unit === 'percent' ? `${figure.value}%` : figure.value.toLocaleString('en-GB');
}
