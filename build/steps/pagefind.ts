/**
 * The search index, by Pagefind's Node API, after the steps that rewrite built pages (PDF and
 * document links) so it indexes the pages as published; before the vocabulary, which reads it.
 * Pagefind reads the pages' own markup (`data-pagefind-body`, `data-pagefind-ignore`), so it
 * needs no settings: the index is what `pagefind --site <folder>` writes, byte for byte.
 */
import { join, relative } from 'node:path';
import * as pagefindApi from 'pagefind';
import type { BuildStep } from '../settings.ts';

export const pagefind: BuildStep = {
  name: 'Pagefind',
  async run(dist, _settings, log) {
    const started = Date.now();
    const fail = (errors: readonly string[]) => {
      if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
    };
    try {
      const { index, errors } = await pagefindApi.createIndex({});
      fail(errors);
      if (!index) throw new Error('Pagefind made no index');
      const added = await index.addDirectory({ path: dist });
      fail(added.errors);
      const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
      fail(written.errors);
      log.info(`Pagefind index written to ${relative(process.cwd(), join(dist, 'pagefind'))} from ${added.page_count} pages read, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      // The API runs Pagefind's binary as a service; closing it lets the build's process end.
      await pagefindApi.close();
    }
  },
};
