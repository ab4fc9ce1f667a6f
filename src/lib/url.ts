/** `withBase` bound to this build's base, for components. */
import { withBase } from './paths.ts';

export const url = (path: string): string => withBase(path, import.meta.env.BASE_URL);

/** The published address of a page or file, for feeds and permanent links (SITE_URL sets the site). */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error('astro.config.mjs sets no `site`: absolute URLs need SITE_URL');
  return new URL(url(path), site).href;
}
