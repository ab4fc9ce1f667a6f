/**
 * `npm run nginx-conf`: writes deploy/nginx.conf from src/lib/securityHeaders.ts (through
 * build/lib/host-config.ts). The file is committed; tests/unit/host-config.test.ts checks that it
 * is what this writes.
 */
import { nginxConf } from '../build/lib/host-config.ts';
import { writeFileIn } from '../build/steps/host-files.ts';

console.log(`Wrote ${writeFileIn('deploy/nginx.conf', nginxConf())}`);
