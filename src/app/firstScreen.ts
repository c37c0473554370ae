// The first screen prerendered into index.html (src/app/prerender.tsx) is the Overview's, at `/`,
// as the browser host shows it. Every other page address gets the same index.html (a single-page
// app): there the Overview's layout would be the wrong page, so it gives way to a loading line and
// React renders the page anew. On a server, the page is the Overview's only for someone signed in
// (the server marks who, src/server/hosts/node/serve.ts); its header differs from the browser
// host's, so React renders it anew, but the first screen stays until then.
// (Imported by the tiny entry, src/main.tsx: nothing here may pull in the app's modules.)

/** The address the first screen was rendered at. */
export const FIRST_SCREEN_PATH = '/';

/** Whether the prerendered first screen is this page's own first render (so React can adopt it). */
export function firstScreenFits(servedByServer: boolean): boolean {
  return window.location.pathname === FIRST_SCREEN_PATH && !servedByServer;
}

/** Whether the prerendered first screen shows this page until the app renders it: the Overview, for someone who may see it. */
export function firstScreenShows(servedByServer: boolean): boolean {
  if (window.location.pathname !== FIRST_SCREEN_PATH) return false;
  if (!servedByServer) return true;
  // The marker's name is contract.ts's SIGNED_IN_MARKER (not imported: the entry stays tiny).
  const marker = document.querySelector('meta[name="gapmap-session"]')?.getAttribute('content');
  return marker !== undefined && marker !== null && marker !== 'signed-out';
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
