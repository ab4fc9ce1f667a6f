/**
 * The print edition's built page as the source of the OpenDocument, Word and EPUB editions
 * (scripts/build-documents.ts gives it to pandoc): its `<main>` only, the page's own `h1`
 * becoming the document's title, the web page's "Print edition" label dropped, and links to
 * the website made absolute when the published address is known, or plain text when it is not
 * (a path such as /2017-20/actions/p1-a1/ means nothing inside a document). The page's
 * scrolling regions lose their region role, label and tab stop: a document does not scroll
 * sideways, and the label's target (a caption id) does not survive the conversion.
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

export function documentSource(page: string, siteUrl?: string): DocumentSource {
  const language = /<html[^>]*\slang="([^"]+)"/.exec(page)?.[1];
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1];
  const h1 = main ? /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(main) : null;
  if (!language || !main || !h1) throw new Error('the print page has no <html lang>, <main> or <h1>');
  const title = decode(unwrap(h1[1]!)).replace(/\s+/g, ' ').trim();
  const body = main
    .replace(h1[0], '')
    .replace(/<p class="[^"]*">(Print edition|Large print edition)<\/p>/, '')
    .replace(/ (role="region"|aria-labelledby="[^"]*"|tabindex="-?\d+")/g, '')
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
