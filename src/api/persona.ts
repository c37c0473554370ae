// Who is asking (SPEC §8): the persona and its request header. Free of schemas, so the app's
// first screen does not wait for the contract's zod schemas to be built.

export const PERSONA_HEADER = 'x-gapmap-persona';

export type Persona = { kind: 'lnd' } | { kind: 'hr' } | { kind: 'manager'; team: string };

export function encodePersona(persona: Persona): string {
  return persona.kind === 'manager' ? `manager:${encodeURIComponent(persona.team)}` : persona.kind;
}

export function decodePersona(header: string | null): Persona | undefined {
  if (header === null || header === '' || header === 'lnd') return { kind: 'lnd' };
  if (header === 'hr') return { kind: 'hr' };
  if (header.startsWith('manager:')) {
    const team = decodeURIComponent(header.slice('manager:'.length));
    return team ? { kind: 'manager', team } : undefined;
  }
  return undefined;
}
