// The backend's routes as plain data (method, path, handler, body limit), so one list serves every
// host: app.ts mounts it on a Hono app whose fetch(request) runs in the API worker, in Node and in tests.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Handler = (args: { request: Request; params: Record<string, string | undefined> }) => Promise<Response>;

export interface Route {
  method: Method;
  /** A Hono path (`/api/teams/:team`); parameters arrive decoded. */
  path: string;
  handler: Handler;
  /** The largest request body accepted, in bytes (413 beyond it). */
  maxBodyBytes: number;
}

/** Requests that carry JSON: a cohort of goals or a what-if scenario is far below this. */
export const JSON_BODY_LIMIT = 1024 * 1024;

function define(method: Method) {
  return (path: string, handler: Handler, options: { maxBodyBytes?: number } = {}): Route => ({
    method,
    path,
    handler,
    maxBodyBytes: options.maxBodyBytes ?? JSON_BODY_LIMIT,
  });
}

export const route = { get: define('GET'), post: define('POST'), put: define('PUT'), patch: define('PATCH'), delete: define('DELETE') };

/** A JSON response whose body is checked against the type the contract gives it. */
export function json<T>(body: T, init?: ResponseInit): Response {
  return Response.json(body, init);
}
