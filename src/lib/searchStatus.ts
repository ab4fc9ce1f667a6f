/**
 * What the search page's live status says of a search's outcome, in plain words with links:
 * what was searched (as typed, corrected, without common words, some of the words, similar
 * wordings), then how many results, then a way on. Pure: src/client/search.ts renders the parts,
 * and a screen reader hears them as one message.
 */
import type { Outcome } from './forgivingSearch.ts';

/** A piece of the status message: text, a link that searches for a query, or a link to a page of the site. */
export type MessagePart = string | { text: string; query: string; exact?: boolean } | { text: string; href: string };

const quoted = (text: string) => `‘${text}’`;

/**
 * The status message in plain words, with links; `shown` is how many results are on the page
 * and `aToZ` the address of the A to Z. What happened comes first, the count last.
 */
export function statusMessage(outcome: Outcome, shown: number, aToZ: string): MessagePart[] {
  const total = outcome.ids.length;
  const count = `${total} ${total === 1 ? 'result' : 'results'}${total > shown ? `, showing the first ${shown}` : ''}.`;
  const subject = outcome.corrected ?? outcome.query;
  if (outcome.state === 'exact' && !outcome.corrected && outcome.alsoSomeWords) {
    const all = total - outcome.alsoSomeWords;
    return [`${all} ${all === 1 ? 'result' : 'results'} for “${outcome.query}”, then ${outcome.alsoSomeWords} that ${outcome.alsoSomeWords === 1 ? 'matches' : 'match'} some of the words${total > shown ? `, showing the first ${shown}` : ''}.`];
  }
  if (outcome.state === 'exact' && !outcome.corrected) return [`${total} ${total === 1 ? 'result' : 'results'} for “${outcome.query}”${total > shown ? `, showing the first ${shown}` : ''}.`];
  const parts: MessagePart[] = [];
  if (outcome.corrected) parts.push('Showing results for ', { text: outcome.corrected, query: outcome.corrected }, '. Search instead for ', { text: outcome.query, query: outcome.query, exact: true }, '. ');
  const similar = outcome.similar ?? [];
  const said = {
    exact: count,
    similar: `No results for ${quoted(subject)}. Showing results for ${similar.length === 1 ? 'a wording' : 'wordings'} with the same or a similar meaning: ${similar.map(quoted).join(', ')}${outcome.alsoSomeWords ? `, then results that match some of the words` : ''}. ${count}`,
    'fewer-words': `No results for all of ${quoted(subject)}. Showing results for ${quoted(outcome.searched ?? '')}, leaving out common words${outcome.alsoSomeWords ? `, then results that match some of them` : ''}. ${count}`,
    'some-words': `No results for all of ${quoted(subject)}. Showing results that match some of the words. ${count}`,
    none: `No results for ${quoted(subject)}.`,
  }[outcome.state];
  parts.push(said);
  const suggestions = outcome.suggestions ?? [];
  if (suggestions.length) {
    parts.push(' Did you mean ');
    suggestions.forEach((s, i) => {
      if (i > 0) parts.push(i === suggestions.length - 1 ? ' or ' : ', ');
      parts.push({ text: s, query: s });
    });
    parts.push('?');
  } else if (outcome.state === 'none') {
    parts.push(' Try other or fewer words, or look in the ', { text: 'A to Z of this site', href: aToZ }, '.');
  }
  return parts;
}
