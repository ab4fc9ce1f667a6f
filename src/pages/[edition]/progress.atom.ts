import type { APIRoute } from 'astro';
import { editionStaticPaths, type EditionBundle } from '../../data/strategy.ts';
import { progressFeed } from '../../lib/feed.ts';
import { paths } from '../../lib/paths.ts';
import { absoluteUrl } from '../../lib/url.ts';

export const getStaticPaths = editionStaticPaths;

/** The edition's progress updates as an Atom feed (empty, and valid, until the first is published). */
export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props: { bundle }, site }) =>
  new Response(
    progressFeed({
      actions: bundle.actions,
      selfUrl: absoluteUrl(paths.progressFeed(bundle.slug), site),
      pageUrl: absoluteUrl(paths.actionPlan(bundle.slug), site),
      title: `Progress updates: ${bundle.edition.title}`,
      subtitle: `Dated progress on each action of the ${bundle.edition.title}, newest first.`,
      actionUrl: (action) => absoluteUrl(paths.action(bundle.slug, action.anchor), site),
      builtAt: new Date(),
    }),
    { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  );
