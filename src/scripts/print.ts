/** Before printing: today's date in the print footer, and every collapsed section opened. */
export function preparePrint(): void {
  window.addEventListener('beforeprint', () => {
    const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    for (const el of document.querySelectorAll('[data-print-date]')) el.textContent = today;
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}
