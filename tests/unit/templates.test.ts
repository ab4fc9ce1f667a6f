import { describe, expect, it } from 'vitest';
import { onePerTemplate, templateOf } from '../../tools/lib/templates.ts';

describe('templateOf', () => {
  it.each([
    ['/', '/'],
    ['/search/', '/search/'],
    ['/glossary/', '/glossary/'],
    ['/2017-20/', '/{2017-20}/'],
    ['/2017-20/introduction/', '/{2017-20}/{chapter}/'],
    ['/2017-20/principles/', '/{2017-20}/principles/'],
    ['/2017-20/pledge/', '/{2017-20}/pledge/'],
    ['/2017-20/pledge/6/', '/{2017-20}/pledge/{id}/'],
    ['/2008-11/outcomes/bh/', '/{2008-11}/outcomes/{id}/'],
    ['/2017-20/actions/p4-a2/', '/{2017-20}/actions/{id}/'],
    ['/2017-20/leads/', '/{2017-20}/leads/'],
    ['/2017-20/leads/irm-service/', '/{2017-20}/leads/{id}/'],
    ['/2017-20/action-plan/', '/{2017-20}/action-plan/'],
    ['/2017-20/action-plan/timeline/', '/{2017-20}/action-plan/timeline/'],
    ['/2017-20/action-plan/timescale/2018/', '/{2017-20}/action-plan/timescale/{when}/'],
    ['/2017-20/print/large-print/', '/{2017-20}/print/large-print/'],
    ['/2017-20/action-plan/part/3/', '/{2017-20}/action-plan/part/{n}/'],
  ])('%s is built by %s', (path, template) => expect(templateOf(path)).toBe(template));

  it('keeps the first page of each template', () => {
    expect(onePerTemplate(['/2017-20/actions/p1-a1/', '/2017-20/actions/p1-a2/', '/2008-11/actions/sm-a1/', '/'])).toEqual(['/2017-20/actions/p1-a1/', '/2008-11/actions/sm-a1/', '/']);
  });
});
