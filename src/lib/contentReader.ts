/**
 * The one Node reader of the content files, for everything outside Astro's runtime (the
 * chapters' markdown plugin, `npm run progress`, the tests): each file read as YAML (or a
 * chapter's front matter) and validated with the schema Astro uses (`contentSchemas.ts`), so a
 * file the build would refuse is refused here too, naming the file, the field and the fix.
 * Astro's own collections are read by `src/data/strategy.ts`; nothing else parses content YAML.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { contentSchemas, type CollectionName, type ContentData } from './contentSchemas.ts';

/** The collections that are not folders of an edition: the edition's own file, and the site-wide glossary and synonyms. */
const OUTSIDE_EDITION_FOLDERS = ['editions', 'glossary', 'synonyms'] as const;

/** The folders of an edition's collections, as `src/content.config.ts` finds them (the edition file apart). */
export type EditionCollection = Exclude<CollectionName, (typeof OUTSIDE_EDITION_FOLDERS)[number]>;

/** Every folder an edition holds ("actions", "chapters", …), for code that walks a whole edition. */
export const EDITION_COLLECTIONS = (Object.keys(contentSchemas) as CollectionName[]).filter(
  (name): name is EditionCollection => !(OUTSIDE_EDITION_FOLDERS as readonly string[]).includes(name),
);

/** A content file read and validated: its name without extension, its path and its data. */
export interface ContentFile<N extends CollectionName> {
  /** The file's own name, as references in the same edition use it: "p4-a2". */
  id: string;
  /** The path it was read from, as the caller gave the folder: "content/editions/2017-20/actions/p4-a2.yaml". */
  filePath: string;
  data: ContentData<N>;
}

/** A content file the schema refuses: the message names the file, each field and its fix. */
export class ContentFileError extends Error {
  readonly filePath: string;
  readonly problems: readonly string[];
  constructor(filePath: string, problems: readonly string[]) {
    super(problems.map((p) => `${filePath}: ${p}`).join('\n'));
    this.name = 'ContentFileError';
    this.filePath = filePath;
    this.problems = problems;
  }
}

const extensionOf = (collection: CollectionName) => (collection === 'chapters' ? '.mdx' : '.yaml');

/**
 * A Markdown file's two parts: the YAML between its opening `---` and the next line holding
 * only `---`, and the body after it (for a writer that changes the front matter and keeps the body).
 */
export function chapterParts(text: string, filePath: string): { frontMatter: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) throw new ContentFileError(filePath, ['has no front matter: begin the file with a line "---", its fields, and another "---"']);
  return { frontMatter: match[1]!, body: text.slice(match[0].length) };
}

const frontMatter = (text: string, filePath: string) => chapterParts(text, filePath).frontMatter;

const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value)));

/** What zod calls a type, as an editor would write it. */
const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'a set of fields',
  date: 'a date such as 2018-03-31',
  boolean: 'true or false',
};
const typeWords = (expected: string) => TYPE_WORDS[expected] ?? expected;

/** One problem of a file, in an editor's words: the field, what is wrong, and what to write. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'the file';
  const input = issue.path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined ? `${field} is missing: add it, with ${typeWords(issue.expected)}` : `${field}: ${shown(input)} is not ${typeWords(issue.expected)}: write ${typeWords(issue.expected)}`;
    case 'invalid_value':
      return `${field}: ${shown(input)} is not allowed: write one of ${issue.values.map(shown).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `${field} ${input === undefined || (Array.isArray(input) && input.length === 0) ? 'is empty' : 'is too short'}: give at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `${field} ${input === '' ? 'is empty' : 'is too short'}: write at least ${String(issue.minimum)} character(s)`;
      return `${field}: ${shown(input)} is too small: write a number ${issue.inclusive ? 'of at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'invalid_format':
      // A pattern with its own message says how to write it ("an edition slug such as "2017-20"").
      if (issue.format === 'regex') return `${field}: ${shown(input)} is not in its form: write ${issue.message.startsWith('Invalid') ? `text matching ${issue.pattern ?? 'its pattern'}` : issue.message}`;
      return `${field}: ${shown(input)} is not a valid ${issue.format}: write ${issue.format === 'email' ? 'an email address' : `a ${issue.format}`}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

/**
 * A YAML text's data as written, before any schema: for the YAML writer's check that a change
 * moved nothing else (`progressYaml.ts`). Everything else reads content validated, below.
 */
export function yamlData(text: string, filePath: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new ContentFileError(filePath, [`is not valid YAML: ${(error as Error).message.split('\n')[0]!.replace(/:$/, '')}`]);
  }
}

/**
 * The data of one content file's text, validated with its collection's schema. `filePath`
 * names the file in errors; a chapter's text is its front matter and body.
 */
export function parseContentFile<N extends CollectionName>(collection: N, text: string, filePath: string): ContentData<N> {
  const data = yamlData(collection === 'chapters' ? frontMatter(text, filePath) : text, filePath);
  const result = contentSchemas[collection].safeParse(data);
  if (!result.success) {
    throw new ContentFileError(filePath, [...result.error.issues.map((issue) => describeIssue(issue, data)), 'each field is described in src/lib/contentSchemas.ts']);
  }
  return result.data as ContentData<N>;
}

/** One content file, read and validated. */
export function readContentFile<N extends CollectionName>(collection: N, filePath: string): ContentData<N> {
  return parseContentFile(collection, readFileSync(filePath, 'utf8'), filePath);
}

/** Every file of a collection's folder, sorted by name; none where the folder does not exist. */
export function readContentFolder<N extends CollectionName>(collection: N, dir: string): ContentFile<N>[] {
  if (!existsSync(dir)) return [];
  const extension = extensionOf(collection);
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => {
      const filePath = join(dir, name);
      return { id: name.slice(0, -extension.length), filePath, data: readContentFile(collection, filePath) };
    });
}

/** The editions under `editionsDir`: each folder that holds an edition.yaml, sorted. */
export function editionSlugs(editionsDir: string): string[] {
  return readdirSync(editionsDir)
    .filter((name) => existsSync(join(editionsDir, name, 'edition.yaml')))
    .sort();
}

/** An edition's own file, `<edition>/edition.yaml`. */
export function readEditionFile(editionsDir: string, edition: string): ContentData<'editions'> {
  return readContentFile('editions', join(editionsDir, edition, 'edition.yaml'));
}

/** One collection of one edition, `<edition>/<collection>/`. */
export function readEditionCollection<N extends EditionCollection>(editionsDir: string, edition: string, collection: N): ContentFile<N>[] {
  return readContentFolder(collection, join(editionsDir, edition, collection));
}
