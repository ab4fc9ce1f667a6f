/**
 * Atom feeds (RFC 4287) of progress updates, one per edition and one for the site, so that
 * members and officers can follow the Board's updates in a feed reader. Pure functions.
 */
import type { ActionRecord } from './actionPlan.ts';
import { longDate } from './dates.ts';
import { statusLabel } from './progress.ts';
import { escapeXml } from './xml.ts';

export interface FeedEntry {
  /** A permanent IRI: the update's own anchor on its action's page. */
  id: string;
  title: string;
  /** RFC 3339 date-time: the day it was last corrected, or else the date it is as at. */
  updated: string;
  /** RFC 3339 date-time: the date the update is as at. */
  published: string;
  /** The page that shows the update. */
  link: string;
  author: string;
  summary: string;
  /** The status, as an Atom category (term and label). */
  category: { term: string; label: string };
}

export interface Feed {
  /** The feed's own address, also its id. */
  selfUrl: string;
  /** The page the feed follows (the action plan, or the home page). */
  pageUrl: string;
  title: string;
  subtitle: string;
  author: string;
  /** RFC 3339: the newest entry's, or when the feed was built if it has none. */
  updated: string;
  entries: FeedEntry[];
}

/** "2018-03-31" → "2018-03-31T00:00:00Z": the date an update is as at, as an Atom date. */
const atomDate = (isoDate: string) => `${isoDate}T00:00:00Z`;

/** Every update of the given actions as feed entries, newest first. `actionUrl` gives the absolute URL of an action's page. */
export function progressEntries(actions: readonly ActionRecord[], actionUrl: (action: ActionRecord) => string): FeedEntry[] {
  return actions
    .flatMap((action) =>
      action.progress.map((u) => {
        const link = `${actionUrl(action)}#${u.anchor}`;
        // A correction keeps the entry's id and moves its `updated`, so feed readers show the entry changed.
        const corrected = u.corrections.at(-1)?.correctedOn;
        return {
          id: link,
          title: `${action.code}: ${statusLabel(u.status)}, as at ${longDate(u.asAt)}${corrected ? ` (corrected ${longDate(corrected)})` : ''}`,
          updated: atomDate(corrected ?? u.asAt),
          published: atomDate(u.asAt),
          link,
          author: u.reportedBy,
          summary: u.note,
          category: { term: u.status, label: statusLabel(u.status) },
        };
      }),
    )
    .sort((a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id));
}

/** The newest entry's date, or `builtAt` for a feed with none yet. */
export function feedUpdated(entries: readonly FeedEntry[], builtAt: Date): string {
  return entries[0]?.updated ?? builtAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The feed as Atom XML. */
export function atomFeed(feed: Feed): string {
  const x = escapeXml;
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${x(e.id)}</id>
    <title>${x(e.title)}</title>
    <updated>${e.updated}</updated>
    <published>${e.published}</published>
    <link rel="alternate" type="text/html" href="${x(e.link)}"/>
    <author><name>${x(e.author)}</name></author>
    <category term="${x(e.category.term)}" label="${x(e.category.label)}"/>
    <summary type="text">${x(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
  <id>${x(feed.selfUrl)}</id>
  <title>${x(feed.title)}</title>
  <subtitle>${x(feed.subtitle)}</subtitle>
  <updated>${feed.updated}</updated>
  <author><name>${x(feed.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${x(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${x(feed.pageUrl)}"/>
${entries.join('')}</feed>
`;
}

/** Who publishes the feeds: the council, whose strategy it is. Each entry names its own reporter. */
export const FEED_AUTHOR = 'Halton Borough Council';

/** A feed of the updates on `actions`, with its addresses made absolute against the site. */
export function progressFeed(options: { actions: readonly ActionRecord[]; selfUrl: string; pageUrl: string; title: string; subtitle: string; actionUrl: (action: ActionRecord) => string; builtAt: Date }): string {
  const entries = progressEntries(options.actions, options.actionUrl);
  return atomFeed({ selfUrl: options.selfUrl, pageUrl: options.pageUrl, title: options.title, subtitle: options.subtitle, author: FEED_AUTHOR, updated: feedUpdated(entries, options.builtAt), entries });
}
