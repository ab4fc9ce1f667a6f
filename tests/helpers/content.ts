/** The content files as the tests read them: through the one content reader, validated by the schemas. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editionSlugs as editionsIn, readEditionCollection, readEditionFile, type EditionCollection } from '../../src/lib/contentReader.ts';
import type { ContentData } from '../../src/lib/contentSchemas.ts';
import { ROOT } from './dist.ts';

export const EDITIONS_DIR = join(ROOT, 'content/editions');
/** The source texts the content is transcribed from, kept in the repository (sources/README.md). */
export const SEEDS_DIR = join(ROOT, 'sources');

export function editionSlugs(): string[] {
  return editionsIn(EDITIONS_DIR);
}

export function readEdition(edition: string): ContentData<'editions'> {
  return readEditionFile(EDITIONS_DIR, edition);
}

/** Entries of one collection in one edition: `{ id: file name, ...data }`, sorted by file name. */
export function readCollection<N extends EditionCollection>(edition: string, collection: N): (ContentData<N> & { id: string })[] {
  return readEditionCollection(EDITIONS_DIR, edition, collection).map((file) => ({ id: file.id, ...file.data }));
}

export function readSeed(edition: string): string {
  return readFileSync(join(SEEDS_DIR, readEdition(edition).sourceFile), 'utf8');
}
