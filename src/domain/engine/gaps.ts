// Requirements against effective levels (SPEC §3 rules 4–6): gap, weighted gap, met, employee
// readiness, and the long gap report of SPEC §5 (one row per employee and required skill).
import type { Employee, IsoDate, Weight } from '../schema';
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

/**
 * The long gap report of SPEC §5 as columns: row i is employee `employee[i]` (an index into
 * `employees`) against the requirement `requirement[i]` of skill `skill[i]` (indexes into `weights`
 * and skillIds/skillNames), with its levels. Sorted by team, employee id, skill id (ordinal). A
 * million rows take about 20 MB here instead of a million row objects; gapReportLong and the CSV
 * writer both read it.
 */
export interface GapLongTable {
  length: number;
  employee: Int32Array;
  skill: Int32Array;
  requirement: Int32Array;
  required: Int8Array;
  verified: Int8Array;
  assessed: Int8Array;
  effective: Int8Array;
  gap: Int8Array;
  employees: readonly Employee[];
  skillIds: readonly string[];
  skillNames: readonly string[];
  weights: readonly Weight[];
}

/** A requirement is met when nothing is missing (SPEC §3 rule 5). */
export function gapStatus(gap: number): 'met' | 'gap' {
  return gap === 0 ? 'met' : 'gap';
}

/** The long gap report of SPEC §5 as columns (see GapLongTable). */
export function gapReportLongTable(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GapLongTable {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const scratch = eo.scratch;
  const { memberStart, memberList, employeeRole, requirementStart, requirementsBySkillId, requirementSkill, requirementLevel } = eo;
  const memberEnd = memberStart[eo.teams.length]!;
  const included = (e: number): boolean => (mask === null || mask[e] !== 0) && employeeRole[e]! >= 0;
  let length = 0;
  for (let m = 0; m < memberEnd; m++) {
    const e = memberList[m]!;
    if (included(e)) length += requirementStart[employeeRole[e]! + 1]! - requirementStart[employeeRole[e]!]!;
  }
  const table: GapLongTable = {
    length,
    employee: new Int32Array(length),
    skill: new Int32Array(length),
    requirement: new Int32Array(length),
    required: new Int8Array(length),
    verified: new Int8Array(length),
    assessed: new Int8Array(length),
    effective: new Int8Array(length),
    gap: new Int8Array(length),
    employees: eo.employees,
    skillIds: eo.skillIds,
    skillNames: eo.skillNames,
    weights: eo.requirementWeightName,
  };
  let row = 0;
  // Members are stored by team then id, so walking them in storage order is the report order.
  for (let m = 0; m < memberEnd; m++) {
    const e = memberList[m]!;
    if (!included(e)) continue;
    const role = employeeRole[e]!;
    const start = requirementStart[role]!;
    const end = requirementStart[role + 1]!;
    if (start === end) continue;
    evaluateEmployee(eo, e, day);
    for (let i = start; i < end; i++) {
      const q = requirementsBySkillId[i]!;
      const s = requirementSkill[q]!;
      const required = requirementLevel[q]!;
      const verified = scratch.verifiedStamp[s] === scratch.stamp ? scratch.verified[s]! : 0;
      const assessed = scratch.assessedStamp[s] === scratch.stamp ? scratch.assessedLevel[s]! : 0;
      const effective = verified > assessed ? verified : assessed;
      table.employee[row] = e;
      table.skill[row] = s;
      table.requirement[row] = q;
      table.required[row] = required;
      table.verified[row] = verified;
      table.assessed[row] = assessed;
      table.effective[row] = effective;
      table.gap[row] = required > effective ? required - effective : 0;
      row++;
    }
  }
  return table;
}

/** The long gap report of SPEC §5, sorted by team, employee id, skill id (ordinal). */
export function gapReportLong(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GapLongRow[] {
  const table = gapReportLongTable(eo, asOf, scope);
  const rows: GapLongRow[] = [];
  for (let i = 0; i < table.length; i++) {
    const employee = table.employees[table.employee[i]!]!;
    const s = table.skill[i]!;
    const gap = table.gap[i]!;
    rows.push({
      employee_id: employee.id,
      employee_name: employee.name,
      team: employee.team,
      role: employee.role,
      skill_id: table.skillIds[s]!,
      skill_name: table.skillNames[s]!,
      weight: table.weights[table.requirement[i]!]!,
      required_level: table.required[i]!,
      verified_level: table.verified[i]!,
      assessed_level: table.assessed[i]!,
      effective_level: table.effective[i]!,
      gap,
      status: gapStatus(gap),
    });
  }
  return rows;
}
