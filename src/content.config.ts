/**
 * Where each collection's files are. Their schemas, one comment per field, are in
 * `src/lib/contentSchemas.ts`, which the Node reader of the content (`src/lib/contentReader.ts`)
 * uses too: every reader validates the same way. Content lives under
 * `content/editions/<edition>/`, one folder per edition, so that an edition is added as content only.
 *
 * Cross-collection references (an action's theme and leads, a quote's chapter) are checked
 * by `src/lib/integrity.ts` when the site loads its data: Astro's `reference()` accepts any
 * id, and we want a dangling reference to fail the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentSchemas as schemas } from './lib/contentSchemas.ts';

// CONTENT_DIR lets the tests build a deliberately broken copy of the content.
const EDITIONS_BASE = process.env['CONTENT_DIR'] ?? './content/editions';

/** `2017-20/actions/p4-a2.yaml` → `2017-20/p4-a2`: the edition and the file's own name. */
const editionScopedId = ({ entry }: { entry: string }) =>
  entry.replace(/\.(ya?ml|mdx?)$/, '').replace(/^([^/]+)\/[^/]+\//, '$1/').toLowerCase();

const inEdition = (folder: string, extension = 'yaml') =>
  glob({ base: EDITIONS_BASE, pattern: `*/${folder}/*.${extension}`, generateId: editionScopedId });

const editions = defineCollection({
  loader: glob({
    base: EDITIONS_BASE,
    pattern: '*/edition.yaml',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: schemas.editions,
});

const chapters = defineCollection({ loader: inEdition('chapters', 'mdx'), schema: schemas.chapters });
const themes = defineCollection({ loader: inEdition('themes'), schema: schemas.themes });
const actions = defineCollection({ loader: inEdition('actions'), schema: schemas.actions });
const leads = defineCollection({ loader: inEdition('leads'), schema: schemas.leads });
const promises = defineCollection({ loader: inEdition('promises'), schema: schemas.promises });
const principles = defineCollection({ loader: inEdition('principles'), schema: schemas.principles });
const quotes = defineCollection({ loader: inEdition('quotes'), schema: schemas.quotes });
const figures = defineCollection({ loader: inEdition('figures'), schema: schemas.figures });

const glossary = defineCollection({
  loader: glob({ base: process.env['GLOSSARY_DIR'] ?? './content/glossary', pattern: '*.yaml' }),
  schema: schemas.glossary,
});

/**
 * Everyday words for what the strategy says in its own words, used only by search (at query
 * time: a query with what people type also finds the strategy's words, one way only, so a
 * query in the strategy's words stays exact). Never shown as if the strategy said them. Reviewed by hand: a group must mean the same or nearly, and says why it is there.
 */
const synonyms = defineCollection({
  loader: glob({ base: './content/synonyms', pattern: '*.yaml' }),
  schema: schemas.synonyms,
});

export const collections = { editions, chapters, themes, actions, leads, promises, principles, quotes, figures, glossary, synonyms };
