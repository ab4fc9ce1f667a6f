/**
 * Relevance of search results against sets of queries with known answers: where the first
 * answering result ranks, and the usual summaries (success@k, mean reciprocal rank), for a whole
 * set and for each group of people in it. Pure, so the browser test and the benchmark score the
 * same way.
 */

/** Who types a query in the sets in users' words (tests/relevance/user-queries-*.json). */
export const GROUPS = ['young people', 'members', 'staff', 'public'] as const;
export type Group = (typeof GROUPS)[number];

export interface RelevanceQuery {
  query: string;
  /** The old set: what the query tests ("misspelling: a letter missing"...). */
  kind?: string;
  /** The sets in users' words: who types it. */
  group?: Group;
  /** The sets in users' words: what the person wants to know. */
  need?: string;
  /** Action ids ("P6-A1") or root-relative page paths ("/2008-11/mini-trust/"). */
  answers: string[];
}

/** Whether an answer names an action by its id ("P4-A2", "EA-A13") rather than a page. */
export const isActionId = (answer: string) => /^[A-Z]+\d*-A\d+$/i.test(answer);

/** Whether a result link (root-relative, without the base path) answers: the action's anchor or own page, or the page itself or one of its anchors. */
export function answers(href: string, answer: string): boolean {
  if (isActionId(answer)) {
    const id = answer.toLowerCase();
    return href.endsWith(`#${id}`) || new RegExp(`/actions/${id}/(#.*)?$`).test(href);
  }
  return href === answer || href.startsWith(`${answer}#`) || (answer.endsWith('/') && href.startsWith(answer) && !href.slice(answer.length).includes('/'));
}

/** The 1-based rank of the first result that answers, or null when none of them does. */
export function rankOf(hrefs: readonly string[], expected: readonly string[]): number | null {
  const index = hrefs.findIndex((href) => expected.some((answer) => answers(href, answer)));
  return index === -1 ? null : index + 1;
}

export interface RelevanceSummary {
  queries: number;
  /** Share of queries answered by the first result, 0..1. */
  successAt1: number;
  /** Share answered within the first three results, 0..1. */
  successAt3: number;
  /** Mean of 1/rank (0 when no result answers), 0..1. */
  mrr: number;
}

export function summarise(ranks: readonly (number | null)[]): RelevanceSummary {
  const n = ranks.length || 1;
  const within = (k: number) => ranks.filter((r) => r !== null && r <= k).length / n;
  return { queries: ranks.length, successAt1: within(1), successAt3: within(3), mrr: ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / n };
}

/** The summary of each group present, in the order of GROUPS. */
export function summariseGroups(outcomes: readonly { group?: Group | undefined; rank: number | null }[]): { group: Group; summary: RelevanceSummary }[] {
  return GROUPS.flatMap((group) => {
    const ranks = outcomes.filter((o) => o.group === group).map((o) => o.rank);
    return ranks.length ? [{ group, summary: summarise(ranks) }] : [];
  });
}

/** "success@1 55.0 %, success@3 90.0 %, MRR 0.712 (20 queries)". */
export function formatSummary(s: RelevanceSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  return `success@1 ${pct(s.successAt1)}, success@3 ${pct(s.successAt3)}, MRR ${s.mrr.toFixed(3)} (${s.queries} queries)`;
}

/**
 * What is wrong with a set in users' words, in messages naming the query and the fix: a group
 * not in GROUPS, no need, no answers, too few queries for a group. `minimumPerGroup` 0 skips the
 * count.
 */
export function checkUserSet(queries: readonly RelevanceQuery[], minimumPerGroup: number): string[] {
  const problems: string[] = [];
  queries.forEach((q, i) => {
    const where = `query ${i + 1} (“${q.query}”)`;
    if (!q.query?.trim()) problems.push(`query ${i + 1}: empty "query"`);
    if (!q.group || !(GROUPS as readonly string[]).includes(q.group)) problems.push(`${where}: "group" must be one of ${GROUPS.map((g) => `"${g}"`).join(', ')}`);
    if (!q.need?.trim()) problems.push(`${where}: "need" must say what the person wants to know`);
    if (!Array.isArray(q.answers) || q.answers.length === 0) problems.push(`${where}: "answers" must list at least one action id or page path`);
    for (const a of q.answers ?? []) if (!isActionId(a) && !a.startsWith('/')) problems.push(`${where}: answer “${a}” is neither an action id (P4-A2) nor a root-relative path (/2017-20/pledge/4/)`);
  });
  if (minimumPerGroup > 0)
    for (const group of GROUPS) {
      const n = queries.filter((q) => q.group === group).length;
      if (n < minimumPerGroup) problems.push(`group "${group}": ${n} queries, at least ${minimumPerGroup} needed`);
    }
  return problems;
}
