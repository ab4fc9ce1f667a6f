/** Reading the content files directly, as an editor writes them, for the content tests. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './dist.ts';

export const EDITIONS_DIR = join(ROOT, 'content/editions');
/** The source texts the content is transcribed from, kept in the repository (sources/README.md). */
export const SEEDS_DIR = join(ROOT, 'sources');

export function editionSlugs(): string[] {
  return readdirSync(EDITIONS_DIR).filter((name) => existsSync(join(EDITIONS_DIR, name, 'edition.yaml'))).sort();
}

export function readEdition(edition: string): Record<string, unknown> & { sourceFile: string } {
  return parse(readFileSync(join(EDITIONS_DIR, edition, 'edition.yaml'), 'utf8'));
}

/** Entries of one collection in one edition: `{ id: file name, ...data }`. */
export function readCollection<T = Record<string, unknown>>(edition: string, collection: string): (T & { id: string })[] {
  const dir = join(EDITIONS_DIR, edition, collection);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ id: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(dir, f), 'utf8')) as T) }));
}

export function readSeed(edition: string): string {
  return readFileSync(join(SEEDS_DIR, readEdition(edition).sourceFile), 'utf8');
}

export interface ActionFile {
  id: string;
  edition: string;
  code: string;
  theme: string;
  order: number;
  source?: string;
  aims: string[];
  actions: string[];
  outcomes: string[];
  timescales: string[];
  leadText: string;
  leads: string[];
  inherited?: string[];
  splitFrom?: string;
  note?: string;
}
