/**
 * The source texts live in the repository (sources/), unchanged, and the project needs nothing
 * outside its own folder: a clean clone alone passes the tests.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.ts';
import { SEEDS_DIR, editionSlugs, readEdition } from '../helpers/content.ts';

/** The SHA-256 of each file as sources/README.md records it. */
const recorded = Object.fromEntries([...readFileSync(join(SEEDS_DIR, 'README.md'), 'utf8').matchAll(/^\| `([^`]+)` \|[^|]*\| `([0-9a-f]{64})` \|$/gm)].map((m) => [m[1], m[2]]));
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sources/', () => {
  it('is the folder the content tests read, inside the repository', () => {
    expect(relative(ROOT, SEEDS_DIR)).toBe('sources');
  });

  it.each(editionSlugs())('%s names its source, a file in sources/ named by the edition', (edition) => {
    expect(readEdition(edition).sourceFile).toBe(`${edition}.txt`);
  });

  it('holds each source unchanged: the SHA-256 recorded in sources/README.md, and no file without one', () => {
    const texts = readdirSync(SEEDS_DIR).filter((name) => name !== 'README.md').sort();
    expect(texts).toEqual(editionSlugs().map((edition) => `${edition}.txt`).sort());
    expect(Object.keys(recorded).sort()).toEqual(texts);
    for (const name of texts) expect(sha256(join(SEEDS_DIR, name)), name).toBe(recorded[name]);
  });
});

describe('the project stands alone', () => {
  // Folders that are not the project's own files: installed packages, builds, caches, git.
  const skipped = /^(node_modules|dist(-.*)?|\.astro|\.git|test-results)$/;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (skipped.test(entry.name)) return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? files(path) : [path];
    });
  // A path that climbs out of the repository, or names the team's folder the sources once came from.
  const outside = /\.\.\/shared\b|\/work\/|shared\/(seeds|NOTES|STYLE)/;
  const self = relative(ROOT, fileURLToPath(import.meta.url));

  it('no file refers to a folder beside or above the repository', () => {
    const found = files(ROOT)
      .filter((file) => relative(ROOT, file) !== self && !/\.(png|ico|woff2|pdf|xlsx|ods|docx|odt|epub)$/.test(file))
      .flatMap((file) => {
        const lines = readFileSync(file, 'utf8').split('\n');
        return lines.flatMap((line, i) => (outside.test(line) ? [`${relative(ROOT, file).split(sep).join('/')}:${i + 1}: ${line.trim().slice(0, 120)}`] : []));
      });
    expect(found).toEqual([]);
  });
});
