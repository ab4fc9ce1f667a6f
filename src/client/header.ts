/**
 * The phone header's "Search" and "Menu" controls. Without this script they are plain links
 * (to the search page, and to `#site-menu`, which CSS shows as the URL's target), so nothing is
 * out of reach. With it they become disclosure buttons: `aria-expanded` says whether their panel
 * is open, one panel opens at a time, and Escape closes it and returns focus to its button.
 */
export function initHeader(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.header-controls button[aria-controls]')];
  const panelOf = (button: HTMLButtonElement) => document.getElementById(button.getAttribute('aria-controls') ?? '');

  const setOpen = (button: HTMLButtonElement, open: boolean) => {
    const panel = panelOf(button);
    if (!panel) return;
    button.setAttribute('aria-expanded', String(open));
    panel.toggleAttribute('data-open', open);
  };

  for (const button of buttons) {
    const fallback = document.querySelector<HTMLElement>(`[data-fallback-for="${button.getAttribute('aria-controls')}"]`);
    fallback?.setAttribute('hidden', '');
    button.hidden = false;
    button.addEventListener('click', () => {
      const opening = button.getAttribute('aria-expanded') !== 'true';
      for (const other of buttons) if (other !== button) setOpen(other, false);
      setOpen(button, opening);
      // Opening search is for typing: the box takes focus, so search is one tap away. (Only the
      // search box: the menu's colour theme radios must not take the focus when it opens.)
      if (opening) panelOf(button)?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    });
  }

  // A link to #site-menu made before the script ran (or shared) still opens the menu.
  const menuButton = buttons.find((b) => b.getAttribute('aria-controls') === 'site-menu');
  if (menuButton && location.hash === '#site-menu') setOpen(menuButton, true);

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const open = buttons.find((b) => b.getAttribute('aria-expanded') === 'true');
    if (!open) return;
    setOpen(open, false);
    // Focus goes back to the button only if it was in the closing panel (or on the button).
    const panel = panelOf(open);
    if (document.activeElement === open || panel?.contains(document.activeElement)) open.focus();
  });
}
