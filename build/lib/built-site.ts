/**
 * What the post-build steps share: walking the built site, finding its editions, and running a
 * step that needs an outside tool (Chromium, pandoc) so that it degrades in one clear line when
 * the tool is missing and fails the build, naming the reason, when the tool fails.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { StepLogger } from '../settings.ts';

/** Every file below a folder, at any depth. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The editions of a built site: the folders with a print edition. */
export function printedEditions(dist: string): string[] {
  return readdirSync(dist).filter((name) => existsSync(join(dist, name, 'print', 'index.html')));
}

/** The addresses (`<loc>`) a sitemap or a sitemap index lists, read as XML, in its order. */
export function sitemapLocations(xml: string): string[] {
  const parsed = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' }).parse(xml) as {
    urlset?: { url?: { loc: string }[] };
    sitemapindex?: { sitemap?: { loc: string }[] };
  };
  return [...(parsed.urlset?.url ?? []), ...(parsed.sitemapindex?.sitemap ?? [])].map((entry) => String(entry.loc));
}

/** A site path ("/2017-20/x.pdf") as a path inside the built folder ("2017-20/x.pdf"). */
export const inDist = (path: string) => path.replace(/^\//, '');

/**
 * Runs the part of a post-build step that makes files with an outside tool. `missing` is null
 * when the tool is there, or why it is not: the build goes on without the files, said in one
 * line. A failure of `make` fails the build with the step's name and the reason.
 */
export async function toolStep(log: StepLogger, step: { name: string; missing: string | null; make: () => Promise<void>; made: readonly string[] }): Promise<void> {
  if (step.missing) {
    log.info(`${step.name} not built: ${step.missing}`);
    return;
  }
  const started = Date.now();
  try {
    await step.make();
  } catch (error) {
    throw new Error(`${step.name} not built: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  log.info(`${step.name} built: ${step.made.join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
