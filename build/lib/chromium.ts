/**
 * Debian's Chromium, headless, as every part of the project launches it: the PDF step,
 * Lighthouse, the benchmarks and the browser tests. One list of flags, so they never drift apart.
 */

/** CHROMIUM_PATH, else Debian's Chromium. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Headless, no sandbox (the CI runs as root in a container), no GPU, and none of Chromium's own
 * network traffic (QUIC, updates, sync), so timings and requests are the site's alone.
 */
export const CHROMIUM_FLAGS: readonly string[] = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
