/**
 * The site's build after Astro has written the pages: one Astro integration whose
 * `astro:build:done` runs the post-build steps in this order, each a function of the built
 * folder and the build's settings (build/settings.ts), logging through Astro's logger:
 *
 * 1. PDFs (build/steps/pdfs.ts): Chromium prints each print edition; fills the PDF links' sizes
 *    into the built pages, or removes the links.
 * 2. Documents (build/steps/documents.ts): pandoc's ODT, DOCX and EPUB; the same for their links.
 *    Both rewrite built pages, so they come before the index that reads them.
 * 3. Pagefind (build/steps/pagefind.ts): the search index of the pages as published.
 * 4. Vocabulary (build/steps/vocabulary.ts): the words of that index, for search's corrections,
 *    and which of the dictionary's wordings the index holds (the search page's attribute).
 * 5. Host files (build/steps/host-files.ts): the hosts' headers; last, so a build without
 *    SITE_URL ends saying so.
 *
 * So `astro build` (`npm run build`) makes the whole site, from any shell, and `astro preview`
 * serves all of it. Each step's time is recorded in BUILD_TIMINGS's file for the benchmarks.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildSettings, BuildStep } from './settings.ts';
import { writeTimings, type StepTiming } from './timings.ts';
import { pdfs } from './steps/pdfs.ts';
import { documents } from './steps/documents.ts';
import { pagefind } from './steps/pagefind.ts';
import { vocabulary } from './steps/vocabulary.ts';
import { hostFiles } from './steps/host-files.ts';

/** The post-build steps, in the order they must run (see above). */
export const BUILD_STEPS: readonly BuildStep[] = [pdfs, documents, pagefind, vocabulary, hostFiles];

export function siteBuild(settings: BuildSettings): AstroIntegration {
  let astroStarted = 0;
  return {
    name: 'halton-site-build',
    hooks: {
      // Astro's part is timed from its first hook: the content's loading and checking included.
      'astro:config:setup': () => {
        astroStarted = performance.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const timings: StepTiming[] = [{ step: 'Astro', seconds: (performance.now() - astroStarted) / 1000 }];
        for (const step of BUILD_STEPS) {
          const started = performance.now();
          await step.run(outDir, settings, logger);
          timings.push({ step: step.name, seconds: (performance.now() - started) / 1000 });
        }
        if (settings.timingsFile) writeTimings(settings.timingsFile, timings);
      },
    },
  };
}
