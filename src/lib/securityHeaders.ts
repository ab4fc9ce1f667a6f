/**
 * The one definition of what every host must send with the site: the Content-Security-Policy
 * and the other security headers, how long each kind of file may be cached, and the type of
 * each file the site ships. `astro.config.mjs` takes the `<meta>` CSP from here and
 * `build/lib/host-config.ts` writes `_headers`, `staticwebapp.config.json` and `deploy/nginx.conf`
 * from here, so they cannot drift apart.
 */

type DirectiveName = 'default-src' | 'script-src' | 'style-src' | 'img-src' | 'connect-src' | 'font-src' | 'object-src' | 'base-uri' | 'form-action' | 'frame-ancestors';
/** Astro takes script-src and style-src apart, to add its hashes to them. */
type HashedDirective = 'script-src' | 'style-src';

/** One CSP directive: its sources, and whether a `<meta>` may carry it. */
interface CspDirective {
  name: DirectiveName;
  sources: string[];
  /** Browsers ignore `frame-ancestors` (and report-uri, sandbox) in a `<meta>`: header only. */
  headerOnly?: boolean;
}

/**
 * Everything from the site itself; 'wasm-unsafe-eval' lets Pagefind run its WebAssembly search.
 * No 'unsafe-inline': Astro hashes its own inline scripts and styles into the `<meta>` policy.
 */
export const CSP_DIRECTIVES: readonly CspDirective[] = [
  { name: 'default-src', sources: ["'self'"] },
  { name: 'script-src', sources: ["'self'", "'wasm-unsafe-eval'"] },
  { name: 'style-src', sources: ["'self'"] },
  { name: 'img-src', sources: ["'self'", 'data:'] },
  { name: 'connect-src', sources: ["'self'"] },
  { name: 'font-src', sources: ["'self'"] },
  { name: 'object-src', sources: ["'none'"] },
  { name: 'base-uri', sources: ["'self'"] },
  { name: 'form-action', sources: ["'self'"] },
  { name: 'frame-ancestors', sources: ["'none'"], headerOnly: true },
];

const sourcesOf = (name: DirectiveName) => CSP_DIRECTIVES.find((d) => d.name === name)?.sources ?? [];

/** Astro's `security.csp` option: the `<meta>` policy, to which Astro adds its script and style hashes. */
export function astroCsp() {
  const isPlain = (d: CspDirective): d is CspDirective & { name: Exclude<DirectiveName, HashedDirective> } => !d.headerOnly && d.name !== 'script-src' && d.name !== 'style-src';
  return {
    directives: CSP_DIRECTIVES.filter(isPlain).map((d): `${typeof d.name} ${string}` => `${d.name} ${d.sources.join(' ')}`),
    scriptDirective: { resources: sourcesOf('script-src') },
    styleDirective: { resources: sourcesOf('style-src') },
  };
}

/** The policy as a header sends it: every directive, `frame-ancestors` included. */
export function cspHeader(): string {
  return CSP_DIRECTIVES.map((d) => `${d.name} ${d.sources.join(' ')}`).join('; ');
}

/** Sent with every response, error pages included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': cspHeader(),
  // Two years would be usual for a domain of its own; one year suits a council subdomain that may move.
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
  // For browsers older than frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Files whose names carry a hash of their content: a new build gives new names, so they never change. */
export const IMMUTABLE_PATHS: readonly string[] = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'];
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/**
 * Everything else (pages, feeds, open data, pagefind.js and its entry file) is checked with the
 * server on each use, so a new build is seen at once. Netlify, Cloudflare Pages and Azure do
 * this by default; nginx must be told.
 */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The type of every kind of file in `dist/`. nginx's own list lacks Pagefind's files and
 * `.atom`, and a `types` block replaces its list, so this one is complete (a test compares it
 * with the files of the built site).
 */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  xml: 'application/xml',
  atom: 'application/atom+xml',
  csv: 'text/csv',
  txt: 'text/plain',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  epub: 'application/epub+zip',
  wasm: 'application/wasm',
  // Pagefind's index: compressed binary chunks, and its WebAssembly as `wasm.<language>.pagefind`.
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Types that are text, and so are sent with `; charset=utf-8`. */
export function isText(type: string): boolean {
  return /^text\/|^application\/(json|xml|atom\+xml)$|^image\/svg\+xml$/.test(type);
}

/** The Content-Type header for a file extension (without the dot). */
export function contentType(extension: string): string {
  const type = MIME_TYPES[extension.toLowerCase()] ?? 'application/octet-stream';
  return isText(type) ? `${type}; charset=utf-8` : type;
}
