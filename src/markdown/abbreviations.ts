/**
 * A Sätteri hast plugin for the chapters: the first use of each glossary abbreviation in a
 * chapter becomes `<abbr title="expansion">`. Abbreviations whose meaning is uncertain are
 * left alone rather than guessed. The glossary is read from content/glossary/*.yaml by the
 * content reader (src/lib/contentReader.ts), with the schema Astro uses.
 */
import { defineHastPlugin } from 'satteri';
import { abbreviationsOf, markFirstUses, type Abbreviation } from '../lib/abbreviations.ts';
import { readContentFolder } from '../lib/contentReader.ts';

/** The glossary's certain abbreviations, read (and validated) as the collection's schema says. */
export function loadAbbreviations(dir: string): Abbreviation[] {
  return abbreviationsOf(readContentFolder('glossary', dir).map((file) => file.data));
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
