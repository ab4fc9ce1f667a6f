/**
 * An edition as plain UTF-8 text for people who convert text themselves (braille, text to
 * speech): headings marked with # as in Markdown, lists as lines, the action plan as labelled
 * blocks. Built from the same content as the pages.
 */
import type { ActionRecord } from './actionPlan.ts';
import type { ActionPlanColumns, GlossaryEntry } from './contentSchemas.ts';
import { GLOSSARY_HEADING, GLOSSARY_INTRO, glossaryEntryText } from './glossary.ts';

export interface PlainTextSource {
  edition: {
    title: string;
    actionPlanTitle: string;
    actionPlanNote?: string | undefined;
    themeLabel: string;
    alternativeFormats?: { text: string; email: string; telephone: string } | undefined;
    columns: ActionPlanColumns;
  };
  chapters: { id: string; body?: string | undefined; data: { title: string } }[];
  themes: { data: { number: number; text: string; planHeading: string; slug: string } }[];
  actions: ActionRecord[];
  promises: { number: number; text: string }[];
  principles: { number: number; text: string }[];
  quotes: { data: { text: string; chapter: string } }[];
  figures: { sourceText: string }[];
  /** The abbreviations the edition uses, in the order they are listed. */
  glossary: Pick<GlossaryEntry, 'abbreviation' | 'variants' | 'expansion' | 'basis' | 'sourceText' | 'note'>[];
}

const numbered = (items: { number: number; text: string }[]) => items.map((i) => `${i.number}. ${i.text}`).join('\n');

/** MDX body to text: embedded lists expanded, headings one level down, inline markup dropped. */
export function mdxToText(body: string, source: PlainTextSource): string {
  return body
    .replace(/<Principles\s*\/>/g, numbered(source.principles))
    .replace(/<Promises\s*\/>/g, numbered(source.promises))
    .replace(/<PledgeStatements\s*\/>/g, numbered(source.themes.map((t) => ({ number: t.data.number, text: t.data.text }))))
    .replace(/<LocalProfile\s*\/>/g, source.figures.map((f) => `- ${f.sourceText}`).join('\n'))
    .replace(/<EditorialNote>\s*([\s\S]*?)\s*<\/EditorialNote>/g, (_, note: string) => `[Note from the website editors: ${note.trim()}]`)
    .replace(/^(#{1,5}) /gm, '#$1 ')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, text: string, href: string) => (text === href ? href : `${text} (${href})`))
    .replace(/\*\*\*|\*\*/g, '')
    .replace(/ {2,}\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function actionText(action: ActionRecord, columns: PlainTextSource['edition']['columns']): string {
  const field = (label: string, items: string[]) => `${label}: ${items.length ? items.join(' / ') : 'none given'}`;
  return [
    `Action ${action.code}`,
    ...(columns.source ? [field(columns.source, action.source ? [action.source] : [])] : []),
    field(columns.aim, action.aims),
    field(columns.action, action.actions),
    field(columns.outcome, action.outcomes),
    field(columns.timescale, action.timescales),
    field(columns.lead, [action.leadText]),
  ].join('\n');
}

export function plainTextEdition(source: PlainTextSource): string {
  const { edition } = source;
  const parts = [`# ${edition.title}`];
  if (edition.alternativeFormats) {
    const c = edition.alternativeFormats;
    parts.push(`${c.text}\nEmail: ${c.email}\nTelephone: ${c.telephone}`);
  }
  const glossary = source.glossary.length > 0;
  parts.push(`Contents\n${[...source.chapters.map((c) => c.data.title), edition.actionPlanTitle, ...(glossary ? [GLOSSARY_HEADING] : [])].map((t, i) => `${i + 1}. ${t}`).join('\n')}`);
  for (const chapter of source.chapters) {
    const chapterId = chapter.id.slice(chapter.id.indexOf('/') + 1);
    parts.push(`## ${chapter.data.title}`, mdxToText(chapter.body ?? '', source));
    for (const quote of source.quotes.filter((q) => q.data.chapter === chapterId)) parts.push(`"${quote.data.text}" (a child or young person in care in Halton)`);
  }
  parts.push(`## ${edition.actionPlanTitle}`);
  if (edition.actionPlanNote) parts.push(`Printed under the heading "${edition.actionPlanNote}".`);
  for (const theme of source.themes) {
    parts.push(`### ${theme.data.number}. ${theme.data.planHeading}`);
    for (const action of source.actions.filter((a) => a.themeSlug === theme.data.slug)) parts.push(actionText(action, edition.columns));
  }
  // The abbreviations spelt out, as the print edition ends: a reader of braille or speech meets "SDQ" and "CiCCL" explained too (and is told where a meaning is not certain, as for "IRM").
  if (glossary) parts.push(`## ${GLOSSARY_HEADING}`, GLOSSARY_INTRO, ...source.glossary.map(glossaryEntryText));
  return `${parts.join('\n\n')}\n`;
}
