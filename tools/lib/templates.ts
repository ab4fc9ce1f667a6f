/** Which template (route) built a page, from its path: pages of one template share their markup. */

const EDITION = /^\/(20\d\d-\d\d)\//;
const FIXED_EDITION_PAGES = new Set(['action-plan', 'leads', 'principles', 'print', 'pledge', 'outcomes']);

/** "/2017-20/actions/p4-a2/" → "/{2017-20}/actions/{id}/"; "/2017-20/introduction/" → "/{2017-20}/{chapter}/". */
export function templateOf(path: string): string {
  const edition = path.match(EDITION)?.[1];
  if (!edition) return path.startsWith('/search/') ? '/search/' : path;
  const rest = path.slice(edition.length + 2).split('/').filter(Boolean);
  const [first, second, third] = rest;
  let shape: string;
  if (!first) shape = '';
  else if (rest.length === 1 && !FIXED_EDITION_PAGES.has(first)) shape = '{chapter}/';
  else if (first === 'actions' || (first === 'leads' && second) || ((first === 'pledge' || first === 'outcomes') && second)) shape = `${first}/{id}/`;
  else if (first === 'action-plan' && second === 'timescale' && third) shape = 'action-plan/timescale/{when}/';
  else if (first === 'action-plan' && second === 'part' && third) shape = 'action-plan/part/{n}/';
  else shape = `${rest.join('/')}/`;
  return `/{${edition}}/${shape}`;
}

/** The first page of each template, in the order given. */
export function onePerTemplate(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const template = templateOf(path);
    if (seen.has(template)) return false;
    seen.add(template);
    return true;
  });
}
