/**
 * `dependencies` are the packages that make the site (what `npm run build` and
 * `npm run progress` run, and what their code imports: `astro build` runs astro.config.mjs,
 * whose integration, build/integration.ts, runs the post-build steps); `devDependencies` are the tests' and the
 * benchmark's tools. The split is what lets `npm audit --omit=dev` (tests/site/security.test.ts)
 * audit exactly what builds the site, so this test keeps it true both ways, reading the code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.ts';

interface Manifest { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> }
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; bin?: Record<string, string> }> };

const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
/** "@scope/name/sub" and "name/sub" as the package they come from. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The steps of an npm script: its commands' first words, and the .ts/.mjs files `node` runs. */
const steps = (script: string) => script.split('&&').map((step) => step.trim().split(/\s+/));
const siteScripts = ['build', 'progress'];

/**
 * Every file the site's build runs or bundles: all of src/ (pages, components, browser scripts),
 * astro.config.mjs (and so the build's integration and its steps, build/), and the files
 * `node` runs in the `build` and `progress` scripts, with what they import, followed through
 * relative imports.
 */
function buildFiles(): string[] {
  const seen = new Set<string>();
  const queue = [...files(join(ROOT, 'src')), join(ROOT, 'astro.config.mjs'), ...siteScripts.flatMap((name) => steps(pkg.scripts[name]!).filter(([cmd]) => cmd === 'node').map(([, file]) => join(ROOT, file!)))];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import\(?)\s*['"](\.{1,2}\/[^'"?]+)/g)) queue.push(resolve(dirname(file), specifier!));
  }
  return [...seen];
}

/** Packages the build's code imports (modules and CSS), and the commands its steps run. */
function packagesTheBuildUses(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of buildFiles()) {
    const text = readFileSync(file, 'utf8');
    // A bare specifier: a package name ("@scope/name" or "name"), perhaps with a subpath.
    const bare = `(@?[a-z0-9][\\w.-]*(?:/[\\w.-]+)*|(?:node|astro):[\\w/-]+)`;
    const imports = file.endsWith('.css') ? text.matchAll(new RegExp(`@import\\s+['"]${bare}['"]`, 'g')) : text.matchAll(new RegExp(`(?:^|[^.\\w])(?:from|import)\\s*\\(?\\s*['"]${bare}['"]`, 'gm'));
    for (const match of imports) {
      const specifier = match[1];
      // Prose in a comment ("… from "career" …") is not an import.
      const line = text.slice(text.lastIndexOf('\n', match.index) + 1, match.index);
      if (/^\s*(\*|\/\*|\/\/)/.test(line)) continue;
      // A type-only import is erased before the code runs: it needs no installed package.
      if (/^\s*(import|export)\s+type\b/.test(line)) continue;
      if (/^(node|astro):/.test(specifier!)) continue;
      used.set(packageOf(specifier!), relative(ROOT, file));
    }
  }
  // The commands of the steps, found by the bin that provides them.
  const bins = new Map(Object.entries(lock.packages).flatMap(([path, entry]) => Object.keys(entry.bin ?? {}).map((bin) => [bin, path.replace(/^.*node_modules\//, '')] as const)));
  for (const name of siteScripts) for (const [cmd] of steps(pkg.scripts[name]!)) if (cmd && bins.has(cmd)) used.set(bins.get(cmd)!, `npm run ${name}`);
  return used;
}

describe('dependencies and devDependencies', () => {
  const used = packagesTheBuildUses();

  it('finds what the build uses (astro, pagefind, node, the Markdown and CSS pipeline)', () => {
    for (const name of ['astro', 'pagefind', 'node', 'tailwindcss', '@astrojs/mdx']) expect(used.has(name), name).toBe(true);
  });

  it('every package the build\'s code imports or its steps run is installed for the site, not only for the tests', () => {
    // A package is outside --omit=dev when the lockfile marks it dev-only (`dev: true`).
    const devOnly = [...used].filter(([name]) => lock.packages[`node_modules/${name}`]?.dev === true).map(([name, where]) => `${name} (used by ${where})`);
    expect(devOnly, 'move these to dependencies').toEqual([]);
    expect([...used.keys()].filter((name) => !lock.packages[`node_modules/${name}`])).toEqual([]);
  });

  it('every dependency is used by the build (the rest are the tests\' tools, devDependencies)', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
    expect(Object.keys(pkg.devDependencies).filter((name) => name in pkg.dependencies)).toEqual([]);
  });
});
