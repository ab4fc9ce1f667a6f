/**
 * Self-hosting, tested: Debian's nginx serves the built site on a loopback port with
 * deploy/nginx.conf itself (only its port and root changed), and every response carries the
 * headers of `_headers`, the right type and the right cache rule; then one search in Chromium
 * through it, under the header CSP. NGINX_PATH overrides /usr/sbin/nginx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, IMMUTABLE_CACHE, IMMUTABLE_PATHS, REVALIDATE_CACHE, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { formatPaths, paths } from '../../src/lib/paths.ts';
import { DIST, ROOT, htmlPages, walk } from '../helpers/dist.ts';
import { headersRule } from '../helpers/headers.ts';
import { launch } from '../helpers/browser.ts';

const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const work = mkdtempSync(join(tmpdir(), 'nginx-'));
let nginx: ChildProcess | undefined;
let origin = '';
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** deploy/nginx.conf with the test's port and root: the only lines changed, each checked to exist. */
function siteConf(port: number): string {
  const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const listens = conf.match(/^\s*listen .*;$/gm) ?? [];
  const roots = conf.match(/^\s*root .*;$/gm) ?? [];
  if (listens.length === 0 || roots.length !== 1) throw new Error('deploy/nginx.conf no longer has the listen and root lines this test replaces');
  return conf
    .replace(/^(\s*)listen .*;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^\s*listen .*;\n/gm, (line) => (line.includes(`127.0.0.1:${port}`) ? line : ''))
    .replace(/^(\s*)root .*;$/m, `$1root ${DIST};`);
}

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX}: install Debian's (sudo apt-get install -y nginx; .ci/run does) or set NGINX_PATH.`);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  mkdirSync(join(work, 'temp'));
  writeFileSync(join(work, 'site.conf'), siteConf(port));
  // The http block a Debian nginx.conf would wrap conf.d/ in, with every path inside the test's folder.
  writeFileSync(
    join(work, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${work}/nginx.pid;
error_log ${work}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${work}/temp/body;
  proxy_temp_path ${work}/temp/proxy;
  fastcgi_temp_path ${work}/temp/fastcgi;
  uwsgi_temp_path ${work}/temp/uwsgi;
  scgi_temp_path ${work}/temp/scgi;
  include ${work}/site.conf;
}
`,
  );
  const started = spawn(NGINX, ['-p', work, '-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  nginx = started;
  let exited = false;
  started.on('exit', () => (exited = true));
  const deadline = Date.now() + 15_000;
  // Poll until nginx answers (or has stopped, naming why from its log).
  while (!(await fetch(`${origin}/`).then((r) => r.ok, () => false))) {
    const log = existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '';
    if (exited || Date.now() > deadline) throw new Error(`nginx did not start with deploy/nginx.conf:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });
const published = (file: string) => `/${relative(DIST, file).split(sep).join('/')}`;

/** Every security header exactly as `_headers` sends it on `/*`. */
function expectSecurityHeaders(response: Response, path: string) {
  const expected = headersRule(readFileSync(join(DIST, '_headers'), 'utf8'), '/*');
  expect(expected).toEqual(SECURITY_HEADERS);
  for (const [name, value] of Object.entries(expected)) expect(response.headers.get(name), `${path}: ${name}`).toBe(value);
}

/** One file of each kind in dist/, and the hashed files the cache rules are for. */
function samples(): string[] {
  const files = walk(DIST);
  const byExtension = new Map<string, string>();
  for (const file of files) if (!byExtension.has(extname(file))) byExtension.set(extname(file), file);
  const hashed = IMMUTABLE_PATHS.map((path) => files.find((f) => published(f).startsWith(path))!);
  return [...new Set([...byExtension.values(), ...hashed])].map(published).filter((path) => path !== '/_headers');
}

describe('nginx with deploy/nginx.conf', () => {
  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/2017-20/action-plan/', 'text/html; charset=utf-8'],
    [paths.csv('2017-20'), 'text/csv; charset=utf-8'],
    [formatPaths.pdf('2017-20'), 'application/pdf'],
    [paths.progressFeed('2017-20'), 'application/atom+xml; charset=utf-8'],
  ])('serves %s as %s, byte for byte, with every header', async (path, type) => {
    // The PDFs are printed by Chromium, which these browser tests need anyway.
    const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
    expect(existsSync(file), `${path} is in the build`).toBe(true);
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
    expectSecurityHeaders(response, path);
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(file))).toBe(true);
  });

  it('serves one file of every kind in dist/ with its type, every header, and a year\'s cache only for hashed files', async () => {
    const checked = samples();
    expect(checked.length).toBeGreaterThan(10);
    for (const path of checked) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(contentType(extname(path).slice(1)));
      expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE_PATHS.some((p) => path.startsWith(p)) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      expectSecurityHeaders(response, path);
      await response.arrayBuffer();
    }
  });

  it('serves every page of the site', async () => {
    const failed: string[] = [];
    for (const page of htmlPages()) {
      const response = await get(page);
      if (response.status !== 200) failed.push(`${page}: ${response.status}`);
      await response.arrayBuffer();
    }
    expect(failed).toEqual([]);
  });

  it('redirects a page address without its trailing slash to the address Astro built, on the same host', async () => {
    const response = await get('/2017-20/action-plan');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/2017-20/action-plan/');
    expectSecurityHeaders(response, '/2017-20/action-plan');
  });

  it('answers a missing page with the site\'s 404 page, its headers, and no long cache', async () => {
    for (const path of ['/no-such-page/', '/_astro/no-such-file.js', '/pagefind/fragment/no-such.pf_fragment']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBeNull();
      expectSecurityHeaders(response, path);
      expect(await response.text(), path).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
    }
  });

  it('runs a search in Chromium under the header CSP, with nothing blocked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    const failed: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(`${origin}/search/?q=staying+put`);
    expect(response?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/\d+ results?/);
    await expect.poll(() => page.locator('#search-results a').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });
});

describe('the test itself', () => {
  it('changes only the port and root of deploy/nginx.conf', () => {
    const original = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8').split('\n');
    const served = readFileSync(join(work, 'site.conf'), 'utf8').split('\n');
    const changed = original.filter((line) => !served.includes(line));
    expect(changed.map((line) => line.trim().split(' ')[0])).toEqual(['listen', 'listen', 'root']);
    expect(readdirSync(work)).toContain('nginx.pid');
  });
});
