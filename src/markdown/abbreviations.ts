/**
 * A Sätteri hast plugin for the chapters: the first use of each glossary abbreviation in a
 * chapter becomes `<abbr title="expansion">`. Abbreviations whose meaning is uncertain are
 * left alone rather than guessed. The glossary is read from content/glossary/*.yaml.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defineHastPlugin } from 'satteri';
import { markFirstUses, type Abbreviation } from '../lib/abbreviations.ts';

export function loadAbbreviations(dir: string): Abbreviation[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(join(dir, f), 'utf8')) as { abbreviation: string; variants?: string[]; expansion?: string; basis: string })
    .filter((g) => g.basis !== 'uncertain' && g.expansion)
    .map((g) => ({ key: g.abbreviation, forms: [g.abbreviation, ...(g.variants ?? [])], expansion: g.expansion ?? '' }));
}

/** Elements whose text is left as it is: links, existing abbreviations, headings and code. */
const SKIP = new Set(['a', 'abbr', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function abbreviationsPlugin(dir: string) {
  const abbreviations = loadAbbreviations(dir);
  return defineHastPlugin({
    name: 'first-use-abbreviations',
    text(node, ctx) {
      const parent = ctx.parent(node) as { type: string; tagName?: string } | undefined;
      if (parent?.type === 'element' && parent.tagName && SKIP.has(parent.tagName)) return;
      const seen = ((ctx.data as Record<string, unknown>)['abbreviationsSeen'] ??= new Set<string>()) as Set<string>;
      const segments = markFirstUses(node.value, abbreviations, seen);
      if (segments.length === 1 && typeof segments[0] === 'string') return;
      ctx.replaceNode(
        node,
        segments.map((s) =>
          typeof s === 'string'
            ? { type: 'text', value: s }
            : { type: 'element', tagName: 'abbr', properties: { title: s.title }, children: [{ type: 'text', value: s.abbr }] },
        ),
      );
    },
  });
}
