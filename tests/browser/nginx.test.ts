/**
 * Self-hosting, tested as a browser and an auditor see it: Debian's nginx serves the built site
 * with deploy/nginx.conf itself (only its ports and paths changed) and a certificate for
 * `localhost` from a throwaway CA. Plain HTTP redirects to HTTPS; over HTTPS every response
 * carries the headers of `_headers`, the right type and the right cache rule; TLS is the
 * profile's; Chromium, trusting the CA as a reader's system would, loads pages and searches under
 * the header CSP; and the MDN HTTP Observatory's own scanner grades the site.
 *
 * The scanner only knows the standard ports, so nginx listens on 127.0.0.1:80 and :443 (as root,
 * as in CI). Without the right to bind them the test runs on other ports and skips the scan, in
 * one line; a port another server holds fails the test, naming it. NGINX_PATH overrides
 * /usr/sbin/nginx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative, sep } from 'node:path';
import { connect } from 'node:tls';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, IMMUTABLE_CACHE, IMMUTABLE_PATHS, REVALIDATE_CACHE, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { NGINX_PATHS, TLS_PROFILE } from '../../build/lib/host-config.ts';
import { formatPaths, paths } from '../../src/lib/paths.ts';
import { DIST, ROOT, htmlPages, walk } from '../helpers/dist.ts';
import { headersRule } from '../helpers/headers.ts';
import { launch } from '../helpers/browser.ts';

const NGINX = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
const OBSERVATORY = join(ROOT, 'node_modules/@mdn/mdn-http-observatory');
const work = mkdtempSync(join(tmpdir(), 'nginx-'));
const tls = {
  ca: join(work, 'ca.crt'),
  certificate: join(work, 'localhost.crt'),
  key: join(work, 'localhost.key'),
  /** The CA's subject, which Chromium reports as the issuer. */
  caName: 'Halton strategy test CA (throwaway)',
};
const acmeRoot = join(work, 'acme');
/** A home folder whose NSS certificate store (~/.pki/nssdb, which Chromium reads on Linux) trusts the test CA. */
const browserHome = join(work, 'home');
let nginx: ChildProcess | undefined;
let browser: Browser;
let ports = { http: 80, https: 443 };
let standardPorts = true;
/** Why the Observatory scan cannot run here, if it cannot. */
let scanSkipped = '';

const httpOrigin = () => `http://localhost${ports.http === 80 ? '' : `:${ports.http}`}`;
const httpsOrigin = () => `https://localhost${ports.https === 443 ? '' : `:${ports.https}`}`;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/** Can this process listen on 127.0.0.1:port? 'ok', or why not. */
function tryPort(port: number): Promise<'ok' | 'EACCES' | 'EADDRINUSE'> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EACCES' || error.code === 'EADDRINUSE' ? resolve(error.code) : reject(error)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve('ok')));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The standard ports if this process may bind them; other ports, and a reason, if it may not; an error naming the holder if another server has one. */
async function choosePorts() {
  for (const port of [80, 443]) {
    const state = await tryPort(port);
    if (state === 'EADDRINUSE') {
      const holder = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' }).stdout?.trim();
      throw new Error(`127.0.0.1:${port} is taken${holder ? ` (${holder})` : ''}. The nginx test (and the Observatory scan) needs ports 80 and 443: stop that server (e.g. Debian's nginx service: \`service nginx stop\`) and run the test again.`);
    }
    if (state === 'EACCES') {
      standardPorts = false;
      scanSkipped = `the MDN HTTP Observatory scan needs 127.0.0.1:80 and :443, which this user may not bind (run as root, as CI does)`;
    }
  }
  if (!standardPorts) ports = { http: await freePort(), https: await freePort() };
}

/** A throwaway CA and a certificate for `localhost` signed by it (RSA 2048, SHA-256, as a public CA issues). */
function makeCertificates() {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(work, 'ca.key'), '-out', tls.ca, '-days', '2', '-subj', `/CN=${tls.caName}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', tls.key, '-out', join(work, 'localhost.csr'), '-subj', '/CN=localhost']);
  writeFileSync(join(work, 'leaf.ext'), 'subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
  run('openssl', ['x509', '-req', '-in', join(work, 'localhost.csr'), '-CA', tls.ca, '-CAkey', join(work, 'ca.key'), '-CAcreateserial', '-out', tls.certificate, '-days', '2', '-sha256', '-extfile', join(work, 'leaf.ext')]);
  // Chromium trusts what its user's NSS store trusts: the test CA, for websites only.
  const nssdb = join(browserHome, '.pki/nssdb');
  mkdirSync(nssdb, { recursive: true });
  run('certutil', ['-N', '-d', `sql:${nssdb}`, '--empty-password']);
  run('certutil', ['-A', '-d', `sql:${nssdb}`, '-n', tls.caName, '-t', 'C,,', '-i', tls.ca]);
}

/**
 * deploy/nginx.conf with the test's ports and paths: each line replaced is checked to exist
 * once. The IPv6 listens are dropped (a test machine may have no IPv6); nothing else changes.
 */
function siteConf(): string {
  const conf = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8');
  const replacements: [string, string][] = [
    ['    listen 80;\n', `    listen 127.0.0.1:${ports.http};\n`],
    ['    listen [::]:80;\n', ''],
    ['    listen 443 ssl http2;\n', `    listen 127.0.0.1:${ports.https} ssl http2;\n`],
    ['    listen [::]:443 ssl http2;\n', ''],
    [`    root ${NGINX_PATHS.root};\n`, `    root ${DIST};\n`],
    [`        root ${NGINX_PATHS.acmeRoot};\n`, `        root ${acmeRoot};\n`],
    [`    ssl_certificate ${NGINX_PATHS.certificate};\n`, `    ssl_certificate ${tls.certificate};\n`],
    [`    ssl_certificate_key ${NGINX_PATHS.certificateKey};\n`, `    ssl_certificate_key ${tls.key};\n`],
  ];
  return replacements.reduce((text, [line, replacement]) => {
    if (text.split(line).length !== 2) throw new Error(`deploy/nginx.conf no longer has the line this test replaces once: ${line.trim()}`);
    return text.replace(line, replacement);
  }, conf);
}

/** One request, answered as a fetch Response. Node's own client, trusting the test CA only (fetch cannot be given a CA). */
function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { ca: readFileSync(tls.ca), headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) responseHeaders.append(name, v);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: responseHeaders }));
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
const getHttps = (path: string) => get(`${httpsOrigin()}${path}`);

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`nginx is not installed at ${NGINX}: install Debian's (sudo apt-get install -y nginx; .ci/run does) or set NGINX_PATH.`);
  for (const [tool, pkg] of [['openssl', 'openssl'], ['certutil', 'libnss3-tools']] as const) {
    if (spawnSync(tool, ['--help'], { stdio: 'ignore' }).error) throw new Error(`${tool} is not installed: sudo apt-get install -y ${pkg} (.ci/run does).`);
  }
  await choosePorts();
  if (scanSkipped) console.warn(`nginx test: on ports ${ports.http} and ${ports.https}; ${scanSkipped}.`);
  makeCertificates();
  mkdirSync(join(work, 'temp'));
  mkdirSync(join(acmeRoot, '.well-known/acme-challenge'), { recursive: true });
  writeFileSync(join(work, 'site.conf'), siteConf());
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
  // Poll until nginx answers over HTTPS (or has stopped, naming why from its log).
  while (!(await getHttps('/').then((r) => r.ok, () => false))) {
    const log = existsSync(join(work, 'error.log')) ? readFileSync(join(work, 'error.log'), 'utf8') : '';
    if (exited || Date.now() > deadline) throw new Error(`nginx did not start with deploy/nginx.conf:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  browser = await launch({ env: { ...process.env, HOME: browserHome } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  nginx?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

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

describe('nginx with deploy/nginx.conf: plain HTTP', () => {
  it.each(['/', '/2017-20/action-plan/', '/2017-20/action-plan', '/search/?q=staying+put', '/no-such-page/', paths.csv('2017-20')])(
    'sends %s to the same host and path over HTTPS, with a 301 and no header that belongs to HTTPS',
    async (path) => {
      const response = await get(`${httpOrigin()}${path}`);
      expect(response.status).toBe(301);
      // $host carries no port: the redirect always names HTTPS's standard one.
      expect(response.headers.get('location')).toBe(`https://localhost${path}`);
      // HSTS over plain HTTP would mean nothing (browsers ignore it); the page is not served.
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('content-security-policy')).toBeNull();
    },
  );

  it('keeps the host the reader asked for', async () => {
    const response = await get(`${httpOrigin()}/2017-20/`, { Host: 'strategy.example.gov.uk' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('https://strategy.example.gov.uk/2017-20/');
  });

  it('serves certificate renewal\'s challenges over HTTP, and nothing else from their folder', async () => {
    const token = 'test-token_0123456789';
    writeFileSync(join(acmeRoot, '.well-known/acme-challenge', token), `${token}.key-authorisation`);
    const response = await get(`${httpOrigin()}/.well-known/acme-challenge/${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${token}.key-authorisation`);
    const missing = await get(`${httpOrigin()}/.well-known/acme-challenge/no-such-token`);
    expect(missing.status).toBe(404);
  });
});

describe('nginx with deploy/nginx.conf: TLS', () => {
  /** A TLS handshake with the server as the given client offers it: what it agreed, or the error. */
  function handshake(options: { minVersion?: 'TLSv1' | 'TLSv1.2' | 'TLSv1.3'; maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'; ciphers?: string; ALPNProtocols?: string[] }) {
    return new Promise<{ protocol: string | null; cipher: string; alpn: string | false } | { error: string }>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: ports.https, servername: 'localhost', ca: readFileSync(tls.ca), ...options }, () => {
        resolve({ protocol: socket.getProtocol(), cipher: socket.getCipher().standardName, alpn: socket.alpnProtocol ?? false });
        socket.end();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
  }

  it(`speaks TLS 1.3 and HTTP/2 to a client that offers them, with a certificate the client verifies`, async () => {
    expect(await handshake({ ALPNProtocols: ['h2', 'http/1.1'] })).toMatchObject({ protocol: 'TLSv1.3', alpn: 'h2' });
  });

  it.each(TLS_PROFILE.ciphers.filter((cipher) => cipher.includes('-RSA-')))('agrees TLS 1.2 with %s, a cipher of the profile for an RSA certificate', async (cipher) => {
    expect(await handshake({ maxVersion: 'TLSv1.2', ciphers: cipher })).toMatchObject({ protocol: 'TLSv1.2' });
  });

  it.each(['AES128-GCM-SHA256', 'AES256-SHA256', 'ECDHE-RSA-AES128-SHA256', 'ECDHE-RSA-AES256-SHA', 'DHE-RSA-AES128-GCM-SHA256'])(
    'refuses TLS 1.2 with %s, outside the profile (no forward secrecy, or not AEAD), itself',
    async (cipher) => {
      // The server's handshake_failure alert (OpenSSL's name for it varies), not the client giving up.
      expect(await handshake({ maxVersion: 'TLSv1.2', ciphers: `${cipher}:@SECLEVEL=0` })).toEqual({ error: expect.stringMatching(/^ERR_SSL_.*_ALERT_HANDSHAKE_FAILURE$/) });
    },
  );

  it('refuses TLS 1.0 and 1.1 itself', async () => {
    expect(await handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' })).toEqual({ error: expect.stringMatching(/^ERR_SSL_.*_ALERT_PROTOCOL_VERSION$/) });
  });
});

describe('nginx with deploy/nginx.conf: HTTPS', () => {
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
    const response = await getHttps(path);
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
      const response = await getHttps(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(contentType(extname(path).slice(1)));
      expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE_PATHS.some((p) => path.startsWith(p)) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
      expectSecurityHeaders(response, path);
    }
  });

  it('serves every page of the site', async () => {
    const failed: string[] = [];
    for (const page of htmlPages()) {
      const response = await getHttps(page);
      if (response.status !== 200) failed.push(`${page}: ${response.status}`);
    }
    expect(failed).toEqual([]);
  });

  it('redirects a page address without its trailing slash to the address Astro built, on the same host', async () => {
    const response = await getHttps('/2017-20/action-plan');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/2017-20/action-plan/');
    expectSecurityHeaders(response, '/2017-20/action-plan');
  });

  it('answers a missing page with the site\'s 404 page, its headers, and no long cache', async () => {
    for (const path of ['/no-such-page/', '/_astro/no-such-file.js', '/pagefind/fragment/no-such.pf_fragment']) {
      const response = await getHttps(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBeNull();
      expectSecurityHeaders(response, path);
      expect(await response.text(), path).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
    }
  });
});

describe('nginx with deploy/nginx.conf: in Chromium', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    // No ignoreHTTPSErrors: the certificate must verify against the CA the browser's store trusts.
    context = await browser.newContext();
  });
  afterAll(() => context?.close());

  it('follows plain HTTP to HTTPS, over HTTP/2 and TLS 1.3, the certificate verified', async () => {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const protocols = new Map<string, string>();
    cdp.on('Network.responseReceived', ({ response }) => protocols.set(response.url, response.protocol ?? ''));
    // With the standard ports the browser starts from the plain address a reader types.
    const start = standardPorts ? `${httpOrigin()}/2017-20/action-plan/` : `${httpsOrigin()}/2017-20/action-plan/`;
    const response = await page.goto(start);
    expect(page.url()).toBe(`${httpsOrigin()}/2017-20/action-plan/`);
    expect(response?.status()).toBe(200);
    const security = await response!.securityDetails();
    expect(security).toMatchObject({ protocol: 'TLS 1.3', issuer: tls.caName, subjectName: 'localhost' });
    expect(protocols.get(page.url())).toBe('h2');
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    await page.close();
  });

  it('runs a search under the header CSP, with nothing blocked', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    const failed: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText} ${request.url()}`));
    const response = await page.goto(`${httpsOrigin()}/search/?q=staying+put`);
    expect(response?.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(response?.headers()['strict-transport-security']).toBe(SECURITY_HEADERS['Strict-Transport-Security']);
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/\d+ results?/);
    await expect.poll(() => page.locator('#search-results a').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(failed).toEqual([]);
    await page.close();
  });
});

describe('the MDN HTTP Observatory', () => {
  it('grades the site A+, every test passed', async (ctx) => {
    if (scanSkipped) ctx.skip(scanSkipped);
    // Its install step (skipped: allowScripts) downloads the HSTS preload list; none is needed for localhost.
    const preload = join(OBSERVATORY, 'conf/hsts-preload.json');
    if (!existsSync(preload)) writeFileSync(preload, '{}');
    // Node 22 (process.execPath under npm test), trusting the test CA as the scanner's HTTPS client.
    const scan = spawnSync(process.execPath, [join(OBSERVATORY, 'src/scan.js'), 'localhost'], { encoding: 'utf8', env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.ca }, timeout: 120_000 });
    const report = JSON.parse(scan.stdout || '{}') as { error?: string; scan?: { grade: string; score: number; testsFailed: number; testsPassed: number }; tests?: Record<string, { pass: boolean; result: string; scoreModifier: number }> };
    expect(report.error, scan.stderr).toBeUndefined();
    const failedTests = Object.entries(report.tests ?? {}).filter(([, test]) => !test.pass).map(([name, test]) => `${name}: ${test.result} (${test.scoreModifier})`);
    console.log(`MDN HTTP Observatory: ${report.scan?.grade} (${report.scan?.score}), ${report.scan?.testsPassed} tests passed, ${report.scan?.testsFailed} failed${failedTests.length ? `: ${failedTests.join('; ')}` : ''}`);
    expect(failedTests).toEqual([]);
    expect(report.scan).toMatchObject({ grade: 'A+', testsFailed: 0 });
    expect(report.tests?.['redirection']?.result).toBe('redirection-to-https');
  }, 150_000);
});

describe('the test itself', () => {
  it('changes only the ports and paths of deploy/nginx.conf', () => {
    const original = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8').split('\n');
    const served = readFileSync(join(work, 'site.conf'), 'utf8').split('\n');
    const changed = original.filter((line) => !served.includes(line));
    expect(changed.map((line) => line.trim().split(' ')[0])).toEqual(['listen', 'listen', 'root', 'listen', 'listen', 'root', 'ssl_certificate', 'ssl_certificate_key']);
    expect(served.filter((line) => !original.includes(line)).map((line) => line.trim().split(' ')[0])).toEqual(['listen', 'root', 'listen', 'root', 'ssl_certificate', 'ssl_certificate_key']);
    expect(readdirSync(work)).toContain('nginx.pid');
  });
});
