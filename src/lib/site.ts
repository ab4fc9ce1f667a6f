/**
 * Where the site is published, as a build knows it: SITE_URL, or Astro's own preview address
 * when it is not set. One definition for astro.config.mjs (canonical links, the sitemap, the
 * feeds) and for the note that ends a build made for localhost.
 */

/** The address a build's links carry without SITE_URL: `astro preview`'s. */
export const LOCAL_SITE = 'http://localhost:4321';

/** The site's address for a build: SITE_URL when set (an empty value counts as unset). */
export function siteAddress(siteUrl: string | undefined): string {
  return siteUrl || LOCAL_SITE;
}

/** The one line a build without SITE_URL ends with, so nobody publishes it by mistake; none with it. */
export function localBuildNotice(siteUrl: string | undefined): string | undefined {
  if (siteUrl) return undefined;
  return `Note: SITE_URL is not set, so this build's canonical links, sitemap and feeds say ${LOCAL_SITE}/: fine for a preview, not for publishing (build with SITE_URL=https://your.address npm run build).`;
}
