/**
 * The one place pages get content from. Loads every collection once, refuses to build when
 * references are broken (naming file and field), and hands pages one bundle per edition.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { findContentProblems, localId } from '../lib/integrity.ts';
import { parseTimescale } from '../lib/timescale.ts';
import type { ActionRecord, ProgressUpdate } from '../lib/actionPlan.ts';
import { paths } from '../lib/paths.ts';
import { leadSegments } from '../lib/leads.ts';
import { progressAnchors, progressAsWritten } from '../lib/progress.ts';
import { glossaryEntries } from '../lib/glossary.ts';

export interface LeadRecord {
  id: string;
  name: string;
  kind: CollectionEntry<'leads'>['data']['kind'];
  actionCount: number;
}

export interface EditionBundle {
  slug: string;
  edition: CollectionEntry<'editions'>['data'];
  chapters: CollectionEntry<'chapters'>[];
  themes: CollectionEntry<'themes'>[];
  actions: ActionRecord[];
  leads: LeadRecord[];
  promises: CollectionEntry<'promises'>['data'][];
  principles: CollectionEntry<'principles'>['data'][];
  quotes: CollectionEntry<'quotes'>[];
  figures: CollectionEntry<'figures'>['data'][];
  /** The abbreviations the edition uses, in alphabetical order. */
  glossary: CollectionEntry<'glossary'>['data'][];
}

let cache: Promise<EditionBundle[]> | undefined;

/** An action's updates, newest first, each with its anchor (given in file order, so it never changes). */
function progressRecords(updates: CollectionEntry<'actions'>['data']['progress']): ProgressUpdate[] {
  const written = progressAsWritten(updates);
  const anchors = progressAnchors(written.map((u) => u.asAt));
  // Same date: the one added later comes first.
  return written
    .map((update, order) => ({ order, update: { ...update, anchor: anchors[order]! } }))
    .sort((a, b) => b.update.asAt.localeCompare(a.update.asAt) || b.order - a.order)
    .map(({ update }) => update);
}

/** Every edition, newest first. */
export function loadEditions(): Promise<EditionBundle[]> {
  cache ??= build();
  return cache;
}

export async function loadEdition(slug: string): Promise<EditionBundle> {
  const found = (await loadEditions()).find((e) => e.slug === slug);
  if (!found) throw new Error(`No edition "${slug}" in content/editions/`);
  return found;
}

export async function currentEdition(): Promise<EditionBundle> {
  const editions = await loadEditions();
  const current = editions.find((e) => e.edition.status === 'current') ?? editions[0];
  if (!current) throw new Error('content/editions/ holds no edition');
  return current;
}

async function build(): Promise<EditionBundle[]> {
  const [editions, chapters, themes, actions, leads, promises, principles, quotes, figures, glossary] = await Promise.all([
    getCollection('editions'),
    getCollection('chapters'),
    getCollection('themes'),
    getCollection('actions'),
    getCollection('leads'),
    getCollection('promises'),
    getCollection('principles'),
    getCollection('quotes'),
    getCollection('figures'),
    getCollection('glossary'),
  ]);
  const problems = findContentProblems({ editions, chapters, themes, actions, leads, promises, principles, quotes, figures });
  if (problems.length > 0) {
    throw new Error(`The content has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }

  const inEdition = <T extends { data: { edition: string } }>(entries: T[], slug: string) =>
    entries.filter((e) => e.data.edition === slug);
  const byNumber = (a: { data: { number: number } }, b: { data: { number: number } }) => a.data.number - b.data.number;
  const byOrder = (a: { data: { order: number } }, b: { data: { order: number } }) => a.data.order - b.data.order;

  return editions
    .sort((a, b) => b.data.startYear - a.data.startYear)
    .map((edition) => {
      const slug = edition.id;
      const editionThemes = inEdition(themes, slug).sort(byNumber);
      const editionLeads = inEdition(leads, slug);
      const leadAliases = editionLeads.map((l) => ({ id: localId(l.id), aliases: [l.data.name, ...l.data.aliases] }));
      const actionRecords: ActionRecord[] = inEdition(actions, slug)
        .map((entry) => {
          const theme = editionThemes.find((t) => localId(t.id) === entry.data.theme)!;
          const leadEntries = entry.data.leads.map((id) => editionLeads.find((l) => localId(l.id) === id)!);
          return {
            edition: slug,
            code: entry.data.code,
            anchor: entry.data.code.toLowerCase(),
            themeId: localId(theme.id),
            themeCode: theme.data.code,
            themeNumber: theme.data.number,
            themeSlug: theme.data.slug,
            themeShortTitle: theme.data.shortTitle,
            order: entry.data.order,
            source: entry.data.source,
            aims: entry.data.aims,
            actions: entry.data.actions,
            outcomes: entry.data.outcomes,
            timescales: entry.data.timescales,
            parsedTimescales: entry.data.timescales.map(parseTimescale),
            leadText: entry.data.leadText,
            leadIds: leadEntries.map((l) => localId(l.id)),
            leadNames: leadEntries.map((l) => l.data.name),
            leadSegments: leadSegments(entry.data.leadText, leadAliases),
            inherited: entry.data.inherited,
            splitFrom: entry.data.splitFrom,
            note: entry.data.note,
            progress: progressRecords(entry.data.progress),
          };
        })
        .sort((a, b) => a.themeNumber - b.themeNumber || a.order - b.order);
      const leadRecords: LeadRecord[] = editionLeads
        .map((l) => ({
          id: localId(l.id),
          name: l.data.name,
          kind: l.data.kind,
          actionCount: actionRecords.filter((a) => a.leadIds.includes(localId(l.id))).length,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      return {
        slug,
        edition: edition.data,
        chapters: inEdition(chapters, slug).sort(byOrder),
        themes: editionThemes,
        actions: actionRecords,
        leads: leadRecords,
        promises: inEdition(promises, slug).sort(byNumber).map((p) => p.data),
        principles: inEdition(principles, slug).sort(byNumber).map((p) => p.data),
        quotes: inEdition(quotes, slug).sort(byOrder),
        figures: inEdition(figures, slug).sort(byOrder).map((f) => f.data),
        glossary: glossaryEntries(glossary.map((g) => g.data), slug),
      };
    });
}

/** `getStaticPaths` for a page per edition: `/[edition]/…` with the edition's bundle as props. */
export async function editionStaticPaths() {
  return (await loadEditions()).map((bundle) => ({ params: { edition: bundle.slug }, props: { bundle } }));
}

/** Actions grouped under their themes, in plan order, for ActionTable; empty groups left out. */
export function groupsByTheme(bundle: EditionBundle, actions: readonly ActionRecord[] = bundle.actions) {
  const { slug, edition } = bundle;
  return bundle.themes
    .map((t) => ({
      slug: t.data.slug,
      heading: `${t.data.number}. ${t.data.planHeading}`,
      href: paths.theme(slug, edition.themePath, t.data.slug),
      actions: actions.filter((a) => a.themeSlug === t.data.slug),
    }))
    .filter((g) => g.actions.length > 0);
}
