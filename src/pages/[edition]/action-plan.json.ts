import type { APIRoute } from 'astro';
import { loadEditions, type EditionBundle } from '../../data/strategy.ts';
import { actionPlanJson } from '../../lib/openData.ts';

export async function getStaticPaths() {
  return (await loadEditions()).map((bundle) => ({ params: { edition: bundle.slug }, props: { bundle } }));
}

export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props }) =>
  new Response(actionPlanJson(props.bundle.slug, props.bundle.edition.title, props.bundle.actions), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
