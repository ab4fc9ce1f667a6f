/** The security and privacy promises that can be read off the built files. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE, IMMUTABLE_PATHS, MIME_TYPES, REVALIDATE_CACHE, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { DIST, ROOT, htmlPages, readPage, walk } from '../helpers/dist.ts';
import { headersRule } from '../helpers/headers.ts';

const pages = htmlPages();

describe('Content-Security-Policy', () => {
  it.each(pages)('%s carries a CSP meta with no unsafe-inline script and no inline script without a hash', (path) => {
    const html = readPage(path);
    const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
    expect(csp).toBeDefined();
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("default-src 'self'");
    // No inline script bodies: every script is a file (so the static _headers policy suffices).
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>\s*\S/);
    expect(html).not.toMatch(/\son[a-z]+="/); // no inline event handlers
    expect(html).not.toMatch(/\sstyle="/); // no inline styles
  });
});

/** A CSP as directive → sources, without the hashes Astro adds to the <meta> for its own inline code. */
const directives = (csp: string) => Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources.filter((s) => !s.startsWith("'sha"))]));

describe('the hosts\' headers, written from one definition (src/lib/securityHeaders.ts)', () => {
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  const swa = JSON.parse(readFileSync(join(DIST, 'staticwebapp.config.json'), 'utf8'));
  const nginx = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const nginxHeaders = Object.fromEntries([...nginx.matchAll(/^\s*add_header (\S+) "([^"]*)" always;$/gm)].map((m) => [m[1], m[2]]));

  it.each(['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Permissions-Policy'])('_headers sets %s', (name) => {
    expect(headers).toContain(name);
  });

  it('sends the same script policy as the pages', () => {
    expect(headers).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(headers).not.toContain('unsafe-inline');
  });

  it('_headers, staticwebapp.config.json and deploy/nginx.conf send the same security headers, as the module defines them', () => {
    expect(headersRule(headers, '/*')).toEqual(SECURITY_HEADERS);
    const { ['Cache-Control']: swaCache, ...swaSecurity } = swa.globalHeaders;
    expect(swaSecurity).toEqual(SECURITY_HEADERS);
    expect(swaCache).toBe(REVALIDATE_CACHE);
    expect(nginxHeaders).toEqual(SECURITY_HEADERS);
  });

  it('all three cache hashed files for good, and only those', () => {
    for (const path of IMMUTABLE_PATHS) {
      expect(headersRule(headers, `${path}*`)).toEqual({ 'Cache-Control': IMMUTABLE_CACHE });
      expect(swa.routes).toContainEqual({ route: `${path}*`, headers: { 'Cache-Control': IMMUTABLE_CACHE } });
      expect(nginx).toContain(`~^${path} "${IMMUTABLE_CACHE}";`);
      expect(readdirSync(join(DIST, path)).length, `${path} exists in the build`).toBeGreaterThan(0);
    }
  });

  it.each(pages)('%s: the <meta> CSP is the header policy without frame-ancestors, which only a header can carry', (path) => {
    const meta = readPage(path).match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1] ?? '';
    const header = directives(SECURITY_HEADERS['Content-Security-Policy']!);
    delete header['frame-ancestors'];
    expect(directives(meta)).toEqual(header);
  });

  it('every kind of file in dist/ has its type in the hosts\' lists', () => {
    const extensions = [...new Set(walk(DIST).map((f) => extname(f).slice(1)).filter(Boolean))];
    expect(extensions.filter((e) => !MIME_TYPES[e])).toEqual([]);
    for (const extension of extensions) expect(swa.mimeTypes[`.${extension}`], extension).toBeDefined();
    for (const extension of extensions) expect(nginx, extension).toMatch(new RegExp(`^\\s+\\S+ ${extension};$`, 'm'));
  });
});

describe('privacy', () => {
  it('loads nothing from another host and has no analytics', () => {
    for (const path of pages) {
      const html = readPage(path);
      const external = [...html.matchAll(/<(?:script|link|img|iframe)[^>]+(?:src|href)="(https?:)?\/\/[^"]+"/g)].map((m) => m[0]).filter((tag) => !/rel="canonical"/.test(tag));
      expect(external, path).toEqual([]);
      expect(html, path).not.toMatch(/google-analytics|googletagmanager|gtag\(|plausible|matomo/i);
    }
  });
});

describe('dependencies', () => {
  it('npm audit finds no high or critical advisory in what the site ships', () => {
    const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const report = JSON.parse(result.stdout || '{}');
    const counts = report.metadata?.vulnerabilities ?? {};
    expect(counts.high ?? 0).toBe(0);
    expect(counts.critical ?? 0).toBe(0);
  });
});
