// The browser host's page side: the backend runs in a Web Worker (api.worker.ts),
// backed by IndexedDB; the page talks to it through a fetch-shaped transport. The worker keeps
// loading, seeding and every computation off the main thread, and the page does not load msw.
import type { ApiTransport } from '../../../api/transport';
import type { ApiResponseMessage, FromApiWorker, ToApiWorker } from './apiWorkerProtocol';


const unavailable = (message: string) => Response.json({ error: 'unavailable', message }, { status: 503 });

export function startStandaloneApi(): ApiTransport {
  if (navigator.storage?.persist) {
    // Ask the browser not to evict the organisation under storage pressure.
    void navigator.storage.persist().catch(() => false);
  }
  const worker = new Worker(new URL('./api.worker.ts', import.meta.url), { type: 'module', name: 'gapmap-api' });
  const send = (message: ToApiWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  const pending = new Map<number, (response: Response) => void>();
  let nextId = 1;
  let stopped: string | undefined;

  worker.onmessage = (event: MessageEvent<FromApiWorker>) => settle(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    stopped = `The in-browser API stopped (${event.message || 'it could not start'}). Reload the page; your stored data is unchanged.`;
    for (const resolve of pending.values()) resolve(unavailable(stopped));
    pending.clear();
  };

  function settle(message: ApiResponseMessage): void {
    const resolve = pending.get(message.id);
    if (!resolve) return;
    pending.delete(message.id);
    // 204/304 responses may not carry a body, even an empty one.
    const body = message.status === 204 || message.status === 304 ? null : message.body;
    resolve(new Response(body, { status: message.status, statusText: message.statusText, headers: message.headers }));
  }

  return async (url, init) => {
    if (stopped) return unavailable(stopped);
    const request = new Request(new URL(url, location.href), init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
    const id = nextId++;
    const path = new URL(request.url).pathname;
    const started = performance.now();
    const response = await new Promise<Response>((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) {
        reject(signal.reason as Error);
        return;
      }
      // An aborted request stops waiting; the worker's answer, when it comes, is dropped.
      signal.addEventListener('abort', () => {
        pending.delete(id);
        reject(signal.reason as Error);
      }, { once: true });
      pending.set(id, resolve);
      send({ type: 'request', id, url: request.url, method: request.method, headers: [...request.headers], body }, body ? [body] : []);
    });
    // Shows in the browser's performance panel (and the views bench) as the API's time.
    performance.measure(`api ${request.method} ${path}`, { start: started, end: performance.now() });
    return response;
  };
}
