/** Reading a built site's sitemaps as XML (build/lib/built-site.ts): the pages the browser tests and Lighthouse visit. */
import { describe, expect, it } from 'vitest';
import { sitemapLocations } from '../../build/lib/built-site.ts';

describe('sitemapLocations', () => {
  it.each([
    ['a sitemap index of one', '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.org/sitemap-0.xml</loc></sitemap></sitemapindex>', ['https://x.org/sitemap-0.xml']],
    ['a sitemap, in its order, with escaped characters', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.org/b/</loc></url>\n<url><loc>https://x.org/a/?q=1&amp;r=2</loc><lastmod>2018-01-01</lastmod></url></urlset>', ['https://x.org/b/', 'https://x.org/a/?q=1&r=2']],
    ['an empty sitemap', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', []],
  ])('reads %s', (_name, xml, expected) => {
    expect(sitemapLocations(xml)).toEqual(expected);
  });
});
