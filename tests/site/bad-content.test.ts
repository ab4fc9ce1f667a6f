/**
 * Bad content fails the build with an error naming the file and the field. Each case builds a
 * copy of the real content with a deliberate mistake. A schema error stops Astro at the first
 * file, so each has a build of its own; the cross-reference checks (src/lib/integrity.ts) list
 * every problem at once, so their mistakes share one build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildEnv, oneBuildAtATime } from '../helpers/dist.ts';
import { EDITIONS_DIR } from '../helpers/content.ts';

type Mistake = [file: string, edit: (text: string) => string];

function buildWith(...mistakes: Mistake[]): { status: number | null; output: string } {
  const work = mkdtempSync(join(tmpdir(), 'bad-content-'));
  const content = join(work, 'editions');
  cpSync(EDITIONS_DIR, content, { recursive: true });
  for (const [file, edit] of mistakes) {
    const target = join(content, file);
    writeFileSync(target, edit(readFileSync(target, 'utf8')));
  }
  const result = oneBuildAtATime(() =>
    spawnSync('npx', ['astro', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: buildEnv({ CONTENT_DIR: content, OUT_DIR: join(work, 'dist'), ASTRO_CACHE_DIR: join(work, 'cache') }),
    }),
  );
  rmSync(work, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('a bad content file fails the build', () => {
  it('names the file and the field for a wrong type', () => {
    const { status, output } = buildWith(['2017-20/actions/p4-a2.yaml', (text) => text.replace(/^order: 2$/m, 'order: "second"')]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/2017-20\/actions\/p4-a2\.yaml/);
    expect(output).toMatch(/order.*Expected type/);
  });

  it('names the file and the field for a missing field', () => {
    const { status, output } = buildWith(['2017-20/themes/p6.yaml', (text) => text.replace(/^text: .*$/m, '')]);
    expect(status).not.toBe(0);
    expect(output).toMatch(/2017-20\/themes\/p6\.yaml/);
    expect(output).toMatch(/text.*Required/);
  });

  describe('that points to what does not exist (one build for both)', () => {
    let result: { status: number | null; output: string };
    beforeAll(() => {
      result = buildWith(
        ['2017-20/actions/p4-a2.yaml', (text) => text.replace(/^theme: .*$/m, 'theme: "p13"')],
        ['2017-20/actions/p1-a1.yaml', (text) => text.replace(/^leads:\n(\s+- .*\n)+/m, 'leads:\n  - "nobody"\n')],
      );
    }, 120_000);

    it('names the file and the field for an action pointing to a Pledge statement that does not exist', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('2017-20/actions/p4-a2.yaml: field "theme": there is no theme "p13" in edition 2017-20');
    });

    it('names the file and the field for an unknown lead', () => {
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('2017-20/actions/p1-a1.yaml: field "leads": there is no lead "nobody" in edition 2017-20');
    });
  });
});
