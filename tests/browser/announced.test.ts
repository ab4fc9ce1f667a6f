/**
 * What a screen reader hears. For each template, the accessibility tree of `main` (Playwright's
 * `ariaSnapshot()`, on a phone) is compared with a reviewed snapshot in `__snapshots__/announced/`:
 * a change in what is announced fails here until someone has looked at it and updated the
 * snapshot (`npx vitest run tests/browser/announced.test.ts -u`, then review the diff).
 *
 * And, read from Chromium's own accessibility tree (CDP `Accessibility.getFullAXTree`): a data
 * cell of the action plan is announced with its column header and its action id, in a table
 * named by its statement.
 */
import type { Browser, CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../helpers/browser.ts';
import { readCollection } from '../helpers/content.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

const templates: [name: string, path: string][] = [
  ['home', '/'],
  ['chapter', '/2017-20/introduction/'],
  ['pledge-statement', '/2017-20/pledge/6/'],
  ['action', '/2017-20/actions/p4-a2/'],
  ['action-plan', '/2017-20/action-plan/'],
  ['lead', '/2017-20/leads/housing-options-manager/'],
  ['search-with-results', '/search/?q=pocket+money'],
  ['compare', '/compare/'],
  ['glossary', '/glossary/'],
  ['previous-edition-chapter', '/2008-11/introduction/'],
];

/**
 * What a page says of progress follows the content (none at launch, more each quarter), so it is
 * checked against the content here and left out of the reviewed snapshots (the region and its
 * heading stay in them): publishing an update is not a change to review.
 */
function expectedProgress(path: string): string[] {
  const action = path.match(/^\/(\d{4}-\d{2})\/actions\/([^/]+)\/$/);
  const plan = path.match(/^\/(\d{4}-\d{2})\/action-plan\/$/);
  const progressOf = (edition: string) => readCollection(edition, 'actions').map((a) => ({ id: a.id, progress: a.progress ?? [] }));
  if (action) {
    const updates = progressOf(action[1]!).find((a) => a.id === action[2])!.progress;
    return updates.length === 0 ? ['No progress updates have been published for this action.'] : updates.map((u) => u.note.replace(/\s+/g, ' '));
  }
  if (plan) {
    const reported = progressOf(plan[1]!).filter((a) => a.progress.length > 0).length;
    return reported === 0 ? ['No progress updates have been published yet.'] : [`progress has been reported on ${reported} of`];
  }
  return [];
}

describe('what a screen reader hears in main', () => {
  it.each(templates)('%s (%s) matches its reviewed snapshot', async (name, path) => {
    const page = await openPage(browser, path, PHONE);
    try {
      if (path.startsWith('/search/')) {
        await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/\d+ results?/);
      }
      const progress = page.locator('main [data-progress-content]');
      const announced = (await progress.allTextContents()).join(' ').replace(/\s+/g, ' ');
      for (const words of expectedProgress(path)) expect(announced).toContain(words);
      await progress.evaluateAll((elements) => elements.forEach((element) => element.replaceChildren()));
      await expect(await page.locator('main').ariaSnapshot()).toMatchFileSnapshot(`./__snapshots__/announced/${name}.aria.yml`);
    } finally {
      await page.context().close();
    }
  });
});

interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: { value: string };
  name?: { value: string };
  childIds?: string[];
}

/** The tree's nodes without the ignored ones (a `<tbody>` is ignored; its rows are not). */
async function axTree(cdp: CDPSession) {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const children = (node: AXNode): AXNode[] =>
    (node.childIds ?? []).flatMap((id) => {
      const child = byId.get(id);
      return !child ? [] : child.ignored ? children(child) : [child];
    });
  return { nodes, children };
}

/**
 * How a screen reader introduces a cell, from the tree as Chromium exposes it: the name of the
 * table it is in (its statement: a table per statement), the column header in the same column,
 * and the row header of its row.
 */
async function announcedHeaders(cdp: CDPSession, actionId: string, column: number) {
  const { nodes, children } = await axTree(cdp);
  const rowsOf = (table: AXNode) => children(table).flatMap((part) => (part.role?.value === 'row' ? [part] : children(part).filter((r) => r.role?.value === 'row')));
  const isRowOf = (r: AXNode) => children(r).some((c) => c.role?.value === 'rowheader' && c.name?.value === actionId);
  const table = nodes.find((n) => n.role?.value === 'table' && rowsOf(n).some(isRowOf))!;
  const rows = rowsOf(table);
  const headerRow = rows.find((r) => children(r).every((c) => c.role?.value === 'columnheader'))!;
  const cells = children(rows.find(isRowOf)!);
  return {
    cell: cells[column]?.name?.value,
    cellRole: cells[column]?.role?.value,
    column: children(headerRow)[column]?.name?.value,
    row: cells.find((c) => c.role?.value === 'rowheader')?.name?.value,
    statement: table.name?.value,
  };
}

describe('the action plan in the accessibility tree', () => {
  it.each([
    ['a phone, rows stacked', PHONE],
    ['a desktop', { viewport: { width: 1280, height: 800 } }],
  ])('on %s, an outcome cell is announced with "Outcome" and its action id, in its statement’s table', async (_label, options) => {
    const page = await openPage(browser, '/2017-20/action-plan/', options);
    try {
      const cdp = await page.context().newCDPSession(page);
      const headers = await announcedHeaders(cdp, 'P4-A2', 3);
      expect(headers).toEqual({
        // The visible "Outcome" label above a stacked cell is decoration: it is not read twice.
        cell: 'Contact plans will be appropriate to the needs of the child/young person and will be a positive and beneficial experience for them.',
        cellRole: 'cell',
        column: 'Outcome',
        row: 'P4-A2',
        statement: expect.stringMatching(/^4\. We will support you to see appropriate family and friends/),
      });
    } finally {
      await page.context().close();
    }
  });
});
