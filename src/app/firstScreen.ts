// The first screen prerendered into index.html (src/app/prerender.tsx) is the Overview's, at `/`,
// as the browser host shows it. Every other page address gets the same index.html (a single-page
// app), and a server's page starts with its sign-in check: there the Overview's layout would be
// the wrong page, so it gives way to a loading line and React renders the page anew.
// (Imported by the tiny entry, src/main.tsx: nothing here may pull in the app's modules.)

/** The address the first screen was rendered at. */
export const FIRST_SCREEN_PATH = '/';

/** Whether the prerendered first screen is this page's own first render (so React can adopt it). */
export function firstScreenFits(servedByServer: boolean): boolean {
  return window.location.pathname === FIRST_SCREEN_PATH && !servedByServer;
}

/** Replaces the prerendered Overview with a loading line where it is not this page's (keeps the header). */
export function clearFirstScreenPage(): void {
  const main = document.getElementById('main');
  if (!main) return;
  const loading = document.createElement('p');
  loading.className = 'loading';
  loading.setAttribute('role', 'status');
  loading.textContent = 'Starting Gapmap…';
  main.replaceChildren(loading);
}
