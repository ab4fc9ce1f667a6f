/**
 * Built pages read as HTML in the tests: parsed (by the build's own parser, build/lib/html.ts)
 * once a page however many tests ask, queried with CSS selectors (hast-util-select) and their
 * words read with `wordsOf`. Never regular expressions over markup: those depend on the order of
 * attributes and on whitespace, which no reader sees.
 */
import type { Element, Nodes, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { parseHtml } from '../../build/lib/html.ts';
import { DIST, readPage, wordsOf } from './dist.ts';

export { select, selectAll };

/**
 * The pages parsed last, newest last: the tests of a file ask for the same few pages in turn,
 * while a tree of every page (hundreds, the plan's a few megabytes) would not fit a worker.
 */
const trees = new Map<string, Root>();
const KEPT_TREES = 16;

/** A built page ("/2017-20/pledge/6/"), parsed once while tests keep asking for it. */
export function pageTree(path: string, dist = DIST): Root {
  const key = `${dist}\u0000${path}`;
  const tree = trees.get(key) ?? parseHtml(readPage(path, dist));
  trees.delete(key);
  trees.set(key, tree);
  if (trees.size > KEPT_TREES) trees.delete(trees.keys().next().value!);
  return tree;
}

/** A page's text, or any other HTML (a converter's output), parsed. */
export const parse = parseHtml;

/** An attribute's name as hast's property name is spelt, without case or dashes ("data-action", "dataAction": "dataaction"). */
const looseName = (name: string) => ({ class: 'classname', for: 'htmlfor' })[name] ?? name.replaceAll('-', '').toLowerCase();

/**
 * An attribute's value as written (`"http-equiv"`, `"datetime"`, `"class"`), whatever name
 * hast gives its property (`httpEquiv`, `dateTime`, `className`); lists (`rel`, `class`)
 * joined by spaces, as in the source. Undefined when the element lacks it.
 */
export function attribute(element: Element, name: string): string | undefined {
  const property = Object.keys(element.properties).find((key) => key.toLowerCase() === looseName(name));
  const value = property === undefined ? undefined : element.properties[property];
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** The words of each element matching `selector`, in the page's order. */
export function textsOf(selector: string, tree: Nodes): string[] {
  return selectAll(selector, tree).map(wordsOf);
}

/** The value of `name` on each element matching `selector` that has it, in the page's order. */
export function attributesOf(selector: string, name: string, tree: Nodes): string[] {
  return selectAll(selector, tree).flatMap((element) => attribute(element, name) ?? []);
}

/** Every attribute value of every element of the tree (for "no attribute anywhere says …"). */
export function allAttributeValues(tree: Nodes): string[] {
  return selectAll('*', tree).flatMap((element) => Object.values(element.properties).flatMap((value) => (Array.isArray(value) ? value.map(String) : [String(value)])));
}

/** The element matching `selector`, or an error naming the selector (a test's precondition). */
export function theOne(selector: string, tree: Nodes): Element {
  const found = selectAll(selector, tree);
  if (found.length !== 1) throw new Error(`expected one element matching ${selector}, found ${found.length}`);
  return found[0]!;
}

/** The element whose child `child` is (hast keeps no links to parents). */
export function parentOf(child: Element, tree: Nodes): Element | undefined {
  return selectAll('*', tree).find((element) => element.children.includes(child));
}

/** The words of the element whose child `child` is: a link with what is written around it. */
export function wordsAround(child: Element, tree: Nodes): string {
  const parent = parentOf(child, tree);
  return parent ? wordsOf(parent) : '';
}
