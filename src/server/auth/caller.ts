// Who is asking (SPEC §9): an account with a role, and the teams it may see. On a server the caller
// comes from a session or an API token only; in the browser host the demo's persona switch stands in.
import { teamsLedBy } from '../../domain/engine';
import type { Organisation } from '../../domain/schema';
import type { Persona } from '../../api/contract';

export const ACCOUNT_ROLES = ['admin', 'manager', 'hr'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

/** Who a request comes from, before their scope is worked out against the organisation. */
export interface Identity {
  /** What the caller owns (what-if drafts, import jobs) is kept under this. */
  accountId: string;
  displayName: string;
  email?: string;
  role: AccountRole;
  /** Teams an admin granted (a manager's). */
  grantedTeams: readonly string[];
  /** How they proved it: the demo persona, a browser session or an API token. */
  via: 'persona' | 'session' | 'token';
}

/** 'all' for admin and hr; a manager's granted and led teams otherwise. */
export type TeamScope = 'all' | ReadonlySet<string>;

export interface Caller extends Identity {
  scope: TeamScope;
}

/** The demo's persona switch as a caller: L&D is the admin, a persona manager sees their one team. */
export function identityOfPersona(persona: Persona): Identity {
  if (persona.kind === 'manager') {
    return { accountId: `manager:${encodeURIComponent(persona.team)}`, displayName: `Manager of ${persona.team}`, role: 'manager', grantedTeams: [persona.team], via: 'persona' };
  }
  if (persona.kind === 'hr') return { accountId: 'hr', displayName: 'HR', role: 'hr', grantedTeams: [], via: 'persona' };
  return { accountId: 'lnd', displayName: 'L&D manager', role: 'admin', grantedTeams: [], via: 'persona' };
}

/** A caller's teams: everything for admin and hr; for a manager the granted teams and those they lead by `manager`. */
export function scopeOf(identity: Identity, org: Organisation | undefined): TeamScope {
  if (identity.role !== 'manager') return 'all';
  const teams = new Set(identity.grantedTeams);
  if (identity.email && org) for (const team of teamsLedBy(org, identity.email)) teams.add(team);
  return teams;
}

export function mayChangeData(caller: Caller): boolean {
  return caller.role === 'admin';
}

export function maySeeTeam(caller: Caller, team: string): boolean {
  return caller.scope === 'all' || caller.scope.has(team);
}
