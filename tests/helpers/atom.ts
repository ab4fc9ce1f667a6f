/**
 * Reads an Atom feed back with an XML parser and lists where it breaks RFC 4287: the feed's
 * required id, title, updated, author (unless every entry has one) and self link, and each
 * entry's id, title, updated, link and author; ids absolute IRIs, dates RFC 3339, ids unique.
 */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time, as Atom requires (section 3.3). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Node = Record<string, unknown>;

export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  link: string;
  author: string;
  summary: string;
  category: string;
}

export interface ParsedFeed {
  id: string;
  title: string;
  updated: string;
  selfLink: string;
  alternateLink: string;
  entries: AtomEntry[];
  problems: string[];
}

const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);
const text = (value: unknown): string => (typeof value === 'object' && value !== null ? String((value as Node)['#text'] ?? '') : String(value ?? ''));
const isAbsoluteIri = (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);

export function readAtom(xml: string): ParsedFeed {
  const problems: string[] = [];
  try {
    SyntaxValidator.validate(xml);
  } catch (error) {
    return { id: '', title: '', updated: '', selfLink: '', alternateLink: '', entries: [], problems: [`not well-formed XML: ${(error as Error).message}`] };
  }
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author', 'category'].includes(name) }).parse(xml) as Node;
  const feed = doc['feed'] as Node | undefined;
  if (!feed) return { id: '', title: '', updated: '', selfLink: '', alternateLink: '', entries: [], problems: ['the root element is not <feed>'] };
  if (feed['@xmlns'] !== ATOM_NS) problems.push(`<feed> is not in the Atom namespace (${String(feed['@xmlns'])})`);

  const one = (node: Node, name: string, where: string): string => {
    const values = list(node[name]);
    if (values.length !== 1) problems.push(`${where} has ${values.length} <${name}> elements, not exactly one`);
    return text(values[0]);
  };
  const links = (node: Node) => list(node['link']).map((l) => ({ rel: String(l['@rel'] ?? 'alternate'), href: String(l['@href'] ?? ''), type: String(l['@type'] ?? '') }));
  const authors = (node: Node) => list(node['author']).map((a) => text(a['name']));

  const id = one(feed, 'id', 'the feed');
  const title = one(feed, 'title', 'the feed');
  const updated = one(feed, 'updated', 'the feed');
  if (!isAbsoluteIri(id)) problems.push(`the feed id "${id}" is not an absolute IRI`);
  if (!RFC3339.test(updated)) problems.push(`the feed's updated "${updated}" is not an RFC 3339 date-time`);
  const feedLinks = links(feed);
  const selfLink = feedLinks.find((l) => l.rel === 'self')?.href ?? '';
  const alternateLink = feedLinks.find((l) => l.rel === 'alternate')?.href ?? '';
  if (!selfLink) problems.push('the feed has no rel="self" link');

  const entries = list(feed['entry']).map((entry, i): AtomEntry => {
    const where = `entry ${i + 1}`;
    const entryId = one(entry, 'id', where);
    const entryUpdated = one(entry, 'updated', where);
    if (!isAbsoluteIri(entryId)) problems.push(`${where}: id "${entryId}" is not an absolute IRI`);
    if (!RFC3339.test(entryUpdated)) problems.push(`${where}: updated "${entryUpdated}" is not an RFC 3339 date-time`);
    const link = links(entry).find((l) => l.rel === 'alternate')?.href ?? '';
    if (!link) problems.push(`${where} has no alternate link`);
    const author = authors(entry)[0] ?? '';
    if (!author && authors(feed).length === 0) problems.push(`${where} has no author, and neither has the feed`);
    return { id: entryId, title: one(entry, 'title', where), updated: entryUpdated, link, author, summary: text(entry['summary']), category: String(list(entry['category'])[0]?.['@term'] ?? '') };
  });
  // With no entries to carry one, the feed names an author itself (RFC 4287 4.1.1, as feed validators read it).
  if (entries.length === 0 && authors(feed).length === 0) problems.push('the feed has no author and no entries');
  const ids = entries.map((e) => e.id);
  if (new Set(ids).size !== ids.length) problems.push('two entries share an id');
  return { id, title, updated, selfLink, alternateLink, entries, problems };
}
