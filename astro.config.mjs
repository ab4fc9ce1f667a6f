// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { satteri } from '@astrojs/markdown-satteri';

// Where the site is published. Both are read from the environment so that one build can serve
// at the root and another under a sub-path (e.g. BASE_PATH=/strategy/) without code changes.
const site = process.env.SITE_URL ?? 'http://localhost:4321';
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  // Separate caches let the tests build broken fixture content beside the real site.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx(), sitemap()],
  // The seeds' quotation marks and apostrophes are kept as printed, not made typographic.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  build: {
    // One stylesheet file rather than inline <style>: cacheable, and allowed by a strict CSP.
    inlineStylesheets: 'never',
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
