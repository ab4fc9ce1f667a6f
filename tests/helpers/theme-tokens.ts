/** The colour tokens of src/styles/global.css, for tests: each token's light and dark value. */
import { readFileSync } from 'node:fs';

export type Theme = 'light' | 'dark';
export type Tokens = Map<string, Record<Theme, string>>;

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

/** `--color-name: light-dark(#light, #dark)` or `--color-name: #same` inside a block of CSS. */
function tokensIn(block: string): Tokens {
  const tokens: Tokens = new Map();
  for (const m of block.matchAll(/--color-([a-z0-9-]+):\s*(?:light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)|(#[0-9a-f]{6}))\s*;/gi)) {
    const [, name, light, dark, same] = m;
    tokens.set(name!, { light: (light ?? same)!, dark: (dark ?? same)! });
  }
  return tokens;
}

function block(pattern: RegExp): string {
  const body = css.match(pattern)?.[1];
  if (!body) throw new Error(`global.css has no block matching ${pattern}`);
  return body;
}

/** The `@theme` tokens. */
export const themeTokens = tokensIn(block(/@theme\s*\{([\s\S]*?)\n\}/));
/** What browsers without light-dark() get instead. */
export const fallbackTokens = tokensIn(block(/@supports not \(color: light-dark[^{]*\{([\s\S]*?)\n\}/));

export function colour(name: string, theme: Theme): string {
  const token = themeTokens.get(name);
  if (!token) throw new Error(`no --color-${name} in the @theme block of global.css`);
  return token[theme];
}

/** A token as getComputedStyle writes it: "rgb(18, 20, 22)". */
export function computed(name: string, theme: Theme): string {
  const hex = colour(name, theme);
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
}
