// Who is looking, marked on the page's root element (contract.ts: VIEWER_ATTRIBUTE, HOST_ATTRIBUTE),
// so that styles.css shows the navigation that is theirs from the first paint. Before the app runs,
// index.html's inline script marks the stored persona on the static host, and gapmap serve marks
// who is signed in (src/server/hosts/node/serve.ts); from then on the app keeps the marks current
// (Layout.tsx).
import { HOST_ATTRIBUTE, VIEWER_ATTRIBUTE, viewerMarkOf, type Persona } from '../api/contract';

export function markViewer(kind: Persona['kind'], onServer: boolean, root: HTMLElement = document.documentElement): void {
  const mark = viewerMarkOf(kind);
  if (mark) root.setAttribute(VIEWER_ATTRIBUTE, mark);
  else root.removeAttribute(VIEWER_ATTRIBUTE);
  if (onServer) root.setAttribute(HOST_ATTRIBUTE, 'server');
  else root.removeAttribute(HOST_ATTRIBUTE);
}
