/** Before printing: today's date in the print footer, and every collapsed section opened. */
import { longDate } from '../lib/dates.ts';

export function preparePrint(): void {
  window.addEventListener('beforeprint', () => {
    const today = longDate(new Date());
    for (const el of document.querySelectorAll('[data-print-date]')) el.textContent = today;
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}
