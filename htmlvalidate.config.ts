/**
 * html-validate rules for the built pages: the recommended set, with each exception and its reason.
 */
import type { ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as `<meta ... />`; both forms are valid HTML.
    'void-style': 'off',
    // Tailwind class names (`[&>p]:m-0`, `md:grid-cols-3`) are not BEM; they are valid classes.
    'class-pattern': 'off',
    // The seeds' own words contain quotes and apostrophes written as characters, which is valid.
    'no-raw-characters': ['error', { relaxed: true }],
    // Long lines come from the seeds' paragraphs kept on one line.
    'long-title': 'off',
    // Our tables have captions and header scopes; the stacked layout keeps them as tables.
    'no-redundant-role': 'error',
    // `<search>` is the HTML search landmark element; older element metadata may not know it.
    'unknown-element': 'off',
    // The `<search>` element contains a form with role="search" for browsers without the element.
    'prefer-native-element': 'off',
    // SVG chart text uses presentation attributes, not inline styles.
    'no-inline-style': 'error',
  },
};
