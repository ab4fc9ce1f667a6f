/**
 * Every URL of the site in one place, so that routes, links, the sitemap tests and the
 * link checker agree. Paths are root-relative without the deployment base; `withBase` adds it.
 */

export const paths = {
  home: () => '/',
  edition: (edition: string) => `/${edition}/`,
  chapter: (edition: string, chapter: string) => `/${edition}/${chapter}/`,
  themes: (edition: string, themePath: string) => `/${edition}/${themePath}/`,
  theme: (edition: string, themePath: string, themeSlug: string) => `/${edition}/${themePath}/${themeSlug}/`,
  principles: (edition: string) => `/${edition}/principles/`,
  actionPlan: (edition: string) => `/${edition}/action-plan/`,
  /** A part of a plan too long for one page (src/lib/planParts.ts). */
  actionPlanPart: (edition: string, part: number) => `/${edition}/action-plan/part/${part}/`,
  timeline: (edition: string) => `/${edition}/action-plan/timeline/`,
  timescale: (edition: string, when: string) => `/${edition}/action-plan/timescale/${when}/`,
  openData: (edition: string) => `/${edition}/action-plan/open-data/`,
  csv: (edition: string) => `/${edition}/action-plan.csv`,
  json: (edition: string) => `/${edition}/action-plan.json`,
  jsonSchema: () => '/action-plan.schema.json',
  progressFeed: (edition: string) => `/${edition}/progress.atom`,
  siteProgressFeed: () => '/progress.atom',
  action: (edition: string, anchor: string) => `/${edition}/actions/${anchor}/`,
  leads: (edition: string) => `/${edition}/leads/`,
  lead: (edition: string, lead: string) => `/${edition}/leads/${lead}/`,
  search: () => '/search/',
  compare: () => '/compare/',
  alternativeFormats: () => '/alternative-formats/',
  accessibility: () => '/accessibility/',
  glossary: () => '/glossary/',
  siteIndex: () => '/a-to-z/',
} as const;

/** Prefix a root-relative path with the deployment base ("/" or "/strategy/"). */
export function withBase(path: string, base: string): string {
  const trimmedBase = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmedBase}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Files and pages of an edition's alternative formats. */
export const formatPaths = {
  print: (edition: string) => `/${edition}/print/`,
  largePrint: (edition: string) => `/${edition}/print/large-print/`,
  pdf: (edition: string) => `/${edition}/halton-strategy-${edition}.pdf`,
  largePrintPdf: (edition: string) => `/${edition}/halton-strategy-${edition}-large-print.pdf`,
  text: (edition: string) => `/${edition}/halton-strategy-${edition}.txt`,
  odt: (edition: string) => `/${edition}/halton-strategy-${edition}.odt`,
  docx: (edition: string) => `/${edition}/halton-strategy-${edition}.docx`,
  epub: (edition: string) => `/${edition}/halton-strategy-${edition}.epub`,
} as const;
