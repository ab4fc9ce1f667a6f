/** One definition of the security headers, written to every host's file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, nginxConf, NGINX_PATHS, staticWebAppConfig, TLS_PROFILE } from '../../build/lib/host-config.ts';
import { astroCsp, cspHeader, CSP_DIRECTIVES, IMMUTABLE_CACHE, IMMUTABLE_PATHS, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { ROOT } from '../helpers/dist.ts';

describe('deploy/nginx.conf', () => {
  it('is exactly what `npm run nginx-conf` writes from src/lib/securityHeaders.ts', () => {
    // If this fails after a change to the headers, run `npm run nginx-conf` and commit the file.
    expect(readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')).toBe(nginxConf());
  });

  /** The top-level `server { … }` blocks, braces matched. */
  function servers(conf: string): string[] {
    const blocks: string[] = [];
    for (const match of conf.matchAll(/^server \{$/gm)) {
      let depth = 0;
      for (let i = match.index; i < conf.length; i++) {
        if (conf[i] === '{') depth++;
        if (conf[i] === '}' && --depth === 0) {
          blocks.push(conf.slice(match.index, i + 1));
          break;
        }
      }
    }
    return blocks;
  }
  const [plain = '', secure = ''] = servers(nginxConf());
  const directives = (block: string, name: string) => [...block.matchAll(new RegExp(`^\\s*${name} (.*);$`, 'gm'))].map((m) => m[1]);

  it('has two servers: port 80 and port 443 with HTTP/2', () => {
    expect(servers(nginxConf())).toHaveLength(2);
    expect(directives(plain, 'listen')).toEqual(['80', '[::]:80']);
    expect(directives(secure, 'listen')).toEqual(['443 ssl http2', '[::]:443 ssl http2']);
  });

  it('on port 80 only redirects to the same host and path over HTTPS, and serves certificate renewal', () => {
    expect(directives(plain, 'return')).toEqual(['301 https://$host$request_uri']);
    expect(plain).toMatch(/location \/ \{\s*return 301 https:\/\/\$host\$request_uri;\s*\}/);
    expect(plain).toMatch(new RegExp(`location /\\.well-known/acme-challenge/ \\{[^}]*root ${NGINX_PATHS.acmeRoot};[^}]*\\}`));
    // No root but the challenges' folder, and no header (HSTS means nothing over plain HTTP).
    expect(directives(plain, 'root')).toEqual([NGINX_PATHS.acmeRoot]);
    expect(plain).not.toContain('add_header');
  });

  it('on port 443 has the certificate paths to fill in and TLS after Mozilla\'s intermediate profile', () => {
    expect(directives(secure, 'ssl_certificate')).toEqual([NGINX_PATHS.certificate]);
    expect(directives(secure, 'ssl_certificate_key')).toEqual([NGINX_PATHS.certificateKey]);
    expect(directives(secure, 'ssl_protocols')).toEqual(['TLSv1.2 TLSv1.3']);
    expect(directives(secure, 'ssl_ciphers')).toEqual([TLS_PROFILE.ciphers.join(':')]);
    // Forward secrecy (ECDHE) and AEAD (GCM, ChaCha20-Poly1305) for every TLS 1.2 cipher.
    for (const cipher of TLS_PROFILE.ciphers) expect(cipher).toMatch(/^ECDHE-(ECDSA|RSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
    expect(directives(secure, 'ssl_prefer_server_ciphers')).toEqual(['off']);
    expect(directives(secure, 'ssl_session_timeout')).toEqual(['1d']);
    expect(directives(secure, 'ssl_session_tickets')).toEqual(['off']);
    expect(directives(secure, 'root')).toEqual([NGINX_PATHS.root]);
  });

  it('sets every security header once, at the HTTPS server\'s level, on every response', () => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(secure.split(`add_header ${name} "${value}" always;`)).toHaveLength(2);
    }
    // A location with an add_header of its own would drop every header set at server level.
    const locations = secure.match(/^\s*location [^{]+\{[^}]*\}/gm) ?? [];
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
