/** The security and privacy promises that can be read off the built files. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE_CACHE, IMMUTABLE_PATHS, MIME_TYPES, REVALIDATE_CACHE, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';
import { toString } from 'hast-util-to-string';
import { DIST, ROOT, htmlPages, readPage, walk } from '../helpers/dist.ts';
import { attribute, attributesOf, pageTree, selectAll } from '../helpers/html.ts';
import { headersRule } from '../helpers/headers.ts';
import { readAudit } from '../helpers/npm-audit.ts';

const pages = htmlPages();

describe('Content-Security-Policy', () => {
  it.each(pages)('%s carries a CSP meta with no unsafe-inline script and no inline script without a hash', (path) => {
    const tree = pageTree(path);
    const policies = attributesOf('meta[http-equiv="content-security-policy"]', 'content', tree);
    expect(policies).toHaveLength(1);
    const csp = policies[0];
    const scriptSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(csp).toContain("default-src 'self'");
    // No inline script bodies: every script is a file (so the static _headers policy suffices).
    expect(selectAll('script:not([src])', tree).map(toString).filter((body) => body.trim())).toEqual([]);
    // No inline event handlers (hast names them onClick, onLoad, …), and no inline styles.
    expect(selectAll('*', tree).flatMap((element) => Object.keys(element.properties).filter((name) => /^on/i.test(name)).map((name) => `<${element.tagName} ${name}>`))).toEqual([]);
    expect(selectAll('[style]', tree).map((element) => element.tagName)).toEqual([]);
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
    const meta = attributesOf('meta[http-equiv="content-security-policy"]', 'content', pageTree(path))[0] ?? '';
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
      // Any address-like attribute (src, href, data-src, …) of what a browser fetches; the canonical link only names the page.
      const external = selectAll('script, link:not([rel~="canonical"]), img, iframe', pageTree(path)).flatMap((element) =>
        Object.entries(element.properties)
          .filter(([name, value]) => /(src|href)$/i.test(name) && /^(https?:)?\/\/./.test(String(value)))
          .map(([name, value]) => `<${element.tagName} ${name}="${String(value)}">`),
      );
      expect(external, path).toEqual([]);
      expect(html, path).not.toMatch(/google-analytics|googletagmanager|gtag\(|plausible|matomo/i);
    }
  });
});

describe('the scripts the site ships to readers', () => {
  const jsFiles = walk(DIST).filter((file) => /\.m?js$/.test(file)).map((file) => relative(DIST, file).split(sep).join('/'));
  /** Source files of the site a bundle can be named after (Astro names each by its entry, and the hash). */
  const sources = new Set(walk(join(ROOT, 'src')).map((file) => basename(file).replace(/\.(ts|js|mjs)$/, '')));

  it('every <script> of every page is a file of the site\'s own bundles', () => {
    const foreign: string[] = [];
    for (const path of pages) {
      for (const script of selectAll('script', pageTree(path))) {
        const src = attribute(script, 'src');
        if (!src || !/^\/_astro\/[^/]+\.js$/.test(src) || !existsSync(join(DIST, src))) foreign.push(`${path}: <script${src === undefined ? '' : ` src="${src}"`}>`);
      }
    }
    expect(foreign).toEqual([]);
  });

  it('every .js file in dist/ is a bundle of the site\'s own code, named after its source in src/, and loaded by a page or another bundle', () => {
    const bundles = jsFiles.filter((file) => file.startsWith('_astro/'));
    expect(bundles.length).toBeGreaterThan(0);
    // "Header.astro_astro_type_script_index_0_lang.CtGWi70L.js" is Header.astro's script; "theme-early.-BDc9r8T.js" is theme-early.js.
    const unnamed = bundles.filter((file) => !sources.has(basename(file).replace(/(_astro_type_script_index_\d+_lang)?\.[\w-]+\.js$/, '')));
    expect(unnamed).toEqual([]);
    const loaded = new Set(pages.flatMap((path) => attributesOf('script[src^="/"]', 'src', pageTree(path)).map((src) => src.slice(1))));
    for (const file of bundles) for (const [, imported] of readFileSync(join(DIST, file), 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) loaded.add(`_astro/${imported}`);
    expect(bundles.filter((file) => !loaded.has(file))).toEqual([]);
    expect(jsFiles.filter((file) => !file.startsWith('_astro/') && !file.startsWith('pagefind/'))).toEqual([]);
  });

  it('every script and WebAssembly file under pagefind/ is exactly what the installed Pagefind writes', () => {
    const shipped = readdirSync(join(DIST, 'pagefind')).filter((name) => /\.js$|^wasm\..*\.pagefind$/.test(name));
    expect(shipped).toContain('pagefind.js');
    // A site of one page per language the index has ("unknown": a page without lang), indexed by the same Pagefind.
    const site = mkdtempSync(join(tmpdir(), 'pagefind-'));
    for (const language of shipped.flatMap((name) => name.match(/^wasm\.(.+)\.pagefind$/)?.[1] ?? [])) {
      mkdirSync(join(site, 'in', language), { recursive: true });
      writeFileSync(join(site, 'in', language, 'index.html'), `<!doctype html><html${language === 'unknown' ? '' : ` lang="${language}"`}><head><title>${language}</title></head><body><main data-pagefind-body><p>Word</p></main></body></html>`);
    }
    const run = spawnSync('npx', ['pagefind', '--site', join(site, 'in'), '--output-path', join(site, 'out')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const differing = shipped.filter((name) => !existsSync(join(site, 'out', name)) || !readFileSync(join(site, 'out', name)).equals(readFileSync(join(DIST, 'pagefind', name))));
    rmSync(site, { recursive: true, force: true });
    expect(differing).toEqual([]);
  });
});

describe('dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

  // `dependencies` are the packages that build the site (tests/unit/dependencies.test.ts keeps
  // that true); --omit=dev audits them and their dependencies, not the tests' tools, which run
  // on the build machine only and never against anything but this site.
  it('npm audit finds no high or critical advisory in the packages that build the site', (ctx) => {
    const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8' });
    const audit = readAudit(result.stdout);
    if (audit.kind === 'unreachable') {
      console.warn(`npm audit skipped: the audit service did not answer (${audit.reason}); the packages that build the site were not checked.`);
      ctx.skip(`npm audit: no answer from the audit service (${audit.reason})`);
    }
    if (audit.kind === 'failed') throw new Error(`npm audit could not run: ${audit.reason}`);
    if (audit.kind !== 'audited') return;
    // It audited something: every dependency at least, with theirs.
    expect(audit.packages).toBeGreaterThan(Object.keys(pkg.dependencies).length);
    expect(audit.findings).toEqual([]);
  });
});
