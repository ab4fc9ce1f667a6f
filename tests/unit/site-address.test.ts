/** A build says where its links point: SITE_URL's address, or localhost, said at the end of the build. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, localBuildNotice, siteAddress } from '../../src/lib/site.ts';
import { ROOT, buildEnv } from '../helpers/dist.ts';

describe('the site address', () => {
  it('is SITE_URL when set, else the local preview address (an empty SITE_URL counts as unset)', () => {
    expect(siteAddress('https://strategy.example.gov.uk')).toBe('https://strategy.example.gov.uk');
    expect(siteAddress(undefined)).toBe(LOCAL_SITE);
    expect(siteAddress('')).toBe(LOCAL_SITE);
  });

  it('without SITE_URL, gives one line naming localhost and SITE_URL; with it, none', () => {
    const notice = localBuildNotice(undefined);
    expect(notice).toContain(`${LOCAL_SITE}/`);
    expect(notice).toContain('SITE_URL');
    expect(notice).not.toContain('\n');
    expect(localBuildNotice('')).toBe(notice);
    expect(localBuildNotice('https://strategy.example.gov.uk')).toBeUndefined();
  });
});

describe('the last step of `npm run build` (scripts/host-config.ts)', () => {
  const lastStep = (env: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), 'host-config-'));
    const { SITE_URL: _ignored, ...inherited } = buildEnv({ OUT_DIR: out });
    const result = spawnSync(process.execPath, ['scripts/host-config.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...inherited, ...env } });
    rmSync(out, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(0);
    return result;
  };

  it('ends a build without SITE_URL with the line that its links say localhost', () => {
    const result = lastStep({});
    expect(`${result.stdout}${result.stderr}`.trim().split('\n').at(-1)).toBe(localBuildNotice(undefined));
  });

  it('says nothing of localhost when SITE_URL is set', () => {
    const result = lastStep({ SITE_URL: 'https://strategy.example.gov.uk' });
    expect(`${result.stdout}${result.stderr}`).not.toContain('localhost');
  });
});

describe('npm run build', () => {
  it('ends with that step', async () => {
    const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
    expect(pkg.scripts.build.split(' && ').at(-1)).toBe('node scripts/host-config.ts');
  });
});
