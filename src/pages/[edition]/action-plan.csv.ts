import type { APIRoute } from 'astro';
import { loadEditions, type EditionBundle } from '../../data/strategy.ts';
import { actionPlanCsv } from '../../lib/openData.ts';

export async function getStaticPaths() {
  return (await loadEditions()).map((bundle) => ({ params: { edition: bundle.slug }, props: { bundle } }));
}

export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props }) =>
  new Response(actionPlanCsv(props.bundle.actions), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
