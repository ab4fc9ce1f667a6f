/**
 * The one static server for the built site, used by the PDF step (Chromium prints the print
 * pages from it), the benchmarks, Lighthouse and the tests. Files are served by `sirv` (which
 * keeps requests inside the folder); around it, only what a static host adds: the base path,
 * the site's content types (src/lib/securityHeaders.ts: Pagefind's files among them), the 404
 * page, and, `likeAHost`, the security and cache headers of a real host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import sirv from 'sirv';
import { contentType, IMMUTABLE_CACHE, IMMUTABLE_PATHS, REVALIDATE_CACHE, SECURITY_HEADERS } from '../../src/lib/securityHeaders.ts';

export interface ServeOptions {
  /** The base path the site is built for ("/strategy/"); requests outside it are not found. */
  base?: string;
  /**
   * Files from outside the site at fixed paths (path → file), cacheable. The accessibility tests
   * load their checking engines this way: from the site's own origin, so the pages' CSP
   * (`script-src 'self'`) lets them in, and from the HTTP cache, so Chromium compiles each engine
   * once rather than on every page.
   */
  extraFiles?: Record<string, string>;
  /** With the security and cache headers a static host sends (for Lighthouse). */
  likeAHost?: boolean;
  /** Middleware run first, in the style of Connect (Lighthouse's gzip, from the `compression` package). */
  before?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

export async function serve(root: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const { base = '/', extraFiles = {}, likeAHost = false, before } = options;
  const notFound = async (response: ServerResponse) => {
    const page = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
    response.statusCode = 404;
    response.setHeader('Content-Type', contentType('html'));
    response.end(page);
  };
  const files = sirv(root, {
    dev: true, // read from disk on every request: the steps write files while it serves
    extensions: ['html'],
    setHeaders: (response, path) => {
      // A folder's address is its index.html.
      const folder = path.endsWith('/') || statSync(join(root, path), { throwIfNoEntry: false })?.isDirectory();
      response.setHeader('Content-Type', contentType(folder ? 'html' : extname(path).slice(1)));
      if (likeAHost) response.setHeader('Cache-Control', IMMUTABLE_PATHS.some((p) => path.startsWith(p)) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
    },
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return notFound(response);
    }
    if (likeAHost) for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const extra = extraFiles[path];
    if (extra) {
      response.writeHead(200, { 'Content-Type': contentType(extname(extra).slice(1)), 'Cache-Control': 'max-age=86400' }).end(await readFile(extra));
      return;
    }
    if (!path.startsWith(base)) return notFound(response);
    // sirv serves the folder as the root: the base path is the host's, not the folder's.
    request.url = `/${(request.url ?? '/').slice(base.length)}`;
    files(request, response, () => void notFound(response));
  };
  const server = createServer((request, response) => {
    if (before) before(request, response, () => void handle(request, response));
    else void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
