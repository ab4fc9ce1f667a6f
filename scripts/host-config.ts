/**
 * Writes the hosts' configuration from src/lib/securityHeaders.ts.
 *
 *   node scripts/host-config.ts           dist/_headers and dist/staticwebapp.config.json (run by `npm run build`,
 *                                         as its last step: it then ends a build made without SITE_URL saying so)
 *   node scripts/host-config.ts --nginx   deploy/nginx.conf (`npm run nginx-conf`; the file is committed)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { headersFile, nginxConf, staticWebAppConfig } from '../src/lib/hostConfig.ts';
import { localBuildNotice } from '../src/lib/site.ts';

const write = (file: string, text: string) => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

if (process.argv.includes('--nginx')) {
  console.log(`Wrote ${write('deploy/nginx.conf', nginxConf())}`);
} else {
  const dist = process.env['OUT_DIR'] ?? 'dist';
  const written = [write(join(dist, '_headers'), headersFile()), write(join(dist, 'staticwebapp.config.json'), staticWebAppConfig())];
  console.log(`Host headers written: ${written.join(', ')}`);
  const notice = localBuildNotice(process.env['SITE_URL']);
  if (notice) console.warn(notice);
}
