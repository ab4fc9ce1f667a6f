/**
 * Every content schema of the site, one comment per field. Types come from here (`z.infer`,
 * or `CollectionEntry<'actions'>` in pages), never written twice. Two readers use these same
 * schemas: Astro's collections (`src/content.config.ts`, which adds where each collection's
 * files are) and the one Node reader of the content files (`contentReader.ts`) for everything
 * outside Astro's runtime: the chapters' markdown plugin, `npm run progress` and the tests.
 *
 * Zod comes from `astro/zod`, Astro's own re-export of zod 4 (a plain module, with no Astro
 * runtime behind it), so the schemas are the very objects Astro validates with, in Astro and
 * in plain Node alike.
 */
import { z } from 'astro/zod';
import { PROGRESS_STATUSES } from './progress.ts';

/** Edition slugs look like `2017-20` or `2008-11`. */
const editionSlug = z.string().regex(/^\d{4}-\d{2}$/, 'an edition slug such as "2017-20"');

/** The fixed list of statuses the Children in Care Partnership Board reports progress with. */
const progressStatus = z.enum(PROGRESS_STATUSES);

/** Where a field's value came from when the seed left the cell empty. */
const inheritedField = z.enum(['aim', 'source', 'outcome', 'timescale', 'lead']);

export const editionSchema = z.object({
  /** The edition's own slug, repeated so every file says which edition it belongs to. */
  edition: editionSlug,
  /** Full title as printed on the cover of the strategy. */
  title: z.string(),
  /** Short name for navigation and the edition switcher, e.g. "2017-20". */
  shortTitle: z.string(),
  /** "current" for the edition in force; "archived" for a previous edition. */
  status: z.enum(['current', 'archived']),
  /** Years the strategy covers, for sorting editions (newest first). */
  startYear: z.number().int(),
  endYear: z.number().int(),
  /** The source text the edition was transcribed from, a file in `sources/` (e.g. "2017-20.txt"). */
  sourceFile: z.string(),
  /** One sentence describing the edition, for page descriptions. */
  summary: z.string(),
  /** The action plan's heading as printed in the strategy. */
  actionPlanTitle: z.string(),
  /** Any text printed above the action plan (e.g. a running header), kept word for word. */
  actionPlanNote: z.string().optional(),
  /** What the action plan groups its rows under: "Pledge statement", "Outcome", ... */
  themeLabel: z.string(),
  themeLabelPlural: z.string(),
  /** URL segment for theme pages: "pledge" gives `/2017-20/pledge/6/`. */
  themePath: z.string().regex(/^[a-z-]+$/),
  /** Heading of the page listing all themes, e.g. "The Pledge". */
  themeIndexTitle: z.string(),
  /** The vision of corporate parents as printed, word for word, for the home page. */
  vision: z.string().optional(),
  /** The "Alternative Formats" box printed in the strategy, word for word, where it has one. */
  alternativeFormats: z
    .object({ text: z.string(), email: z.email(), telephone: z.string() })
    .optional(),
  /** The action plan's column headings as printed, in the seed's order. */
  columns: z.object({
    source: z.string().optional(),
    aim: z.string(),
    action: z.string(),
    outcome: z.string(),
    timescale: z.string(),
    lead: z.string(),
  }),
});

export const chapterSchema = z.object({
  edition: editionSlug,
  /** Chapter heading, in sentence case. */
  title: z.string(),
  /** The heading exactly as printed in the seed, where its case or wording differs. */
  sourceHeading: z.string().optional(),
  /** Position in the strategy's reading order, from 1. */
  order: z.number().int().positive(),
  /** One or two sentences for the page description and contents lists. */
  summary: z.string(),
});

export const themeSchema = z.object({
  edition: editionSlug,
  /** Position in the action plan, from 1 (the Pledge statement's own number in 2017-20). */
  number: z.number().int().positive(),
  /** Short code used in action ids: "P6" for Pledge statement 6. */
  code: z.string().regex(/^[A-Z][A-Z0-9]*$/),
  /** URL slug of the theme's page: "6" gives `/2017-20/pledge/6/`. */
  slug: z.string().regex(/^[a-z0-9-]+$/),
  /** Short title for navigation, written by us, e.g. "Pocket money". */
  shortTitle: z.string(),
  /** The statement's full text as printed in the strategy's list. */
  text: z.string(),
  /** The heading printed above the theme's rows in the action plan, word for word. */
  planHeading: z.string(),
});

export const actionSchema = z.object({
  edition: editionSlug,
  /** Stable public id, e.g. "P4-A2": theme code, then action number. Never changes once published. */
  code: z.string().regex(/^[A-Z][A-Z0-9]*-A\d+$/),
  /** The theme (Pledge statement, outcome) the row sits under: its file name in this edition, e.g. "p4". */
  theme: z.string(),
  /** Position within the theme, from 1: the seed's row order. */
  order: z.number().int().positive(),
  /** "Target from" column, where the edition has one. */
  source: z.string().optional(),
  /** The aim (or key task) cell; several where one action cell spans several aim rows. */
  aims: z.array(z.string()).min(1),
  /** The action cell: one item per action written in the cell. */
  actions: z.array(z.string()).min(1),
  /** The outcome cell: one item per outcome written in the cell; empty where the seed has none. */
  outcomes: z.array(z.string()),
  /** The timescale cell, word for word: one item per timescale written in the cell. */
  timescales: z.array(z.string()),
  /** The lead cell exactly as printed (spacing normalised). */
  leadText: z.string(),
  /** The normalised leads: their file names in this edition, e.g. "principal-manager-ciccl". */
  leads: z.array(z.string()).min(1),
  /** Fields the seed left empty and that are filled from the row above (a continued aim or merged cell). */
  inherited: z.array(inheritedField).default([]),
  /** Where one seed row is split into several actions (each with its own outcome, timescale
   *  and lead), the code of the first action of that row; absent otherwise. */
  splitFrom: z.string().regex(/^[A-Z][A-Z0-9]*-A\d+$/).optional(),
  /** Why a row was joined, split or filled in: for the reader and the next editor. */
  note: z.string().optional(),
  /** Dated progress updates for the Board's quarterly monitoring, added as they are reported.
   *  None are published at launch: the strategy itself reports no progress. */
  progress: z
    .array(
      z.object({
        /** Status from the Board's fixed list. */
        status: progressStatus,
        /** The date the update describes ("as at"), e.g. 2018-03-31. */
        asAt: z.coerce.date(),
        /** What has been done, in a sentence or two. */
        note: z.string().min(1),
        /** Who reported it: a role or organisation. */
        reportedBy: z.string().min(1),
        /** Earlier wordings replaced by corrections (`npm run progress -- import --corrections`),
         *  oldest first: the page shows the update as corrected, and what it said before. */
        corrections: z
          .array(
            z.object({
              /** The day the correction was made. */
              correctedOn: z.coerce.date(),
              /** The status, note and reporter as they were before that correction. */
              status: progressStatus,
              note: z.string().min(1),
              reportedBy: z.string().min(1),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export const leadSchema = z.object({
  edition: editionSlug,
  /** The lead's name, normalised: one spelling for "CICCL" and "CiCCL". */
  name: z.string(),
  /** A role (a post-holder), a team or service, an organisation, or a group or board. */
  kind: z.enum(['role', 'team', 'organisation', 'group']),
  /** Every spelling of this lead in the seed's lead cells, word for word. */
  aliases: z.array(z.string()).min(1),
});

export const promiseSchema = z.object({
  edition: editionSlug,
  /** Number in the printed list. */
  number: z.number().int().positive(),
  /** The promise, word for word. */
  text: z.string(),
});

export const principleSchema = z.object({
  edition: editionSlug,
  /** Position in the printed list. */
  number: z.number().int().positive(),
  /** The corporate parenting principle, word for word. */
  text: z.string(),
});

export const quoteSchema = z.object({
  edition: editionSlug,
  /** The words of a child or young person, word for word, on one line. */
  text: z.string(),
  /** The chapter after which the quote is printed: its file name in this edition, e.g. "introduction". */
  chapter: z.string(),
  /** Order among the quotes of that chapter. */
  order: z.number().int().positive().default(1),
});

export const figureSchema = z.object({
  edition: editionSlug,
  /** Position in the printed local profile. */
  order: z.number().int().positive(),
  /** The figure as printed, word for word, e.g. "253 Children in Care (0-17yrs)". */
  sourceText: z.string(),
  /** The number, where the figure is one; absent for a statement such as "the largest age group is 5-11". */
  value: z.number().optional(),
  /** How to read the value. */
  unit: z.enum(['count', 'percent', 'text']),
  /** What is counted, in a few words, e.g. "children in care". */
  counts: z.string(),
  /** The population the figure is taken from, e.g. "children aged 0-17 in care". */
  population: z.string(),
  /** Shared key for figures that count the same thing in several editions, e.g. "children-in-care". */
  compareKey: z.string().optional(),
  /** A topic shared with figures of other editions that measure it differently (not comparable as numbers). */
  topic: z.string().optional(),
});

export const glossarySchema = z
  .object({
    /** The abbreviation as the seeds most often write it, e.g. "CiCCL". */
    abbreviation: z.string(),
    /** Other spellings found in the seeds, e.g. "CICCL". */
    variants: z.array(z.string()).default([]),
    /** What it stands for; absent when the meaning is uncertain. */
    expansion: z.string().optional(),
    /** "given": spelt out in a strategy; "standard": the usual public meaning; "uncertain": not known for sure. */
    basis: z.enum(['given', 'standard', 'uncertain']),
    /** For "given": the seed's own words that expand it, word for word. */
    sourceText: z.string().optional(),
    /** Editions whose text uses it. */
    editions: z.array(z.string()).min(1),
    /** A short note of the editors'. */
    note: z.string().optional(),
  })
  .refine((g) => g.basis === 'uncertain' || g.expansion, { message: 'an expansion is required unless basis is "uncertain"', path: ['expansion'] })
  .refine((g) => g.basis !== 'given' || g.sourceText, { message: 'sourceText is required when basis is "given"', path: ['sourceText'] });

export const synonymSchema = z.object({
  /** What people type, e.g. ["therapy", "counselling"]: a query with one of these also searches for `strategy`. */
  people: z.array(z.string().min(1)).min(1),
  /** The strategy's own words for it, e.g. ["therapeutic"]. */
  strategy: z.array(z.string().min(1)).min(1),
  /** Why the group is there: what people type, and where the strategy says it in its own words. */
  why: z.string().min(10),
  /**
   * The group asks about the strategy itself (its goals, who it is for, how it is checked, the
   * laws it follows), not about a service: a query holding it is answered by the chapters first,
   * as one naming "the strategy" is.
   */
  aboutTheStrategy: z.boolean().optional(),
  /**
   * The group asks who leads something ("who runs", "in charge of", "role"): a query holding it
   * is answered first by the pages of the leads whose names it holds ("who runs fostering": the
   * Principal Manager, Fostering), as the action plans name a lead for each action.
   */
  asksWhoLeads: z.boolean().optional(),
  /**
   * The group asks for someone to turn to ("who can I talk to"), not for a subject: in a query
   * that also names one ("who can I talk to about my anxiety"), the subject weighs more among the
   * pages that match some of the words, as it is what the answer is about.
   */
  asksForSomeone: z.boolean().optional(),
  /**
   * The group asks how the editions differ ("what has changed", "compare"): a query holding any
   * of its wordings, the strategy's own among them, asks of both editions, so naming one ("the
   * last strategy") does not put that edition's pages first.
   */
  comparesEditions: z.boolean().optional(),
  /**
   * The group names an edition of the strategy (its folder, e.g. "2008-11": "the old strategy"),
   * not a subject: a query holding it is answered by that edition's pages first.
   */
  edition: z.string().regex(/^\d{4}-\d{2}$/).optional(),
});

/** Each collection's schema, by the collection's name in `src/content.config.ts`. */
export const contentSchemas = {
  editions: editionSchema,
  chapters: chapterSchema,
  themes: themeSchema,
  actions: actionSchema,
  leads: leadSchema,
  promises: promiseSchema,
  principles: principleSchema,
  quotes: quoteSchema,
  figures: figureSchema,
  glossary: glossarySchema,
  synonyms: synonymSchema,
} as const;

export type CollectionName = keyof typeof contentSchemas;

/** A content file's data once its schema has read it (defaults filled in, dates as `Date`). */
export type ContentData<N extends CollectionName> = z.output<(typeof contentSchemas)[N]>;

export type EditionData = ContentData<'editions'>;
export type ActionData = ContentData<'actions'>;
export type GlossaryEntry = ContentData<'glossary'>;
export type SynonymEntry = ContentData<'synonyms'>;

/** The action plan's column headings as an edition prints them. */
export type ActionPlanColumns = EditionData['columns'];

/** The action plan's columns in the seeds' order, as the edition schema lists them ("source" first, where an edition has one). */
export const ACTION_PLAN_COLUMN_KEYS = Object.keys(editionSchema.shape.columns.shape) as (keyof ActionPlanColumns)[];

/** An update's earlier wording, replaced by a correction: the schema's, its date as written ("2018-04-20"). */
export type ProgressCorrection = Omit<ActionData['progress'][number]['corrections'][number], 'correctedOn'> & { correctedOn: string };

/**
 * One progress update as an action's file records it: the schema's, with its date as written
 * ("2018-03-31"), as the pages, the feeds, the return templates and the YAML writer all use it.
 */
export type ProgressEntry = Omit<ActionData['progress'][number], 'asAt' | 'corrections'> & {
  /** "2018-03-31" */
  asAt: string;
  /** What it said before each correction, oldest first; empty if never corrected. */
  corrections: ProgressCorrection[];
};
