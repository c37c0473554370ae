// Small shared lookups of the engine: employee ids to indexes, as-of dates to day numbers, and the
// on-screen scope (SPEC §5 "scope follows what is on screen") as a per-employee mask.
import type { Employee, IsoDate } from '../schema';
import { toDayNumber } from '../dates';
import type { EngineOrganisation } from './prepare';

/**
 * Which employees a view covers. Undefined (or a missing field) means no restriction; a list
 * restricts to exactly those teams / role ids, so an empty list matches nobody.
 */
export interface Scope {
  teams?: readonly string[];
  roles?: readonly string[];
}

/** Index of the employee with this id, or −1. */
export function employeeIndexOf(eo: EngineOrganisation, employeeId: string): number {
  return eo.employeeIndex.get(employeeId) ?? -1;
}

export function findEmployee(eo: EngineOrganisation, employeeId: string): Employee | undefined {
  const e = employeeIndexOf(eo, employeeId);
  return e < 0 ? undefined : eo.employees[e];
}

export function dayOf(asOf: IsoDate): number {
  return toDayNumber(asOf);
}

/** 1 for each employee in scope, or null when the scope is the whole organisation. */
export function scopeMask(eo: EngineOrganisation, scope: Scope | undefined): Uint8Array | null {
  if (!scope || (scope.teams === undefined && scope.roles === undefined)) return null;
  const teams = scope.teams === undefined ? null : new Set(scope.teams);
  const roles = scope.roles === undefined ? null : new Set(scope.roles);
  const mask = new Uint8Array(eo.employees.length);
  for (let e = 0; e < mask.length; e++) {
    const employee = eo.employees[e]!;
    mask[e] = (teams === null || teams.has(employee.team)) && (roles === null || roles.has(employee.role)) ? 1 : 0;
  }
  return mask;
}

/** Sorted team names. */
export function teamsOf(eo: EngineOrganisation): string[] {
  return eo.teams.slice();
}

/** The team's members sorted by employee id (empty for an unknown team). */
export function membersOf(eo: EngineOrganisation, team: string): Employee[] {
  const t = eo.teamIndex.get(team);
  if (t === undefined) return [];
  const members: Employee[] = [];
  for (let m = eo.memberStart[t]!; m < eo.memberStart[t + 1]!; m++) members.push(eo.employees[eo.memberList[m]!]!);
  return members;
}
