/**
 * Builds the site once (`npm run build`: Astro's build and its post-build steps, build/integration.ts) and serves `dist/` for
 * every test file. Set SKIP_BUILD=1 to test an existing `dist/` while iterating.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serve } from '../build/lib/static-server.ts';
import { BUILD_TIMINGS_FILE, DIST } from './helpers/dist.ts';
import { ENGINE_FILES } from './helpers/audit.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!process.env['SKIP_BUILD'] || !existsSync(DIST)) {
    const started = Date.now();
    mkdirSync(dirname(BUILD_TIMINGS_FILE), { recursive: true });
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: { ...process.env, BASE_PATH: '/', OUT_DIR: DIST, BUILD_TIMINGS: BUILD_TIMINGS_FILE } });
    if (build.status !== 0) throw new Error('npm run build failed: see the output above');
    console.log(`Site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const { server, url } = await serve(DIST, { extraFiles: ENGINE_FILES });
  project.provide('siteUrl', url);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
