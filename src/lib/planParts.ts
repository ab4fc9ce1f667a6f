/**
 * A long action plan in parts. Up to PLAN_PAGE_LIMIT actions the plan is one page, as both real
 * editions are (79 and 49 actions). Beyond it one page would near the 60 KB page budget (the
 * 2008-11 plan, the widest, weighs about 0.23 KB gzip a row, plus 15 KB of page, CSS and
 * script: 150 rows make about 50 KB), so the plan is shown a statement per page, a statement longer than
 * the limit in equal runs of consecutive actions. The whole plan stays one request away: the
 * print edition and the CSV and JSON downloads hold every row.
 */

export const PLAN_PAGE_LIMIT = 150;

export interface PlanGroup<A> {
  slug: string;
  heading: string;
  href: string;
  actions: readonly A[];
}

export interface PlanPart<A> {
  /** From 1, in plan order: the page's URL segment. */
  number: number;
  /** The part's one group (a statement, or a run of its actions). */
  group: PlanGroup<A>;
  /** Which run of its statement this is, and how many runs the statement has (1 of 1 for a whole one). */
  run: number;
  runs: number;
}

/** The parts of a plan, or null when it fits on one page. */
export function planParts<A>(groups: readonly PlanGroup<A>[], limit = PLAN_PAGE_LIMIT): PlanPart<A>[] | null {
  const total = groups.reduce((sum, g) => sum + g.actions.length, 0);
  if (total <= limit) return null;
  const parts: PlanPart<A>[] = [];
  for (const group of groups) {
    const runs = Math.max(1, Math.ceil(group.actions.length / limit));
    const size = Math.ceil(group.actions.length / runs);
    for (let run = 1; run <= runs; run++) {
      parts.push({ number: parts.length + 1, group: { ...group, actions: group.actions.slice((run - 1) * size, run * size) }, run, runs });
    }
  }
  return parts;
}
