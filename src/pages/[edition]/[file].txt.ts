import type { APIRoute } from 'astro';
import { loadEditions, type EditionBundle } from '../../data/strategy.ts';
import { plainTextEdition } from '../../lib/plainText.ts';

export async function getStaticPaths() {
  return (await loadEditions()).map((bundle) => ({ params: { edition: bundle.slug, file: `halton-strategy-${bundle.slug}` }, props: { bundle } }));
}

export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props }) =>
  new Response(plainTextEdition(props.bundle), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
