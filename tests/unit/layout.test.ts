/**
 * The layout's three rules (issue 22), read off the code itself so that breaking one fails here,
 * naming the file and line:
 *
 * 1. Nothing outside tests/ imports from tests/: the site, the build and the tools stand alone.
 * 2. One reader of the content: the `yaml` package is imported only by the content reader and the
 *    one writer of content files, each listed below with its reason.
 * 3. HTML is read as HTML: no regular expression for a tag (`/<h1/`, `<\/mark>`, `<[a-z]`) in
 *    the code of the site, the build or the tools; XML and MDX readers are listed with their reason.
 *
 * Modules are read with TypeScript's own parser, so an import or a regular expression in a
 * comment or a string is not taken for one.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT, walk } from '../helpers/dist.ts';

const CODE = /\.(ts|mts|mjs|js)$/;
/** The code of a folder of the repository, as paths from its root ("build/lib/html.ts"). */
const codeIn = (...folders: string[]) => folders.flatMap((folder) => walk(join(ROOT, folder)).filter((file) => CODE.test(file)).map((file) => relative(ROOT, file).split(sep).join('/')));
/** The configuration files at the root (astro.config.mjs, htmlvalidate.config.ts…); vitest.config.ts belongs to the tests. */
const rootConfig = ['astro.config.mjs', 'htmlvalidate.config.ts'];
const outsideTests = [...codeIn('src', 'build', 'tools'), ...rootConfig];
const everywhere = [...outsideTests, ...codeIn('tests'), 'vitest.config.ts'];
/** Astro components hold imports in their front matter and scripts: read as text for rule 1. */
const components = walk(join(ROOT, 'src')).filter((file) => file.endsWith('.astro')).map((file) => relative(ROOT, file).split(sep).join('/'));

interface Found {
  file: string;
  line: number;
  text: string;
}

const parsed = new Map<string, ts.SourceFile>();
function sourceOf(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

/** Every node of a module that `pick` turns into a text, with its line. */
function findIn(file: string, pick: (node: ts.Node) => string | undefined): Found[] {
  const source = sourceOf(file);
  const found: Found[] = [];
  const visit = (node: ts.Node) => {
    const text = pick(node);
    if (text !== undefined) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The module a node names: `import … from 'x'`, `export … from 'x'`, `import('x')`, `require('x')`. */
function moduleName(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) return node.arguments[0].text;
  }
  return undefined;
}

/** A regular expression's pattern: a literal's (without its slashes and flags), or a `RegExp(…)`'s string or template. */
function regexSource(node: ts.Node): string | undefined {
  if (ts.isRegularExpressionLiteral(node)) return node.text.slice(1, node.text.lastIndexOf('/'));
  if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
    const pattern = node.arguments?.[0];
    if (pattern && ts.isStringLiteralLike(pattern)) return pattern.text;
    if (pattern && ts.isTemplateExpression(pattern)) return pattern.getText().slice(1, -1);
  }
  return undefined;
}

/** Whether a module specifier, from `file`, lands in tests/. */
const intoTests = (file: string, specifier: string) => specifier.startsWith('.') && relative(ROOT, resolve(dirname(join(ROOT, file)), specifier)).split(sep)[0] === 'tests';

/** A tag in a pattern: "<h1", "<\/mark>", "<\/?p>", "<[a-z]", "<(?:script|link)", "<(p|b)". */
const TAG_PATTERN = /<(\\?\/\??)?([a-zA-Z]|\[[^\]]*\]|\((\?:)?[a-zA-Z])/;

/** Where the `yaml` package may be imported, and why. */
const YAML_ALLOWED: Record<string, string> = {
  'src/lib/contentReader.ts': 'the one reader of the content files, which validates each with its schema',
  'tools/lib/progress-yaml.ts': 'the one writer of content files (progress updates, the growth benchmark\'s copies): the document API keeps comments, quoting and layout',
};

/** Code that may match tags with regular expressions because what it reads is not HTML. */
const TAG_PATTERNS_ALLOWED: Record<string, string> = {
  'src/lib/plainText.ts': 'reads MDX source, whose components (<Principles />, <EditorialNote>) are JSX, not HTML',
  'build/lib/epub-accessibility.ts': 'edits the EPUB package document (content.opf), which is XML written by pandoc, not HTML',
  // Not yet kept: Pagefind's excerpts are HTML (the page's text, escaped, with <mark> around
  // matches), split here with regular expressions. Remove this entry when the search reads them as HTML.
  'src/lib/searchResults.ts': 'Pagefind\'s excerpts, split at their <mark> elements (still to be read as HTML)',
};

describe('the layout', () => {
  it('has code to read: the site, the build, the tools and the tests', () => {
    for (const folder of ['src/', 'build/', 'tools/', 'tests/']) expect(everywhere.filter((file) => file.startsWith(folder)).length, folder).toBeGreaterThan(3);
    expect(components.length).toBeGreaterThan(3);
  });

  it('nothing outside tests/ imports from tests/', () => {
    const imports = outsideTests.flatMap((file) => findIn(file, moduleName)).filter((found) => intoTests(found.file, found.text));
    // Components: the module names of their import statements, read as text.
    for (const file of components) {
      readFileSync(join(ROOT, file), 'utf8').split('\n').forEach((line, i) => {
        for (const [, specifier] of line.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) if (intoTests(file, specifier!)) imports.push({ file, line: i + 1, text: specifier! });
      });
    }
    expect(imports.map((found) => `${found.file}:${found.line} imports ${found.text}`)).toEqual([]);
  });

  it('only the content reader and the content writer import the yaml package', () => {
    const yaml = everywhere.flatMap((file) => findIn(file, moduleName)).filter((found) => /^(yaml|js-yaml)(\/|$)/.test(found.text));
    expect(yaml.filter((found) => !YAML_ALLOWED[found.file]).map((found) => `${found.file}:${found.line} imports ${found.text}`)).toEqual([]);
    // Each file allowed still does: a list of reasons for nothing would hide where YAML is read.
    expect(Object.keys(YAML_ALLOWED).filter((file) => !yaml.some((found) => found.file === file))).toEqual([]);
  });

  it('the site, the build and the tools match no HTML tag with a regular expression', () => {
    const patterns = outsideTests.flatMap((file) => findIn(file, regexSource)).filter((found) => TAG_PATTERN.test(found.text));
    expect(patterns.filter((found) => !TAG_PATTERNS_ALLOWED[found.file]).map((found) => `${found.file}:${found.line} ${found.text}`)).toEqual([]);
    expect(Object.keys(TAG_PATTERNS_ALLOWED).filter((file) => !patterns.some((found) => found.file === file))).toEqual([]);
  });

  it('knows a tag pattern when it sees one, and not other patterns', () => {
    const sources = (code: string) => {
      const found: string[] = [];
      const visit = (node: ts.Node) => {
        const source = regexSource(node);
        if (source !== undefined) found.push(source);
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true));
      return found;
    };
    for (const tag of ['/<h1[\\s>]/g', '/<\\/mark>/', '/<[a-z]+>/', '/<(?:script|link)/', '/<\\/?(p|b)>/', 'new RegExp(`<tr id="${id}"`)', "RegExp('</th>')"]) {
      expect(sources(`const x = ${tag};`).map((source) => TAG_PATTERN.test(source)), tag).toEqual([true]);
    }
    for (const other of ['/</g', '/a <= b/', '/^\\s*</', '/&lt;/', '/<\\s/', "'<h1>' // a string, not a pattern"]) {
      expect(sources(`const x = ${other};`).filter((source) => TAG_PATTERN.test(source)), other).toEqual([]);
    }
  });
});
