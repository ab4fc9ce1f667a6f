/**
 * The settings of one build, read once from the environment in astro.config.mjs and handed to
 * every post-build step (build/integration.ts), so no step reads `process.env` itself.
 */
import type { AstroIntegrationLogger } from 'astro';

export interface BuildSettings {
  /** SITE_URL as given: the address the site is published at, or undefined for a local preview build. */
  siteUrl: string | undefined;
  /** The content's editions (CONTENT_DIR): the EPUB's date comes from each edition.yaml. */
  contentDir: string;
  /** Chromium for the PDFs (CHROMIUM_PATH); without it the build goes on without PDFs. */
  chromiumPath: string;
  /** pandoc for ODT, DOCX and EPUB (PANDOC_PATH); without it the build goes on without them. */
  pandocPath: string;
  /** An English word list, one word a line (WORD_LIST), for search's real-word check. */
  wordList: string;
  /** Where the integration writes each step's time as JSON (BUILD_TIMINGS), read by the benchmarks; none when unset. */
  timingsFile: string | undefined;
}

/** The settings from an environment (`process.env`, or one a test makes). */
export function buildSettings(env: Record<string, string | undefined>): BuildSettings {
  return {
    siteUrl: env['SITE_URL'],
    contentDir: env['CONTENT_DIR'] ?? 'content/editions',
    chromiumPath: env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    pandocPath: env['PANDOC_PATH'] ?? 'pandoc',
    wordList: env['WORD_LIST'] ?? '/usr/share/dict/british-english',
    timingsFile: env['BUILD_TIMINGS'] || undefined,
  };
}

/** What a step logs through: Astro's integration logger, or a test's stand-in. */
export type StepLogger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

/**
 * One post-build step: a function of the built site's folder (a file system path) and the
 * build's settings, logging through `log`. It throws to fail the build, naming the reason.
 */
export interface BuildStep {
  name: string;
  run: (outDir: string, settings: BuildSettings, log: StepLogger) => Promise<void>;
}
