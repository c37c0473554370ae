// Requests that change data, paired with the cache they invalidate.
import { postJson } from './client';
import { resetResponseSchema, type Persona } from './contract';

export function resetToDemo(persona: Persona) {
  return postJson(resetResponseSchema, persona, '/demo/reset');
}
