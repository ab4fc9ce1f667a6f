/**
 * The last post-build step (build/integration.ts): the hosts' header files, `_headers` (Netlify,
 * Cloudflare Pages) and `staticwebapp.config.json` (Azure), from src/lib/securityHeaders.ts.
 * Being last, it ends a build made without SITE_URL with the line that says so.
 * (nginx's configuration is committed, not built: `npm run nginx-conf`, tools/nginx-conf.ts.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { headersFile, staticWebAppConfig } from '../lib/host-config.ts';
import { localBuildNotice } from '../../src/lib/site.ts';
import type { BuildStep } from '../settings.ts';

/** Writes a file, making its folder; returns its path. */
export function writeFileIn(file: string, text: string): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

export const hostFiles: BuildStep = {
  name: 'Host files',
  async run(dist, settings, log) {
    const written = [writeFileIn(join(dist, '_headers'), headersFile()), writeFileIn(join(dist, 'staticwebapp.config.json'), staticWebAppConfig())];
    log.info(`Host headers written: ${written.map((file) => relative(process.cwd(), file)).join(', ')}`);
    const notice = localBuildNotice(settings.siteUrl);
    if (notice) log.warn(notice);
  },
};
