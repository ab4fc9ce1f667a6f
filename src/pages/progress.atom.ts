import type { APIRoute } from 'astro';
import { loadEditions } from '../data/strategy.ts';
import { progressFeed } from '../lib/feed.ts';
import { paths } from '../lib/paths.ts';
import { absoluteUrl } from '../lib/url.ts';

/** Every edition's progress updates in one Atom feed. */
export const GET: APIRoute = async ({ site }) => {
  const editions = await loadEditions();
  return new Response(
    progressFeed({
      actions: editions.flatMap((bundle) => bundle.actions),
      selfUrl: absoluteUrl(paths.siteProgressFeed(), site),
      pageUrl: absoluteUrl(paths.home(), site),
      title: 'Progress updates: Halton Strategy for Children in Care, every edition',
      subtitle: `Dated progress on each action of the ${editions.map((e) => e.edition.title).join(' and the ')}, newest first.`,
      actionUrl: (action) => absoluteUrl(paths.action(action.edition, action.anchor), site),
      builtAt: new Date(),
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
};
