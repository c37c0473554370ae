// The one fetch wrapper: every /api call goes through here, is validated against the contract's
// schema, and a non-2xx answer becomes an ApiError the UI can show.
import { z } from 'zod';
import { apiErrorSchema, encodePersona, PERSONA_HEADER, type Persona } from './contract';
import { sendRequest } from './transport';
import { draftInAddress, SCENARIO_PARAM } from './scenario';

// zod compiles each object schema into a function (new Function) the first time it checks
// something. The page checks most responses a few times: compiling cost 15–20 ms of its start (and
// the server's Content-Security-Policy forbids it anyway), more than the compiled checks save.
z.config({ jitless: true });

/** The API is always on the page's own origin: the in-browser backend, or the server that sent the page. */
export const API_BASE = '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `${API_BASE}/api${path}${query ? `?${query}` : ''}`;
}

async function send(persona: Persona, path: string, init: RequestInit & { params?: QueryParams } = {}): Promise<Response> {
  const { params, headers, ...rest } = init;
  // Every request computes on the what-if draft the page's address names, if any.
  const response = await sendRequest(apiUrl(path, { [SCENARIO_PARAM]: draftInAddress(), ...params }), {
    ...rest,
    headers: { [PERSONA_HEADER]: encodePersona(persona), ...(headers as Record<string, string> | undefined) },
  });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = apiErrorSchema.safeParse(body);
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error, parsed.data.message)
      : new ApiError(response.status, 'http', `The server answered ${response.status} ${response.statusText}.`);
  }
  return response;
}

export async function getJson<T>(schema: z.ZodType<T>, persona: Persona, path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await send(persona, path, { params, signal });
  return schema.parse(await response.json());
}

export async function postJson<T>(schema: z.ZodType<T>, persona: Persona, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  return sendJson(schema, persona, path, 'POST', body, signal);
}

/** A read whose question is too large for an address (a training plan): POSTed, answered like a GET. */
export async function postQuery<T>(schema: z.ZodType<T>, persona: Persona, path: string, params: QueryParams, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(persona, path, { method: 'POST', params, signal, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return schema.parse(await response.json());
}

export async function patchJson<T>(schema: z.ZodType<T>, persona: Persona, path: string, body: unknown): Promise<T> {
  return sendJson(schema, persona, path, 'PATCH', body);
}

export async function putJson<T>(schema: z.ZodType<T>, persona: Persona, path: string, body: unknown): Promise<T> {
  return sendJson(schema, persona, path, 'PUT', body);
}

export async function deleteJson<T>(schema: z.ZodType<T>, persona: Persona, path: string): Promise<T> {
  return sendJson(schema, persona, path, 'DELETE', undefined);
}

async function sendJson<T>(schema: z.ZodType<T>, persona: Persona, path: string, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(persona, path, {
    method,
    signal,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return schema.parse(await response.json());
}

/** Uploads raw bytes (a file, as picked) and validates the JSON answer. */
export async function postBytes<T>(schema: z.ZodType<T>, persona: Persona, path: string, params: QueryParams, bytes: ArrayBuffer, signal?: AbortSignal): Promise<T> {
  const response = await send(persona, path, { method: 'POST', params, body: bytes, signal, headers: { 'content-type': 'application/octet-stream' } });
  return schema.parse(await response.json());
}

/** A file as the server sent it, byte for byte (never decoded as text: that would drop a BOM or break a gzip). */
export async function getBlob(persona: Persona, path: string, params?: QueryParams): Promise<Blob> {
  const response = await send(persona, path, { params });
  return response.blob();
}

/** A file made from a request body (an export of what the page sends), byte for byte. */
export async function postBlob(persona: Persona, path: string, params: QueryParams, body: unknown): Promise<Blob> {
  const response = await send(persona, path, { method: 'POST', params, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.blob();
}

export async function getText(persona: Persona, path: string, params?: QueryParams): Promise<string> {
  const response = await send(persona, path, { params });
  return response.text();
}
