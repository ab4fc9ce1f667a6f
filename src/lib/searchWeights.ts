/**
 * How search ranks pages: how much the words of a kind of page weigh (Pagefind's
 * data-pagefind-weight; 1 is ordinary text, and weights count squared), and Pagefind's ranking
 * options. One definition for every page that uses them.
 */

/** A page that lists the words of many subjects (contents, indexes, glossary, comparison, accessibility statement). */
export const LIST_PAGE_WEIGHT = 0.5;

/**
 * The accessibility statement: about the website (how it is built and tested, 1,700 words of
 * "tests", "missing", "run", "format"), not about the strategy, so it weighs as little as a
 * timeline; a query only it answers ("screen reader", "accessibility") still finds it.
 */
export const ABOUT_THE_SITE_WEIGHT = 0.2;

/** The timelines, which repeat every action of a plan under each of its dates. */
export const TIMELINE_WEIGHT = 0.2;

/**
 * A previous edition's pages (the archive): a reader who does not name an edition means the
 * strategy in force, so where both editions answer, the current one comes first. The archive's
 * own subjects (the Mini Trust, the five outcomes) are found as before: only its pages hold them.
 */
export const ARCHIVED_EDITION_WEIGHT = 0.7;

/** The weight of a page's words: its kind's (a list page's, or ordinary text: undefined), less on a previous edition's page. */
export function pageSearchWeight(kindWeight: number | undefined, archived: boolean): number | undefined {
  if (!archived) return kindWeight;
  return Math.round((kindWeight ?? 1) * ARCHIVED_EDITION_WEIGHT * 100) / 100;
}

/**
 * Pagefind's ranking options (its defaults: pageLength 0.75, termSaturation 1.4). The site mixes
 * very short pages (a lead's page is some 30 words) with chapters of hundreds: a lower
 * pageLength stops the short ones winning on length alone, and a lower termSaturation stops a
 * page winning by repeating a word (the comparison and the timelines repeat "care" and
 * "children" in every row). Measured on both relevance sets (README, Search that forgives).
 */
export const PAGEFIND_RANKING = { pageLength: 0.3, termSaturation: 0.8 } as const;
