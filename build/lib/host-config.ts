/**
 * The hosts' configuration files, each written from `securityHeaders.ts` so that the `<meta>`
 * CSP, `_headers` (Netlify, Cloudflare Pages), `staticwebapp.config.json` (Azure Static Web
 * Apps) and `deploy/nginx.conf` (self-hosting) always send the same headers. Pure functions.
 */
import { IMMUTABLE_CACHE, IMMUTABLE_PATHS, isText, MIME_TYPES, REVALIDATE_CACHE, SECURITY_HEADERS, contentType } from '../../src/lib/securityHeaders.ts';

/**
 * `_headers`. No rule for the other files' Cache-Control: these hosts revalidate by default,
 * and Cloudflare joins the values of overlapping rules, so `/*` must not set it.
 */
export function headersFile(): string {
  const block = (path: string, headers: Record<string, string>) => `${path}\n${Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
  return [
    '# Written at build time from src/lib/securityHeaders.ts (build/steps/host-files.ts): edit that module, not this file.\n# Read by Netlify and Cloudflare Pages. The Content-Security-Policy is the pages\' <meta> one plus what only a header can carry.\n',
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

/**
 * The paths in `deploy/nginx.conf` an administrator fills in (or keeps): where the built site
 * goes, where an ACME client writes its renewal challenges, and the certificate with its key.
 */
export const NGINX_PATHS = {
  /** dist/, copied here. */
  root: '/var/www/halton-strategy/dist',
  /** Certificate renewal (ACME HTTP-01): `certbot certonly --webroot -w` this folder. Apart from dist/, so a new build never deletes it. */
  acmeRoot: '/var/www/halton-strategy/acme',
  /** The site's certificate followed by its intermediates, PEM (certbot's fullchain.pem). */
  certificate: '/etc/nginx/ssl/halton-strategy/fullchain.pem',
  /** Its private key, PEM, readable by root only (certbot's privkey.pem). */
  certificateKey: '/etc/nginx/ssl/halton-strategy/privkey.pem',
} as const;

/**
 * TLS after Mozilla's "intermediate" profile (Server Side TLS guideline 6.0, the generator's
 * latest): TLS 1.2 and 1.3; for TLS 1.2 only forward-secret AEAD ciphers (TLS 1.3's suites are
 * all such, and left at OpenSSL's default), the client choosing among them; a day's sessions.
 * Where it departs from the profile: no X25519MLKEM768 (see `curves`); HSTS for one year, not
 * two (see securityHeaders.ts); no OCSP stapling, which depends on the CA (Let's Encrypt no
 * longer offers OCSP) and a resolver of the host's own: add it if the certificate has an OCSP
 * address.
 */
export const TLS_PROFILE = {
  guideline: 'Mozilla\'s "intermediate" profile',
  source: 'https://ssl-config.mozilla.org/guidelines/6.0.json',
  protocols: ['TLSv1.2', 'TLSv1.3'],
  /** TLS 1.2 ciphers, OpenSSL names, in the profile's order. */
  ciphers: ['ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305'],
  /**
   * The profile's groups without its first, X25519MLKEM768, which needs OpenSSL 3.5: Debian 12's
   * nginx (OpenSSL 3.0) refuses to start with it.
   */
  curves: ['X25519', 'prime256v1', 'secp384r1'],
  sessionTimeout: '1d',
} as const;

/** The variable nginx.conf's cache rule is kept in; named for the site, as conf.d files share one http block. */
const NGINX_CACHE_VARIABLE = '$halton_strategy_cache_control';

/**
 * `deploy/nginx.conf`: a `map` and two `server` blocks for /etc/nginx/conf.d/ (inside nginx's
 * http block). Port 80 only sends readers to HTTPS (and answers certificate renewal); port 443
 * serves the site. Every header is set once at the 443 server's level: a location with an
 * `add_header` of its own would silently drop them all, so the cache rule is chosen by the `map`
 * instead; and none is sent over plain HTTP, where HSTS means nothing and nothing is served.
 */
export function nginxConf(): string {
  const types = Object.entries(MIME_TYPES).map(([extension, type]) => `        ${type} ${extension};`);
  // text/html always gets the charset and is always compressed; nginx warns when it is listed again.
  const textTypes = [...new Set(Object.values(MIME_TYPES).filter(isText))].filter((t) => t !== 'text/html');
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => {
    if (value.includes('"')) throw new Error(`${name} holds a double quote, which nginx.conf cannot carry as written`);
    return `    add_header ${name} "${value}" always;`;
  });
  return `# Serves the built site (dist/) over HTTPS with the same headers as _headers and
# staticwebapp.config.json; plain HTTP only redirects to HTTPS.
#
# Written by \`npm run nginx-conf\` from src/lib/securityHeaders.ts and build/lib/host-config.ts:
# edit those, not this file. It is kept in the repository (not written at build time) so that an
# administrator can install it without building the site and review every change as a diff; a
# unit test fails when it differs from what the modules would write.
#
# Install (written for Debian 12's nginx 1.22; see the README, "Publish it"):
#   1. copy dist/ to ${NGINX_PATHS.root} (or change root below);
#   2. put the certificate, followed by its intermediates, in
#      ${NGINX_PATHS.certificate} and its private key in
#      ${NGINX_PATHS.certificateKey} (or point both ssl_certificate lines at
#      certbot's /etc/letsencrypt/live/<name>/ files);
#   3. put this file in /etc/nginx/conf.d/ and set server_name in both servers (or remove
#      Debian's default site, which also answers port 80);
#   4. \`nginx -t && systemctl reload nginx\`.

# Files named by a hash of their content never change: cached for a year. Everything else is
# checked with the server on each use, so a new build is seen at once.
map $uri ${NGINX_CACHE_VARIABLE} {
${IMMUTABLE_PATHS.map((path) => `    ~^${path} "${IMMUTABLE_CACHE}";`).join('\n')}
    default "${REVALIDATE_CACHE}";
}

# Plain HTTP: every request is sent to the same host and path over HTTPS, except certificate
# renewal's challenges, which an ACME client (certbot --webroot) must be able to serve here.
server {
    listen 80;
    listen [::]:80;
    server_name _;
    server_tokens off;

    location /.well-known/acme-challenge/ {
        root ${NGINX_PATHS.acmeRoot};
        default_type text/plain;
        try_files $uri =404;
    }

    # 301: browsers and search engines remember the HTTPS address. $request_uri keeps the query.
    location / {
        return 301 https://$host$request_uri;
    }
}

server {
    # HTTP/2 as nginx 1.22 writes it; from nginx 1.25.1, write \`http2 on;\` instead.
    listen 443 ssl http2;
    listen [::]:443 ssl http2;
    server_name _;
    root ${NGINX_PATHS.root};

    # TLS after ${TLS_PROFILE.guideline}: ${TLS_PROFILE.source}
    ssl_certificate ${NGINX_PATHS.certificate};
    ssl_certificate_key ${NGINX_PATHS.certificateKey};
    ssl_protocols ${TLS_PROFILE.protocols.join(' ')};
    # The profile puts X25519MLKEM768 first: add it there once nginx runs on OpenSSL 3.5 or later.
    ssl_ecdh_curve ${TLS_PROFILE.curves.join(':')};
    ssl_ciphers ${TLS_PROFILE.ciphers.join(':')};
    ssl_prefer_server_ciphers off;
    ssl_session_timeout ${TLS_PROFILE.sessionTimeout};
    # About 40000 sessions; a zone named for the site, as conf.d files share one http block.
    ssl_session_cache shared:halton_strategy_tls:10m;
    # nginx before 1.23.2 never rotates its session ticket key, which weakens forward secrecy
    # (Mozilla's advice for those versions; Debian 12 has 1.22).
    ssl_session_tickets off;

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
