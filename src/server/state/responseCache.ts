// Answers of the read routes, kept per prepared organisation: an organisation never changes once
// prepared (a change makes a new one), so an answer computed for it at a date and a scope stays
// right until the revision moves on — and is dropped with it. The overview of 100,000 people costs
// about a second to compute; asked again by the next manager, it costs a lookup.
import type { EngineOrganisation } from '../../domain/engine';

/** Answers kept per organisation, least recently used dropped first (org heatmaps weigh a few MB). */
const KEPT_PER_ORGANISATION = 2_000;

const answers = new WeakMap<EngineOrganisation, Map<string, string>>();

/** The JSON answer for `key` on this organisation, computed once. */
export function cachedJson(eo: EngineOrganisation, key: string, compute: () => unknown): Response {
  let cache = answers.get(eo);
  if (!cache) {
    cache = new Map();
    answers.set(eo, cache);
  }
  let body = cache.get(key);
  if (body === undefined) {
    body = JSON.stringify(compute());
    cache.set(key, body);
    if (cache.size > KEPT_PER_ORGANISATION) cache.delete(cache.keys().next().value!);
  } else {
    // Most recently used goes last.
    cache.delete(key);
    cache.set(key, body);
  }
  return new Response(body, { headers: { 'content-type': 'application/json' } });
}
