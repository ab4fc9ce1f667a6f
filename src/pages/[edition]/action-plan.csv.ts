import type { APIRoute } from 'astro';
import { editionStaticPaths, type EditionBundle } from '../../data/strategy.ts';
import { actionPlanCsv } from '../../lib/openData.ts';

export const getStaticPaths = editionStaticPaths;

export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props }) =>
  new Response(actionPlanCsv(props.bundle.actions), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
