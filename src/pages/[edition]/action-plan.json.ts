import type { APIRoute } from 'astro';
import { editionStaticPaths, type EditionBundle } from '../../data/strategy.ts';
import { actionPlanJson } from '../../lib/openData.ts';

export const getStaticPaths = editionStaticPaths;

export const GET: APIRoute<{ bundle: EditionBundle }> = ({ props }) =>
  new Response(actionPlanJson(props.bundle.slug, props.bundle.edition.title, props.bundle.actions), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
