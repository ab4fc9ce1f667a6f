import type { APIRoute } from 'astro';
import { ACTION_PLAN_JSON_SCHEMA } from '../lib/openData.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(ACTION_PLAN_JSON_SCHEMA, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
