// Served as written, render-blocking: keep it tiny. Why: src/layouts/BaseLayout.astro.
try {
  const stored = localStorage.getItem('strategy-theme');
  document.documentElement.dataset.theme = stored === 'light' || stored === 'dark' ? stored : 'system';
} catch {}
