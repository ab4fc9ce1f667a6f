/** The supply-chain check reads npm audit's answer for what it is: a report, no answer, or npm failing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/dist.ts';
import { readAudit } from '../helpers/npm-audit.ts';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/npm-audit', name), 'utf8');

describe('readAudit', () => {
  it.each([
    ['registry-405.json', { kind: 'unreachable', reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' }],
    ['registry-unreachable.json', { kind: 'unreachable', reason: expect.stringContaining('ENOTFOUND registry.invalid') }],
    ['no-lockfile.json', { kind: 'failed', reason: 'ENOLOCK: This command requires an existing lockfile.' }],
    ['clean.json', { kind: 'audited', packages: 229, findings: [] }],
    [
      'high-advisory.json',
      {
        kind: 'audited',
        packages: 229,
        findings: ['astro (high): through example-parser', 'example-parser (high): Prototype pollution in example-parser https://github.com/advisories/GHSA-0000-0000-0000'],
      },
    ],
  ])('%s', (name, expected) => {
    expect(readAudit(fixture(name))).toEqual(expected);
  });

  it('takes output that is not a report for npm failing, never for a pass', () => {
    expect(readAudit('')).toMatchObject({ kind: 'failed' });
    expect(readAudit('{}')).toMatchObject({ kind: 'failed' });
  });
});
