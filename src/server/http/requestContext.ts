// What every handler needs from a request: the caller and its scope, the as-of date, and
// refusals turned into typed JSON errors (never an unhandled exception).
import type { z } from 'zod';
import { json, type Handler } from './routeTable';
import { StaleRevisionError } from '../store/organisationDatabase';
import { DatabaseUnavailableError } from '../store/sql/sqlDatabase';
import { prepareOrganisation, teamsOf, type EngineOrganisation, type Scope } from '../../domain/engine';
import { isIsoDate } from '../../domain/dates';
import type { CsvWriteOptions } from '../../domain/csv';
import type { IsoDate } from '../../domain/schema';
import { decodePersona, PERSONA_HEADER, type ApiErrorBody, type Persona } from '../../api/contract';
import { mayChangeData, maySeeTeam, type Caller } from '../auth/caller';
import type { AuditAction, AuditLog, NewAuditEvent } from '../store/auditLog';
import type { AuditRowOf, OrganisationStore } from '../store/organisationStore';
import type { HistoryEntry } from '../../api/importContract';
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

// The caller of each request, found once by the app before its handler runs (app.ts).
const callers = new WeakMap<Request, Caller>();

export function setCaller(request: Request, caller: Caller) {
  callers.set(request, caller);
}

/** Who is asking: set by the app for every route; a handler reached without one is refused. */
export function callerOf(request: Request): Caller {
  const caller = callers.get(request);
  if (!caller) throw new RequestRefused(401, 'signed-out', 'Sign in to use Gapmap.');
  return caller;
}

/**
 * Who is asking, as a stable key: what they own (what-if drafts, import jobs) is kept under it.
 * On a server it is the account; in the browser host the persona stands in for a person.
 */
export function callerKeyOf(request: Request): string {
  return callerOf(request).accountId;
}

/** The what-if draft a request computes on (`?scenario=ID`), if it names one. */
export function draftIdOf(request: Request): string | undefined {
  const id = new URL(request.url).searchParams.get('scenario');
  return id === null || id === '' ? undefined : id;
}

/** Records a change made by the request's caller in the audit log (after the change is stored). */
/** The audit row of something the caller did (SPEC §9): who, in which role, by which proof. */
function auditRowOf(request: Request, action: AuditAction, subject: string, detail: Record<string, unknown>): NewAuditEvent {
  const caller = callerOf(request);
  return { actorId: caller.accountId, actor: caller.email ?? caller.displayName, action, subject, detail: { ...detail, role: caller.role, via: caller.via } };
}

/** Records a change that is not the organisation's (badge mappings): its row right after it. */
export async function recordChange(audit: AuditLog, request: Request, action: AuditAction, subject: string, detail: Record<string, unknown>) {
  await audit.append(auditRowOf(request, action, subject, detail));
}

/**
 * The audit row of a change to the organisation, made from the history entry it produces. Give `row`
 * to the store's change: a store that `auditsInTransaction` (PostgreSQL) writes it in the change's
 * own transaction, so neither is ever stored without the other; for the others `after` appends it
 * once the change is stored (the browser host's one process and its memory log).
 */
export function auditedChange(audit: AuditLog, store: OrganisationStore, request: Request, action: AuditAction, describe: (entry: HistoryEntry | undefined) => { subject: string; detail: Record<string, unknown> }) {
  const row: AuditRowOf = (entry) => {
    const { subject, detail } = describe(entry);
    return auditRowOf(request, action, subject, detail);
  };
  return {
    row,
    async after(entry?: HistoryEntry): Promise<void> {
      if (!store.auditsInTransaction) await audit.append(row(entry));
    },
  };
}

/** The one refusal for anything outside a caller's scope: it says nothing about what was asked for. */
export function forbidden(): RequestRefused {
  return new RequestRefused(403, 'forbidden', 'This is outside what you may see or change.');
}

/** The teams a caller may see: a manager only theirs. */
export function visibleTeams(eo: EngineOrganisation, caller: Caller): string[] {
  const all = teamsOf(eo);
  return caller.scope === 'all' ? all : all.filter((team) => maySeeTeam(caller, team));
}

export function assertMaySeeTeam(caller: Caller, team: string) {
  if (!maySeeTeam(caller, team)) throw forbidden();
}

/**
 * Something asked for by id does not exist: 404 to those who may see everything; to a scoped caller
 * the same 403 as for something outside their scope, so guessing ids tells them nothing.
 */
export function notFound(caller: Caller, message: string): Response {
  if (caller.scope !== 'all') throw forbidden();
  return errorResponse(404, 'not-found', message);
}

export function assertMayChangeData(caller: Caller) {
  if (!mayChangeData(caller)) throw new RequestRefused(403, 'forbidden', 'Only an admin can change the organisation data.');
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

/**
 * What a what-if draft is compared with: the stored organisation, through the same evidence filter,
 * when the request names a draft; undefined otherwise (nothing to compare).
 */
export async function baselineOf(request: Request, state: WhatIfState): Promise<EngineOrganisation | undefined> {
  if (draftIdOf(request) === undefined) return undefined;
  return withEvidence(await state.stored(), evidenceOf(request));
}

export function scopeOf(request: Request, eo: EngineOrganisation, caller: Caller): { scope: Scope | undefined; label: string } {
  const team = new URL(request.url).searchParams.get('team');
  if (team) {
    assertMaySeeTeam(caller, team);
    return { scope: { teams: [team] }, label: team };
  }
  if (caller.scope !== 'all') {
    const teams = [...caller.scope].sort();
    return { scope: { teams: visibleTeams(eo, caller) }, label: teams.length === 1 ? teams[0]! : 'Your teams' };
  }
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

/** The `limit` parameter: how many rows a list answers (a whole number of 1 or more), `fallback` without one. */
export function limitParam(url: URL, fallback: number): number {
  const text = url.searchParams.get('limit');
  if (text === null || text === '') return fallback;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw new RequestRefused(400, 'bad-limit', `limit must be a whole number of 1 or more, not "${text}".`);
  return limit;
}

/** The request's JSON body as `schema` reads it: 400 when it is not JSON, or 400 naming each field that is wrong. */
export async function bodyOf<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await request.json().catch(() => {
    throw new RequestRefused(400, 'bad-body', 'The request body is not JSON.');
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new RequestRefused(400, 'bad-request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}
