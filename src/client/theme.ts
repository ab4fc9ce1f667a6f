/**
 * The colour theme switch (src/components/ThemeSwitch.astro). src/client/theme-early.js has put
 * the stored choice on <html data-theme> before the page was drawn; this shows it in the radio
 * buttons, and applies and keeps a new choice: for the next pages, and for tabs already open
 * (the storage event) or restored from the back-forward cache (pageshow).
 */
/** The localStorage key; theme-early.js reads the same one. "Match device" is stored as no key. */
const THEME_KEY = 'strategy-theme';
const CHOICES = ['system', 'light', 'dark'] as const;
type Choice = (typeof CHOICES)[number];

const asChoice = (value: string | null | undefined): Choice => CHOICES.find((c) => c === value) ?? 'system';

function stored(): Choice {
  try {
    return asChoice(localStorage.getItem(THEME_KEY));
  } catch {
    return 'system';
  }
}

export function initThemeSwitch(): void {
  const root = document.documentElement;
  // No mark: storage is blocked, the switch stays hidden and the system's theme applies.
  if (!root.dataset['theme']) return;
  const radios = [...document.querySelectorAll<HTMLInputElement>('#theme-switch input[name="theme"]')];
  const show = (choice: Choice) => {
    root.dataset['theme'] = choice;
    for (const radio of radios) radio.checked = radio.value === choice;
  };
  show(asChoice(root.dataset['theme']));

  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      const choice = asChoice(radio.value);
      show(choice);
      try {
        if (choice === 'system') localStorage.removeItem(THEME_KEY);
        else localStorage.setItem(THEME_KEY, choice);
      } catch {
        // Storage blocked since the page loaded: the choice holds for this page only.
      }
    });
  }
  addEventListener('storage', (event) => {
    if (event.key === THEME_KEY || event.key === null) show(stored());
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) show(stored());
  });
}
