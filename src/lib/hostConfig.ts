/**
 * The hosts' configuration files, each written from `securityHeaders.ts` so that the `<meta>`
 * CSP, `_headers` (Netlify, Cloudflare Pages), `staticwebapp.config.json` (Azure Static Web
 * Apps) and `deploy/nginx.conf` (self-hosting) always send the same headers. Pure functions.
 */
import { IMMUTABLE_CACHE, IMMUTABLE_PATHS, isText, MIME_TYPES, REVALIDATE_CACHE, SECURITY_HEADERS, contentType } from './securityHeaders.ts';

/**
 * `_headers`. No rule for the other files' Cache-Control: these hosts revalidate by default,
 * and Cloudflare joins the values of overlapping rules, so `/*` must not set it.
 */
export function headersFile(): string {
  const block = (path: string, headers: Record<string, string>) => `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  return [
    '# Written at build time from src/lib/securityHeaders.ts (scripts/host-config.ts): edit that module, not this file.\n# Read by Netlify and Cloudflare Pages. The Content-Security-Policy is the pages\' <meta> one plus what only a header can carry.\n',
    block('/*', { ...SECURITY_HEADERS }),
    ...IMMUTABLE_PATHS.map((path) => block(`${path}*`, { 'Cache-Control': IMMUTABLE_CACHE })),
  ].join('\n');
}

/** `staticwebapp.config.json`: route headers replace the global Cache-Control for hashed files. */
export function staticWebAppConfig(): string {
  const config = {
    trailingSlash: 'always',
    globalHeaders: { ...SECURITY_HEADERS, 'Cache-Control': REVALIDATE_CACHE },
    routes: IMMUTABLE_PATHS.map((path) => ({ route: `${path}*`, headers: { 'Cache-Control': IMMUTABLE_CACHE } })),
    responseOverrides: { '404': { rewrite: '/404.html', statusCode: 404 } },
    mimeTypes: Object.fromEntries(Object.keys(MIME_TYPES).map((extension) => [`.${extension}`, contentType(extension)])),
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

export const NGINX_ROOT = '/var/www/halton-strategy/dist';

/** The variable nginx.conf's cache rule is kept in; named for the site, as conf.d files share one http block. */
const NGINX_CACHE_VARIABLE = '$halton_strategy_cache_control';

/**
 * `deploy/nginx.conf`: a `map` and a `server` block for /etc/nginx/conf.d/ (inside nginx's
 * http block). Every header is set once at server level: a location with an `add_header` of its
 * own would silently drop them all, so the cache rule is chosen by the `map` instead.
 */
export function nginxConf(): string {
  const types = Object.entries(MIME_TYPES).map(([extension, type]) => `        ${type} ${extension};`);
  // text/html always gets the charset and is always compressed; nginx warns when it is listed again.
  const textTypes = [...new Set(Object.values(MIME_TYPES).filter(isText))].filter((t) => t !== 'text/html');
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => {
    if (value.includes('"')) throw new Error(`${name} holds a double quote, which nginx.conf cannot carry as written`);
    return `    add_header ${name} "${value}" always;`;
  });
  return `# Serves the built site (dist/) with the same headers as _headers and staticwebapp.config.json.
#
# Written by \`npm run nginx-conf\` from src/lib/securityHeaders.ts: edit that module, not this
# file. It is kept in the repository (not written at build time) so that an administrator can
# install it without building the site and review every change as a diff; a unit test fails
# when it differs from what the module would write.
#
# Install: copy dist/ to the root below (or change root), put this file in /etc/nginx/conf.d/,
# set server_name, then \`nginx -t && systemctl reload nginx\`. Serve it over HTTPS: add
# \`listen 443 ssl;\` with your certificate, or terminate TLS in front of this server.

# Files named by a hash of their content never change: cached for a year. Everything else is
# checked with the server on each use, so a new build is seen at once.
map $uri ${NGINX_CACHE_VARIABLE} {
${IMMUTABLE_PATHS.map((path) => `    ~^${path} "${IMMUTABLE_CACHE}";`).join('\n')}
    default "${REVALIDATE_CACHE}";
}

server {
    listen 80;
    listen [::]:80;
    server_name _;
    root ${NGINX_ROOT};

    index index.html;
    server_tokens off;
    # "/2017-20/action-plan" redirects to "/2017-20/action-plan/" on the scheme and host the
    # reader used, so the redirect stays right behind a proxy or TLS terminator.
    absolute_redirect off;
    error_page 404 /404.html;

    # The site's own list of types: a types block replaces nginx's mime.types, which lacks
    # .atom and Pagefind's files.
    types {
${types.join('\n')}
    }
    default_type application/octet-stream;
    charset utf-8;
    charset_types ${textTypes.join(' ')};

    gzip on;
    gzip_vary on;
    gzip_types ${textTypes.join(' ')};

    # Security headers on every response, error pages included (always). Set here only: a
    # location with an add_header of its own would drop them all.
${headers.join('\n')}
    # Not always: a missing file under /_astro/ must not be cached for a year.
    add_header Cache-Control ${NGINX_CACHE_VARIABLE};

    # Pages are folders with an index.html, as Astro builds them (trailingSlash: 'always').
    location / {
        try_files $uri $uri/ =404;
    }
}
`;
}
