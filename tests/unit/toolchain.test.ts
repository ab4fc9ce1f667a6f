/**
 * The Node version the project needs, said once in package.json's `engines` and checked against
 * what really needs it: the scripts (`.ts` files run by `node` with no flag, which needs type
 * stripping on by default: Node 22.18) and every locked package's own `engines`. The `node`
 * devDependency, which npm scripts put first on PATH, must be a version that satisfies it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies, gte } from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.ts';

interface Lock { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> }
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lock;
const engines = pkg.engines.node;
const floor = minVersion(engines)!.version;
/** The first Node 22 release that strips types without a flag. */
const TYPE_STRIPPING = '22.18.0';

describe('toolchain', () => {
  it(`declares a Node version with type stripping on by default (${TYPE_STRIPPING} or later)`, () => {
    expect(gte(floor, TYPE_STRIPPING)).toBe(true);
  });

  it('declares no less than any package installed from the lockfile needs', () => {
    const unmet = Object.entries(lock.packages)
      // Other platforms' optional binaries are locked but not installed (nor run) here.
      .filter(([path]) => path !== '' && existsSync(join(ROOT, path)))
      .flatMap(([path, entry]) => {
        const range = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
        return range && !satisfies(floor, range) ? [`${path.replace(/^.*node_modules\//, '')} needs ${range}`] : [];
      });
    expect(unmet, `engines says ${engines}`).toEqual([]);
  });

  it('locks a `node` devDependency that satisfies it', () => {
    const locked = lock.packages['node_modules/node']?.version;
    expect(locked).toBeDefined();
    expect(satisfies(locked!, engines), `node ${locked} against ${engines}`).toBe(true);
  });

  it('runs the tests on that Node, stripping types (the `node` devDependency, put first on PATH by npm scripts)', () => {
    expect(process.versions.node).toBe(lock.packages['node_modules/node']?.version);
    expect(satisfies(process.versions.node, engines)).toBe(true);
    expect(process.features.typescript).toBeTruthy();
  });
});
