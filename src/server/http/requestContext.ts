// What every handler needs from a request: the persona and its scope, the as-of date, and
// refusals turned into typed JSON errors (never an unhandled exception).
import { json, type Handler } from './routeTable';
import { StaleRevisionError } from '../store/organisationDatabase';
import { DatabaseUnavailableError } from '../store/sql/sqlDatabase';
import { prepareOrganisation, teamsOf, type EngineOrganisation, type Scope } from '../../domain/engine';
import { isIsoDate } from '../../domain/dates';
import type { CsvWriteOptions } from '../../domain/csv';
import type { IsoDate } from '../../domain/schema';
import { decodePersona, encodePersona, PERSONA_HEADER, type ApiErrorBody, type Persona } from '../../api/contract';
import type { OrganisationState } from '../state/organisationState';
import { NoSuchDraftError, type WhatIfState } from '../state/whatIf';

export function errorResponse(status: number, error: string, message: string) {
  return json<ApiErrorBody>({ error, message }, { status });
}

export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function personaOf(request: Request): Persona {
  const persona = decodePersona(request.headers.get(PERSONA_HEADER));
  if (!persona) throw new RequestRefused(400, 'bad-persona', `Unknown persona "${request.headers.get(PERSONA_HEADER)}".`);
  return persona;
}

/**
 * Who is asking, as a stable key: what they own (what-if drafts, import jobs) is kept under it.
 * In the browser host the persona stands in for a person.
 */
export function callerKeyOf(request: Request): string {
  return encodePersona(personaOf(request));
}

/** The what-if draft a request computes on (`?scenario=ID`), if it names one. */
export function draftIdOf(request: Request): string | undefined {
  const id = new URL(request.url).searchParams.get('scenario');
  return id === null || id === '' ? undefined : id;
}

/** The teams a persona may see: a manager only their own. */
export function visibleTeams(eo: EngineOrganisation, persona: Persona): string[] {
  const all = teamsOf(eo);
  return persona.kind === 'manager' ? all.filter((team) => team === persona.team) : all;
}

export function assertMaySeeTeam(persona: Persona, team: string) {
  if (persona.kind === 'manager' && persona.team !== team) {
    throw new RequestRefused(403, 'forbidden', `A manager of ${persona.team} cannot see the team ${team}.`);
  }
}

export function assertMayChangeData(persona: Persona) {
  if (persona.kind !== 'lnd') throw new RequestRefused(403, 'forbidden', 'Only the L&D manager can change the organisation data.');
}

export function asOfOf(request: Request, state: OrganisationState): IsoDate {
  const asOf = new URL(request.url).searchParams.get('asOf');
  if (asOf === null || asOf === '') return state.today();
  if (!isIsoDate(asOf)) throw new RequestRefused(400, 'bad-date', `asOf must be a date as YYYY-MM-DD, not "${asOf}".`);
  return asOf;
}

/**
 * Which evidence the figures count (SPEC §2 Award verification):
 * `all`; `verified` — verified credentials and assessments (unverified and failed awards left out);
 * `credentials` — verified credentials only (assessments left out too).
 */
export type EvidenceFilter = 'all' | 'verified' | 'credentials';

export function evidenceOf(request: Request): EvidenceFilter {
  const evidence = new URL(request.url).searchParams.get('evidence');
  if (evidence === null || evidence === '' || evidence === 'all') return 'all';
  if (evidence === 'verified' || evidence === 'credentials') return evidence;
  throw new RequestRefused(400, 'bad-evidence', `evidence must be all, verified or credentials, not "${evidence}".`);
}

// One derived organisation per organisation object and filter: the stored one is a new object after
// every change and a what-if draft has its own, so an entry is never stale, and is dropped with it.
const derived = { verified: new WeakMap<EngineOrganisation, EngineOrganisation>(), credentials: new WeakMap<EngineOrganisation, EngineOrganisation>() };

/**
 * The organisation a filter leaves (prepared once per organisation): `verified` drops unverified and
 * failed awards; `credentials` drops the assessments too.
 */
export function withEvidence(eo: EngineOrganisation, evidence: EvidenceFilter): EngineOrganisation {
  if (evidence === 'all') return eo;
  let filtered = derived[evidence].get(eo);
  if (!filtered) {
    const awards = eo.org.awards.filter((award) => award.verification === 'verified');
    filtered = prepareOrganisation({ ...eo.org, awards, ...(evidence === 'credentials' ? { assessments: [] } : {}) });
    derived[evidence].set(eo, filtered);
  }
  return filtered;
}

/**
 * The organisation a read request computes on: the current one (the what-if scenario while one
 * is open), filtered to verified evidence when the request says so. Never store what this returns:
 * a handler that changes data starts from state.current(), or the filtered awards would be lost.
 */
export async function viewOf(request: Request, state: WhatIfState): Promise<EngineOrganisation> {
  const evidence = evidenceOf(request);
  const eo = await state.current(draftIdOf(request));
  return withEvidence(eo, evidence);
}

export function scopeOf(request: Request, eo: EngineOrganisation, persona: Persona): { scope: Scope | undefined; label: string } {
  const team = new URL(request.url).searchParams.get('team');
  if (team) {
    assertMaySeeTeam(persona, team);
    return { scope: { teams: [team] }, label: team };
  }
  if (persona.kind === 'manager') return { scope: { teams: visibleTeams(eo, persona) }, label: persona.team };
  return { scope: undefined, label: 'Whole organisation' };
}

/** The contract's error answer for anything a handler throws: never an unhandled exception. */
export function responseForError(error: unknown): Response {
  if (error instanceof RequestRefused) return errorResponse(error.status, error.code, error.message);
  if (error instanceof NoSuchDraftError) {
    return errorResponse(404, 'no-scenario', 'This what-if draft no longer exists: its author kept or discarded it. Open the page without it to see the organisation as stored.');
  }
  if (error instanceof StaleRevisionError) {
    return errorResponse(409, 'stale', 'Someone else changed the data at the same moment, so nothing was stored. Look at the page again and repeat the change.');
  }
  if (error instanceof DatabaseUnavailableError) {
    return errorResponse(503, 'database-unavailable', 'Gapmap cannot reach its database right now, so nothing was read or changed. It reconnects by itself: try again in a moment.');
  }
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return errorResponse(507, 'quota-exceeded', 'The browser has no storage left for Gapmap. Nothing was changed. Free some disk space or clear other sites\u2019 data, then try again.');
  }
  // A bug: the details go to the log, never to the caller (they may name tables or data).
  console.error('gapmap: internal error:', error);
  return errorResponse(500, 'internal', 'Something went wrong on the server, and nothing was changed. If it happens again, tell your Gapmap administrator.');
}

/** Wraps a handler so refusals become typed error responses, never an unhandled exception. */
export function guarded(handler: Handler): Handler {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      return responseForError(error);
    }
  };
}

/** A path parameter (the router has decoded it already: decoding twice would break a name with "%"). */
export function param(value: string | undefined): string {
  return value ?? '';
}

/** Excel options of an export: `bom=1` and `delimiter=;`. */
export function csvOptionsOf(url: URL): CsvWriteOptions {
  return { bom: url.searchParams.get('bom') === '1', delimiter: url.searchParams.get('delimiter') === ';' ? ';' : ',' };
}

export function csvResponse(csv: string, fileName: string) {
  return new Response(csv, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` },
  });
}
