/**
 * How much the words of a kind of page weigh in search (Pagefind's data-pagefind-weight; 1 is
 * ordinary text, and weights count squared). One definition for every page that uses them.
 */

/** A page that lists the words of many subjects (contents, indexes, glossary, comparison, accessibility statement). */
export const LIST_PAGE_WEIGHT = 0.5;

/** The timelines, which repeat every action of a plan under each of its dates. */
export const TIMELINE_WEIGHT = 0.2;
