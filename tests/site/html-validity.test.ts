/** Every built page is valid HTML (html-validate, rules in htmlvalidate.config.ts). */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlPages, readPage } from '../helpers/dist.ts';
import { htmlValidateConfig } from '../../htmlvalidate.config.ts';

const validator = new HtmlValidate(htmlValidateConfig);

describe('html-validate', () => {
  it.each(htmlPages())('%s has no errors', async (path) => {
    const report = await validator.validateString(readPage(path), path);
    const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('can fail: an invalid page is reported', async () => {
    const report = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p></body></html>');
    expect(report.valid).toBe(false);
  });
});
