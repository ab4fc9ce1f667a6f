/** A build says where its links point: SITE_URL's address, or localhost, said at the end of the build. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCAL_SITE, localBuildNotice, siteAddress } from '../../src/lib/site.ts';
import { BUILD_STEPS } from '../../build/integration.ts';
import { buildSettings } from '../../build/settings.ts';
import { hostFiles } from '../../build/steps/host-files.ts';

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

describe('the last step of the build (build/steps/host-files.ts)', () => {
  const lastStep = async (env: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), 'host-config-'));
    const { SITE_URL: _ignored, ...inherited } = process.env;
    const lines: string[] = [];
    try {
      await hostFiles.run(out, buildSettings({ ...inherited, ...env }), { info: (line) => lines.push(line), warn: (line) => lines.push(line) });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    return lines;
  };

  it('ends a build without SITE_URL with the line that its links say localhost', async () => {
    expect((await lastStep({})).at(-1)).toBe(localBuildNotice(undefined));
  });

  it('says nothing of localhost when SITE_URL is set', async () => {
    expect((await lastStep({ SITE_URL: 'https://strategy.example.gov.uk' })).join('\n')).not.toContain('localhost');
  });
});

describe('npm run build', () => {
  it('is Astro\'s build, whose integration ends with that step', async () => {
    const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
    expect(pkg.scripts.build).toBe('astro build');
    expect(BUILD_STEPS.at(-1)).toBe(hostFiles);
  });
});
