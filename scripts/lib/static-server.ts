/** A small static file server for the built site, honouring a base path, as a static host would. */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { contentType } from '../../src/lib/securityHeaders.ts';

/**
 * `extraFiles` serves files from outside the site at fixed paths (path → file), cacheable. The
 * accessibility tests load their checking engines this way: from the site's own origin, so the
 * pages' CSP (`script-src 'self'`) lets them in, and from the HTTP cache, so Chromium compiles
 * each engine once rather than on every page.
 */
export async function serve(root: string, base = '/', extraFiles: Record<string, string> = {}): Promise<{ server: Server; url: string }> {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const extra = extraFiles[path];
    if (extra) {
      response.writeHead(200, { 'Content-Type': contentType(extname(extra).slice(1)), 'Cache-Control': 'max-age=86400' }).end(await readFile(extra));
      return;
    }
    if (!path.startsWith(base)) {
      response.writeHead(404).end('Not found');
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': contentType(extname(file).slice(1)) }).end(body);
    } catch {
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
      response.writeHead(404, { 'Content-Type': contentType('html') }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}${base}` };
}
