/** Moving through a page with the keyboard alone, checking the focus can be seen at every stop. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface Focused {
  tag: string;
  text: string;
  id: string;
  /** For a form control, its name and value (a radio button's choice). */
  name: string;
  value: string;
  visibleFocus: boolean;
}

export async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    // GOV.UK style: a yellow background with a dark bar for links, a thick outline for controls.
    const yellow = style.backgroundColor === 'rgb(255, 221, 0)';
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const control = el as Partial<HTMLInputElement>;
    return { tag: el.tagName, text: (el.textContent ?? '').trim(), id: el.id, name: control.name ?? '', value: control.value ?? '', visibleFocus: yellow || outline };
  });
}

/** Press Tab until the focused element matches, checking the focus is visible at each stop. */
export async function tabTo(page: Page, matches: (f: Focused) => boolean, limit = 120): Promise<Focused> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.visibleFocus, `focus visible on ${f.tag} “${f.text.slice(0, 40)}”`).toBe(true);
    if (matches(f)) return f;
  }
  throw new Error('never reached the target by Tab');
}
