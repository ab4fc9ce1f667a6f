/**
 * The colour tokens of both themes, read from src/styles/global.css: every pair the site draws
 * has enough contrast in the light and the dark theme (WCAG 1.4.3 text 4.5:1, 1.4.11 interface
 * and graphics 3:1), including the pairs axe cannot see (focus, chart bars, borders). And the
 * light theme given to browsers without light-dark() is the same as the light half of each token.
 */
import { describe, expect, it } from 'vitest';
import { colour, fallbackTokens, themeTokens } from '../helpers/theme-tokens.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// [foreground, background, minimum, where it is drawn]
const pairs: [string, string, number, string][] = [
  ['ink', 'paper', 4.5, 'body text'],
  ['ink', 'panel', 4.5, 'footer, edition band, notes'],
  ['ink', 'notice', 4.5, 'previous-edition notice'],
  ['muted', 'paper', 4.5, 'secondary text'],
  ['muted', 'panel', 4.5, 'secondary text in a panel'],
  ['muted', 'notice', 4.5, 'secondary text in a notice'],
  ['link', 'paper', 4.5, 'links'],
  ['link', 'panel', 4.5, 'links in the footer and edition band'],
  ['link', 'notice', 4.5, 'link in the previous-edition notice'],
  ['link-visited', 'paper', 4.5, 'visited links'],
  ['link-visited', 'panel', 4.5, 'visited links in a panel'],
  ['link-visited', 'notice', 4.5, 'visited link in a notice'],
  ['on-brand', 'brand', 4.5, 'header text and controls'],
  ['brand', 'on-brand', 4.5, 'an open header control'],
  ['on-focus', 'focus', 4.5, 'a focused link'],
  ['on-button', 'button', 4.5, 'buttons'],
  ['ink', 'paper', 3, 'input borders and the focus outline'],
  ['chart-1', 'paper', 3, 'first chart bar'],
  ['chart-2', 'paper', 3, 'second chart bar (also outlined in ink)'],
  ['chart-1', 'chart-2', 3, 'the two chart bars told apart'],
  ['ink', 'chart-2', 3, 'outline of the second chart bar'],
];

describe.each(['light', 'dark'] as const)('the %s theme', (mode) => {
  it.each(pairs)('%s on %s reaches %d:1 (%s)', (fg, bg, minimum) => {
    expect(contrast(colour(fg, mode), colour(bg, mode))).toBeGreaterThanOrEqual(minimum);
  });
});

// The focus indicator is two colours, yellow and ink (a yellow ring with an ink outline, or a
// yellow background with an ink bar): wherever it is drawn, one of them must stand out.
describe.each(['light', 'dark'] as const)('the focus indicator in the %s theme', (mode) => {
  it.each(['paper', 'panel', 'notice', 'brand'])('stands out 3:1 on %s', (bg) => {
    const best = Math.max(contrast(colour('focus', mode), colour(bg, mode)), contrast(colour('ink', mode), colour(bg, mode)));
    expect(best).toBeGreaterThanOrEqual(3);
  });
});

describe('the tokens', () => {
  it('are read from global.css, and a failing pair would fail', () => {
    expect(themeTokens.size).toBeGreaterThanOrEqual(17);
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('give browsers without light-dark() the light theme, token for token', () => {
    const switching = [...themeTokens].filter(([, t]) => t.light !== t.dark).map(([name, t]) => [name, t.light]);
    expect(switching.length).toBeGreaterThan(5);
    expect(Object.fromEntries([...fallbackTokens].map(([name, t]) => [name, t.light]))).toEqual(Object.fromEntries(switching));
  });
});
