/**
 * The checks the page audit (tests/browser/accessibility.test.ts) makes in one visit of each
 * page: three accessibility engines, and the WCAG 2.2 checks they do not fully make, scripted here.
 * Each in-page function is passed to `page.evaluate`, so it must not use anything from outside
 * its own body.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The engines' files, served from the site's own origin by the test server (tests/global-setup.ts). */
export const ENGINE_FILES = {
  '/__tests__/axe.min.js': require.resolve('axe-core/axe.min.js'),
  '/__tests__/ace.js': require.resolve('accessibility-checker-engine/ace.js'),
  '/__tests__/HTMLCS.js': require.resolve('html_codesniffer/build/HTMLCS.js'),
};

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const ACE_POLICY = 'WCAG_2_2';
/** HTML_CodeSniffer's standard; its errors only (type 1), not its warnings and notices, which ask for a person's judgement. */
export const HTMLCS_STANDARD = 'WCAG2AA';

/**
 * Findings of an engine that we are sure are wrong, each with the rule, the narrowest selector
 * and the reason, as html-validate's disabled rules are. The accessibility statement lists them.
 * Empty: no exception is needed today.
 */
export const ENGINE_EXCEPTIONS: { engine: Engine; rule: string; selector: string; reason: string }[] = [];

export type Engine = 'axe' | 'ace' | 'htmlcs';

/** Loads the engines into the page, from the HTTP cache after the first page. */
export async function loadEngines(page: Page): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in window && 'ace' in window && 'HTMLCS' in window);
  if (loaded) return;
  for (const path of Object.keys(ENGINE_FILES)) await page.addScriptTag({ url: path });
  // ace.js declares a global `var ace`, HTMLCS.js `HTMLCS`, each in its own script element: they are on window.
}

export interface EngineFinding {
  engine: Engine;
  rule: string;
  selector: string;
  message: string;
}

/** The engines as the page sees them once loaded (types only: in-page code cannot import). */
type EngineWindow = {
  axe: { run: (context: Document, options: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> };
  ace: { Checker: new () => { check: (doc: Document, policies: string[]) => Promise<{ results: { ruleId: string; value: [string, string]; path: { dom: string }; message: string }[] }> } };
  HTMLCS: {
    process: (standard: string, content: Document, done: () => void, failed: () => void) => void;
    getMessages: () => { type: number; code: string; msg: string; element: Element | Document }[];
  };
};

const withoutExceptions = (findings: EngineFinding[]) =>
  findings.filter((f) => !ENGINE_EXCEPTIONS.some((e) => e.engine === f.engine && e.rule === f.rule && f.selector.includes(e.selector)));

/** Violations of the three engines on the page as it is now. */
export async function runEngines(page: Page): Promise<EngineFinding[]> {
  await loadEngines(page);
  const findings = await page.evaluate(
    async ({ tags, policy, standard }) => {
      const w = window as unknown as EngineWindow;
      const axe = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      const ace = await new w.ace.Checker().check(document, [policy]);
      await new Promise<void>((done, fail) => w.HTMLCS.process(standard, document, done, () => fail(new Error(`HTML_CodeSniffer could not run ${standard}`))));
      // Where an element is, as a path of tags with their id or first class.
      const path = (el: Element | Document): string => {
        const parts: string[] = [];
        for (let node: Element | null = el instanceof Element ? el : null; node && node !== document.documentElement; node = node.parentElement) {
          parts.unshift(`${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : node.classList[0] ? `.${node.classList[0]}` : ''}`);
        }
        return parts.join(' > ') || 'html';
      };
      return [
        ...axe.violations.flatMap((v) => v.nodes.map((n) => ({ engine: 'axe' as const, rule: v.id, selector: n.target.join(' '), message: v.help }))),
        ...ace.results
          .filter((r) => r.value[0] === 'VIOLATION' && r.value[1] === 'FAIL')
          .map((r) => ({ engine: 'ace' as const, rule: r.ruleId, selector: r.path.dom, message: r.message })),
        ...w.HTMLCS.getMessages()
          .filter((m) => m.type === 1)
          .map((m) => ({ engine: 'htmlcs' as const, rule: m.code, selector: path(m.element), message: m.msg })),
      ];
    },
    { tags: AXE_TAGS, policy: ACE_POLICY, standard: HTMLCS_STANDARD },
  );
  return withoutExceptions(findings);
}

/**
 * axe's rules that depend on the theme's colours, for the second theme: text contrast (1.4.3).
 * Links are told from text by their underline, not by colour, so link-in-text-block passes in
 * any theme. axe has no rule for the contrast of interface parts and graphics (1.4.11):
 * tests/unit/theme.test.ts checks those token pairs (focus indicator, chart bars, borders).
 */
export const AXE_COLOUR_RULES = ['color-contrast'];

/** Violations of axe's colour rules on the page as it is now. */
export async function runColourRules(page: Page): Promise<EngineFinding[]> {
  await loadEngines(page);
  const findings = await page.evaluate(async (rules) => {
    const { axe } = window as unknown as EngineWindow;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => ({ engine: 'axe' as const, rule: v.id, selector: n.target.join(' '), message: v.help })));
  }, AXE_COLOUR_RULES);
  return withoutExceptions(findings);
}

/** Opens what is folded, so the engines check it: every `<details>`, and the phone header's panels. */
export function openEverything(): void {
  for (const details of document.querySelectorAll('details')) details.open = true;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.header-controls button[aria-controls]')) {
    if (!button.hidden && button.getAttribute('aria-expanded') !== 'true') button.click();
  }
  // One header panel opens at a time; the other is opened directly so both are checked.
  for (const panel of document.querySelectorAll('.header-panel')) panel.setAttribute('data-open', '');
}

/** Where the page's parts sit on a phone's first screen, in CSS pixels from the top. */
export function phoneLayout(): { h1Top: number; headerHeight: number; firstSentenceBottom: number | null } {
  const top = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : NaN);
  const firstParagraph = document.querySelector('main .prose-content p');
  let firstSentenceBottom: number | null = null;
  if (firstParagraph) {
    // The end of the first sentence (or of the paragraph, if shorter) as laid out.
    const text = firstParagraph.textContent ?? '';
    const end = Math.min(text.length, (text.search(/[.!?](\s|$)/) + 1) || text.length);
    const range = document.createRange();
    const walker = document.createTreeWalker(firstParagraph, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (seen + length >= end) {
        range.setStart(firstParagraph, 0);
        range.setEnd(node, end - seen);
        break;
      }
      seen += length;
    }
    const rects = [...range.getClientRects()];
    firstSentenceBottom = rects.length ? Math.max(...rects.map((r) => r.bottom)) + window.scrollY : null;
  }
  return {
    h1Top: Math.round(top(document.querySelector('h1'))),
    headerHeight: Math.round(document.querySelector('body > header')?.getBoundingClientRect().height ?? 0),
    firstSentenceBottom: firstSentenceBottom === null ? null : Math.round(firstSentenceBottom),
  };
}

/**
 * WCAG 2.5.8 Target Size (Minimum): every visible pointer target is at least 24 by 24 CSS pixels,
 * unless it is inline in a sentence, or a 24 px circle on its centre touches no other target.
 * Returns the targets that fail, described.
 */
export function undersizedTargets(): string[] {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && r.width > 1 && r.height > 1 && !el.closest('[hidden], .visually-hidden');
  };
  const targets = [...document.querySelectorAll(selector)].filter(visible).map((el) => ({ el, r: el.getBoundingClientRect() }));
  const blockOf = (el: Element): Element => {
    let node: Element | null = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node ?? document.body;
  };
  // "In a sentence": an inline target whose block holds other words than its own.
  const inText = (el: Element) => {
    if (!getComputedStyle(el).display.startsWith('inline') || getComputedStyle(el).display === 'inline-block') return false;
    const own = (el.textContent ?? '').trim().length;
    const block = (blockOf(el).textContent ?? '').replace(/\s+/g, ' ').trim().length;
    return block > own + 3;
  };
  const failures: string[] = [];
  for (const { el, r } of targets) {
    if (r.width >= 23.5 && r.height >= 23.5) continue;
    if (inText(el)) continue;
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const clear = targets.every(({ el: other, r: o }) => {
      if (other === el || other.contains(el) || el.contains(other)) return true;
      // The distance from the centre to the other target's box must be at least 12 px.
      const dx = Math.max(o.left - cx, 0, cx - o.right);
      const dy = Math.max(o.top - cy, 0, cy - o.bottom);
      return Math.hypot(dx, dy) >= 12;
    });
    if (!clear) failures.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return failures;
}

/**
 * WCAG 2.4.11 Focus Not Obscured (Minimum): no focusable element, once focused, is entirely
 * hidden under a fixed or sticky element. Only such elements can hide the focus on this site's
 * pages, so each focusable is checked against each of them (none: nothing can be hidden).
 */
export function focusHiddenUnderFixed(): string[] {
  const all = [...document.querySelectorAll<HTMLElement>('body *')];
  const covers = all.filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.getBoundingClientRect().height > 0);
  if (covers.length === 0) return [];
  const focusables = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')].filter(
    (el) => el.getClientRects().length > 0,
  );
  const hidden: string[] = [];
  for (const el of focusables) {
    el.focus();
    const r = el.getBoundingClientRect();
    const covered = covers.some((c) => {
      if (c.contains(el)) return false;
      const o = c.getBoundingClientRect();
      return r.left >= o.left && r.right <= o.right && r.top >= o.top && r.bottom <= o.bottom;
    });
    if (covered) hidden.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
  }
  (document.activeElement as HTMLElement | null)?.blur();
  return hidden;
}

/**
 * WCAG 1.4.12 Text Spacing: with the criterion's spacing forced on (line height 1.5, paragraph
 * spacing 2 em, letter spacing 0.12 em, word spacing 0.16 em), no text is cut off by a box that
 * clips its overflow, and no text runs under an absolutely positioned or fixed box. The override
 * is a constructed stylesheet, which the pages' CSP allows, and is removed afterwards.
 */
export function textSpacingProblems(): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const problems: string[] = [];
  try {
    const elements = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getClientRects().length > 0);
    const hasOwnText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    for (const el of elements) {
      if (el.closest('.visually-hidden, .skip-link, svg')) continue;
      // Boxes of a pixel or less are hidden on purpose (visually hidden text): nothing to read.
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(el);
      const clipsX = ['hidden', 'clip'].includes(style.overflowX);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      if (!clipsX && !clipsY) continue;
      if (!(el.textContent ?? '').trim()) continue;
      if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`clipped: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    const positioned = elements.filter((el) => ['absolute', 'fixed'].includes(getComputedStyle(el).position) && !el.closest('.visually-hidden, .skip-link'));
    const texts = elements.filter((el) => hasOwnText(el) && !positioned.some((p) => p.contains(el)));
    for (const p of positioned) {
      const o = p.getBoundingClientRect();
      if (o.width < 2 || o.height < 2) continue;
      for (const t of texts) {
        if (t.contains(p) || p.contains(t)) continue;
        const r = t.getBoundingClientRect();
        if (r.left < o.right && r.right > o.left && r.top < o.bottom && r.bottom > o.top) {
          problems.push(`overlap: ${p.tagName.toLowerCase()} over "${(t.textContent ?? '').trim().slice(0, 40)}"`);
        }
      }
    }
  } finally {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  }
  return problems;
}

/** One h1, no skipped heading levels, and the four landmarks. */
export function documentStructure() {
  const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => (h as HTMLElement).offsetParent !== null || getComputedStyle(h).display !== 'none')
    .map((h) => Number(h.tagName[1]));
  return {
    h1: document.querySelectorAll('h1').length,
    skipped: levels.some((level, i) => i > 0 && level > (levels[i - 1] ?? 0) + 1),
    header: document.querySelectorAll('body > header').length > 0,
    nav: document.querySelectorAll('nav').length > 0,
    main: document.querySelectorAll('main').length,
    footer: document.querySelectorAll('footer').length > 0,
  };
}

/** How far the page scrolls sideways (WCAG 1.4.10 Reflow: at 320 px it must not). */
export function sidewaysScroll(): number {
  return document.documentElement.scrollWidth - document.documentElement.clientWidth;
}
