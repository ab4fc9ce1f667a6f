/** The security and privacy promises that can be read off the built files. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, ROOT, htmlPages, readPage } from '../helpers/dist.ts';

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

describe('static host headers', () => {
  const headers = readFileSync(join(DIST, '_headers'), 'utf8');
  it.each(['Content-Security-Policy', 'Strict-Transport-Security', 'X-Content-Type-Options: nosniff', 'Referrer-Policy', 'Permissions-Policy'])('_headers sets %s', (name) => {
    expect(headers).toContain(name);
  });
  it('sends the same script policy as the pages', () => {
    expect(headers).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
    expect(headers).not.toContain('unsafe-inline');
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
