/** One definition of the security headers, written to every host's file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, nginxConf, staticWebAppConfig } from '../../src/lib/hostConfig.ts';
import { astroCsp, cspHeader, CSP_DIRECTIVES, IMMUTABLE_CACHE, IMMUTABLE_PATHS, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { ROOT } from '../helpers/dist.ts';

describe('deploy/nginx.conf', () => {
  it('is exactly what `npm run nginx-conf` writes from src/lib/securityHeaders.ts', () => {
    // If this fails after a change to the headers, run `npm run nginx-conf` and commit the file.
    expect(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')).toBe(nginxConf());
  });

  it('sets every security header once, at server level, on every response', () => {
    const conf = nginxConf();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(conf.split(`add_header ${name} "${value}" always;`)).toHaveLength(2);
    }
    // A location with an add_header of its own would drop every header set at server level.
    const locations = conf.match(/^\s*location [^{]+\{[^}]*\}/gm) ?? [];
    expect(locations.length).toBeGreaterThan(0);
    for (const block of locations) expect(block).not.toContain('add_header');
  });
});

describe('the Content-Security-Policy', () => {
  it('in the <meta> is the header policy without what only a header can carry', () => {
    const csp = astroCsp();
    const meta = [...csp.directives, `script-src ${csp.scriptDirective.resources.join(' ')}`, `style-src ${csp.styleDirective.resources.join(' ')}`].sort();
    const header = cspHeader().split('; ').filter((d) => !d.startsWith('frame-ancestors')).sort();
    expect(meta).toEqual(header);
    expect(CSP_DIRECTIVES.filter((d) => d.headerOnly).map((d) => d.name)).toEqual(['frame-ancestors']);
    expect(cspHeader()).not.toContain('unsafe-inline');
  });
});

describe('_headers and staticwebapp.config.json', () => {
  it('_headers sends every security header on every path, and caches only hashed files for good', () => {
    const text = headersFile();
    const rules = text.split(/\n(?=\/)/).filter((block) => block.startsWith('/'));
    expect(rules[0]).toBe(`/*\n${Object.entries(SECURITY_HEADERS).map(([n, v]) => `  ${n}: ${v}`).join('\n')}\n`);
    expect(rules.slice(1)).toEqual(IMMUTABLE_PATHS.map((p) => `${p}*\n  Cache-Control: ${IMMUTABLE_CACHE}\n`));
  });

  it('staticwebapp.config.json sends the same headers and serves the 404 page', () => {
    const config = JSON.parse(staticWebAppConfig());
    expect(config.globalHeaders).toEqual({ ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
    expect(config.routes).toEqual(IMMUTABLE_PATHS.map((p) => ({ route: `${p}*`, headers: { 'Cache-Control': IMMUTABLE_CACHE } })));
    expect(config.responseOverrides['404']).toEqual({ rewrite: '/404.html', statusCode: 404 });
    expect(config.mimeTypes['.atom']).toBe('application/atom+xml; charset=utf-8');
    expect(config.mimeTypes['.pf_fragment']).toBe('application/octet-stream');
  });
});
