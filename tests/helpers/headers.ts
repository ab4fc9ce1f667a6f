/** Reading the hosts' header files back. */

/** The `Name: value` lines of one rule of a `_headers` file (Netlify, Cloudflare Pages). */
export function headersRule(text: string, path: string): Record<string, string> {
  const block = text.split(/\n(?=\S)/).find((b) => b.startsWith(`${path}\n`)) ?? '';
  return Object.fromEntries(
    block
      .split('\n')
      .slice(1)
      .filter((line) => line.trim())
      .map((line) => line.trim().split(/:\s(.*)/s).slice(0, 2) as [string, string]),
  );
}
