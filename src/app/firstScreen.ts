// The first screen prerendered into index.html (src/app/prerender.tsx) is the Overview's, at `/`.
// Every other page address gets the same index.html (a single-page app): there the Overview's
// layout would be the wrong page, so it gives way to a loading line and React renders the page
// anew. On a server, the page is the Overview's only for someone signed in (the server marks who,
// src/server/hosts/node/serve.ts). Where it is the page, React adopts it (src/app/start.tsx): the
// parts that differ by host and viewer are drawn right after (src/app/adoption.ts).
// (Imported by the tiny entry, src/main.tsx: nothing here may pull in the app's modules.)

/** The address the first screen was rendered at. */
export const FIRST_SCREEN_PATH = '/';

/** Whether the prerendered first screen is this page (the Overview, for someone who may see it): it shows until the app adopts it. */
export function firstScreenIsThisPage(servedByServer: boolean): boolean {
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
