// Requirements against effective levels (SPEC §3 rules 4–6): gap, weighted gap, met, employee
// readiness, and the long gap report of SPEC §5 (one row per employee and required skill).
import type { IsoDate, Weight } from '../schema';
import type { GapLongRow } from '../reports';
import { assessedLevel, evaluateEmployee, verifiedLevel } from './evaluate';
import { dayOf, employeeIndexOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface RequirementStatus {
  skill: string;
  weight: Weight;
  required: number;
  verified: number;
  assessed: number;
  effective: number;
  gap: number;
  weightedGap: number;
  met: boolean;
}

/**
 * The status of each requirement of the employee's role, in the role's order (a skill listed twice
 * counts once, at its higher level). An unknown employee or role requires nothing.
 */
export function requirementStatuses(eo: EngineOrganisation, employeeId: string, asOf: IsoDate): RequirementStatus[] {
  const e = employeeIndexOf(eo, employeeId);
  const role = e < 0 ? -1 : eo.employeeRole[e]!;
  if (role < 0) return [];
  evaluateEmployee(eo, e, dayOf(asOf));
  const statuses: RequirementStatus[] = [];
  for (let q = eo.requirementStart[role]!; q < eo.requirementStart[role + 1]!; q++) {
    const s = eo.requirementSkill[q]!;
    const required = eo.requirementLevel[q]!;
    const verified = verifiedLevel(eo.scratch, s);
    const assessed = assessedLevel(eo.scratch, s);
    const effective = Math.max(verified, assessed);
    const gap = Math.max(0, required - effective);
    statuses.push({
      skill: eo.skillIds[s]!,
      weight: eo.requirementWeightName[q]!,
      required,
      verified,
      assessed,
      effective,
      gap,
      weightedGap: eo.requirementWeight[q]! * gap,
      met: effective >= required,
    });
  }
  return statuses;
}

/**
 * Adds employee e's Σ w·min(E,R) and Σ w·R (rule 6) to `sums` [numerator, denominator], after
 * evaluating e at `day`.
 */
export function addReadiness(eo: EngineOrganisation, e: number, day: number, sums: Float64Array): void {
  const role = eo.employeeRole[e]!;
  if (role < 0) return;
  const end = eo.requirementStart[role + 1]!;
  const start = eo.requirementStart[role]!;
  if (start === end) return;
  evaluateEmployee(eo, e, day);
  const scratch = eo.scratch;
  let numerator = 0;
  let denominator = 0;
  for (let q = start; q < end; q++) {
    const s = eo.requirementSkill[q]!;
    const required = eo.requirementLevel[q]!;
    const weight = eo.requirementWeight[q]!;
    const effective = Math.max(verifiedLevel(scratch, s), assessedLevel(scratch, s));
    numerator += weight * Math.min(effective, required);
    denominator += weight * required;
  }
  sums[0]! += numerator;
  sums[1]! += denominator;
}

/** A pooled ratio of rule 6: 1 when nothing is required. */
export function readinessRatio(sums: Float64Array): number {
  return sums[1]! === 0 ? 1 : sums[0]! / sums[1]!;
}

/** Σ w·min(E,R) / Σ w·R over the employee's requirements; 1 when nothing is required. */
export function employeeReadiness(eo: EngineOrganisation, employeeId: string, asOf: IsoDate): number {
  const e = employeeIndexOf(eo, employeeId);
  const sums = new Float64Array(2);
  if (e >= 0) addReadiness(eo, e, dayOf(asOf), sums);
  return readinessRatio(sums);
}

/** The long gap report of SPEC §5, sorted by team, employee id, skill id (ordinal). */
export function gapReportLong(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GapLongRow[] {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const scratch = eo.scratch;
  const { memberStart, memberList, employees, employeeRole, requirementStart, requirementsBySkillId, requirementSkill, requirementLevel } = eo;
  const rows: GapLongRow[] = [];
  const memberEnd = memberStart[eo.teams.length]!;
  // Members are stored by team then id, so walking them in storage order is the report order.
  for (let m = 0; m < memberEnd; m++) {
    const e = memberList[m]!;
    if (mask !== null && mask[e] === 0) continue;
    const role = employeeRole[e]!;
    if (role < 0) continue;
    const start = requirementStart[role]!;
    const end = requirementStart[role + 1]!;
    if (start === end) continue;
    evaluateEmployee(eo, e, day);
    const employee = employees[e]!;
    for (let i = start; i < end; i++) {
      const q = requirementsBySkillId[i]!;
      const s = requirementSkill[q]!;
      const required = requirementLevel[q]!;
      const verified = scratch.verifiedStamp[s] === scratch.stamp ? scratch.verified[s]! : 0;
      const assessed = scratch.assessedStamp[s] === scratch.stamp ? scratch.assessedLevel[s]! : 0;
      const effective = verified > assessed ? verified : assessed;
      const gap = required > effective ? required - effective : 0;
      rows.push({
        employee_id: employee.id,
        employee_name: employee.name,
        team: employee.team,
        role: employee.role,
        skill_id: eo.skillIds[s]!,
        skill_name: eo.skillNames[s]!,
        weight: eo.requirementWeightName[q]!,
        required_level: required,
        verified_level: verified,
        assessed_level: assessed,
        effective_level: effective,
        gap,
        status: gap === 0 ? 'met' : 'gap',
      });
    }
  }
  return rows;
}
