/**
 * The print edition's built page as the source of the OpenDocument, Word and EPUB editions
 * (scripts/build-documents.ts gives it to pandoc): its `<main>` only, the page's own `h1`
 * becoming the document's title, the web page's "Print edition" label dropped, and links to
 * the website made absolute when the published address is known, or plain text when it is not
 * (a path such as /2017-20/actions/p1-a1/ means nothing inside a document). The page's
 * scrolling regions lose their region role, label and tab stop: a document does not scroll
 * sideways, and the label's target (a caption id) does not survive the conversion.
 *
 * The action plan's tables, one per statement, each get the statement as a heading over them
 * (on the page it is the table's caption); word processors repeat each table's header row on
 * each page. pandoc's OpenDocument writer drops row header cells, so for it `rowHeaders:
 * false` makes them ordinary cells: the action ids stay in the first column. A chart (an SVG
 * with `role="img"`) becomes its text alternative.
 */

export interface DocumentSource {
  /** The strategy's title, from the page's `h1`. */
  title: string;
  /** The page's language (`<html lang>`). */
  language: string;
  /** A whole HTML document for pandoc, headed at `h2` and below (pandoc shifts them up a level). */
  html: string;
}

const unwrap = (html: string) => html.replace(/<[^>]+>/g, '');

export interface DocumentOptions {
  /** The published address, to make links to the website absolute; without it they become text. */
  siteUrl?: string | undefined;
  /** Keep `<th scope="row">` (false for writers that drop them). */
  rowHeaders?: boolean;
}

/**
 * The page's action tables (`.stack-table`) as the documents want them: a statement's table
 * (captioned `group-caption`) becomes a heading over its table, since word processors and
 * readers list headings, not captions, in their outline; other tables keep their caption.
 * The web page's attributes go.
 */
export function tablePerGroup(html: string, headingLevel: number, rowHeaders = true): string {
  const cell = (rows: string) => (rowHeaders ? rows : rows.replace(/<th scope="row"([^>]*)>([\s\S]*?)<\/th>/g, '<td$1>$2</td>'));
  return html.replace(/<table class="stack-table"[^>]*>([\s\S]*?)<\/table>/g, (whole, inner: string) => {
    const thead = /<thead>[\s\S]*?<\/thead>/.exec(inner)?.[0];
    const caption = /<caption\b([^>]*)>([\s\S]*?)<\/caption>/.exec(inner);
    const bodies = [...inner.matchAll(/<tbody\b[^>]*>([\s\S]*?)<\/tbody>/g)].map((m) => `<tbody>${cell(m[1]!)}</tbody>`).join('');
    if (!thead || !bodies) return whole;
    const group = caption && /\bclass="[^"]*\bgroup-caption\b/.test(caption[1]!);
    if (group) return `<h${headingLevel}>${caption[2]}</h${headingLevel}>\n<table>${thead}${bodies}</table>`;
    return `<table>${caption ? `<caption>${caption[2]}</caption>` : ''}${thead}${bodies}</table>`;
  });
}

export function documentSource(page: string, options: DocumentOptions = {}): DocumentSource {
  const { siteUrl, rowHeaders = true } = options;
  const language = /<html[^>]*\slang="([^"]+)"/.exec(page)?.[1];
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1];
  const h1 = main ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(main) : null;
  if (!language || !main || !h1) throw new Error('the print page has no <html lang>, <main> or <h1>');
  const title = decode(unwrap(h1[1]!)).replace(/\s+/g, ' ').trim();
  const body = tablePerGroup(main, 3, rowHeaders)
    .replace(h1[0], '')
    // A chart's drawing does not survive the conversion: its text alternative stands in its place.
    .replace(/<svg\b[^>]*\saria-label="([^"]*)"[^>]*>[\s\S]*?<\/svg>/g, (_, alternative: string) => `<p>${alternative}</p>`)
    .replace(/<p class="[^"]*">(Print edition|Large print edition)<\/p>/, '')
    .replace(/ (role="region"|aria-labelledby="[^"]*"|tabindex="-?\d+")/g, '')
    .replace(/<th scope="row"([^>]*)>([\s\S]*?)<\/th>/g, (whole, attributes: string, inner: string) => (rowHeaders ? whole : `<td${attributes}>${inner}</td>`))
    .replace(/<a\b([^>]*)\shref="(\/[^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (_, before: string, href: string, after: string, inner: string) =>
      siteUrl ? `<a${before} href="${new URL(href, siteUrl).href}"${after}>${inner}</a>` : inner,
    );
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
${body}
</body>
</html>
`;
  return { title, language, html };
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decode(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
