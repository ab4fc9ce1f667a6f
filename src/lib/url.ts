/** `withBase` bound to this build's base, for components. */
import { withBase } from './paths.ts';

export const url = (path: string): string => withBase(path, import.meta.env.BASE_URL);

/** The published address of a page or file, for feeds and permanent links (SITE_URL sets the site). */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs sets no `site`: absolute URLs need SITE_URL');
  return new URL(url(path), site).href;
}

/**
 * The address printed on paper and in the PDFs: the published one when SITE_URL is set, else
 * the page's path on the site. Never the build's own address (localhost), which means nothing
 * to a reader.
 */
export function printedAddress(pathname: string, siteUrl: string | undefined): string {
  return siteUrl ? new URL(pathname, siteUrl).href : pathname;
}

/**
 * The address to print after a link to another site, so that a reader on paper or in a PDF can
 * follow it: none when the link's words already are its address (with or without the scheme
 * and a final slash), or when it is not a web address.
 */
export function addressToPrint(words: string, href: string): string | undefined {
  if (!/^https?:\/\//.test(href)) return undefined;
  const bare = (address: string) => address.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
  return bare(words) === bare(href) ? undefined : href;
}
