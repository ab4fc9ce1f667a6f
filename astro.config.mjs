// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { satteri } from '@astrojs/markdown-satteri';
import { abbreviationsPlugin } from './src/markdown/abbreviations.ts';
import { astroCsp } from './src/lib/securityHeaders.ts';
import { siteAddress } from './src/lib/site.ts';
import { siteBuild } from './build/integration.ts';
import { buildSettings } from './build/settings.ts';

// Where the site is published. Both are read from the environment so that one build can serve
// at the root and another under a sub-path (e.g. BASE_PATH=/strategy/) without code changes.
// Without SITE_URL the links say localhost, and the build ends saying so (build/steps/host-files.ts).
const site = siteAddress(process.env.SITE_URL);
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let the tests build broken fixture content beside the real site.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  // siteBuild runs the steps after the pages (PDFs, documents, search index, host files): build/integration.ts.
  integrations: [mdx(), sitemap(), siteBuild(buildSettings(process.env))],
  // The seeds' quotation marks and apostrophes are kept as printed, not made typographic.
  // No code blocks to highlight: Shiki's inline styles would need a CSP exception.
  markdown: {
    processor: satteri({
      features: { smartPunctuation: false },
      // The first use of each abbreviation in a chapter is expanded from the glossary.
      hastPlugins: [abbreviationsPlugin(process.env.GLOSSARY_DIR ?? './content/glossary')],
    }),
    syntaxHighlight: false,
  },
  build: {
    // One stylesheet file rather than inline <style>: cacheable, and allowed by a strict CSP.
    inlineStylesheets: 'never',
  },
  security: {
    // A Content-Security-Policy <meta> on every page, from the one definition the hosts' headers
    // also use (src/lib/securityHeaders.ts); Astro adds the hashes of its own scripts and styles.
    csp: astroCsp(),
  },
  vite: {
    plugins: [tailwindcss()],
    // Scripts as files, never inline: the hosts' header policy can then allow 'self' alone.
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro's compiled MDX modules carry a "use astro:head-inject" directive that the bundler
        // reports as MODULE_LEVEL_DIRECTIVE for every chapter; Astro handles it, so it is noise.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
