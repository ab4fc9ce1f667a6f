/**
 * Relevance of search results against a set of queries with known answers: where the first
 * answering result ranks, and the usual summaries (success@k, mean reciprocal rank). Pure, so
 * the browser test and the benchmark score the same way.
 */

export interface RelevanceQuery {
  query: string;
  /** What the query tests ("misspelling: a letter missing"...). */
  kind: string;
  /** Action ids ("P6-A1") or root-relative page paths ("/2008-11/mini-trust/"). */
  answers: string[];
}

/** Whether a result link (root-relative, without the base path) answers: the action's anchor or own page, or the page itself or one of its anchors. */
export function answers(href: string, answer: string): boolean {
  if (/^[A-Z]+\d*-A\d+$/i.test(answer)) {
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
