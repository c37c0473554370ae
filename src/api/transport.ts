// How the client sends a request: the network by default; in the standalone build, the in-browser
// API (src/server/hosts/browser/browser.ts). A module of its own, free of dependencies, so the boot code can install
// the transport before the app's code has even downloaded.

export type ApiTransport = (url: string, init?: RequestInit) => Promise<Response>;

let transport: ApiTransport = (url, init) => fetch(url, init);

/** Installed once at boot by src/main.tsx when the /api is the in-browser one. */
export function setApiTransport(next: ApiTransport): void {
  transport = next;
}

export function sendRequest(url: string, init?: RequestInit): Promise<Response> {
  return transport(url, init);
}
