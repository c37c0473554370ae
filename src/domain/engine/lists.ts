// The people behind the Overview's figures (SPEC §7, issue 13): each critical gap, each single point
// of failure, each overdue goal, and a team's gaps in one skill — the same rules as overviewFigures
// and teamSkillStats, listed row by row so every figure opens its list and adds up to it.
import type { Credential, IsoDate, Weight } from '../schema';
import { compareOrdinal } from '../reports';
import { assessedLevel, evaluateEmployee, verifiedLevel } from './evaluate';
import { teamFigures, teamMemberIndexes } from './coverage';
import { goalStates, type GoalState } from './goals';
import { dayOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

/** One unmet requirement of one person (a row of "Critical gaps" or of a team's gaps in a skill). */
export interface PersonGap {
  employee: string;
  team: string;
  role: string;
  skill: string;
  weight: Weight;
  required: number;
  verified: number;
  assessed: number;
  effective: number;
  gap: number;
}

/**
 * Unmet requirements of the employees in scope, by team, employee id, then the role's order; only
 * those of `weight` when given, only of `skill` when given. With weight 'critical' there is one row
 * per critical gap the Overview counts.
 */
export function unmetRequirements(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope, filter: { weight?: Weight; skill?: string } = {}): PersonGap[] {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const onlySkill = filter.skill === undefined ? -1 : (eo.skillIndex.get(filter.skill) ?? -2);
  if (onlySkill === -2) return [];
  const rows: PersonGap[] = [];
  const memberEnd = eo.memberStart[eo.teams.length]!;
  // Members are stored by team then id: walking them in storage order is the list's order.
  for (let m = 0; m < memberEnd; m++) {
    const e = eo.memberList[m]!;
    if (mask !== null && mask[e] === 0) continue;
    const role = eo.employeeRole[e]!;
    if (role < 0) continue;
    let evaluated = false;
    for (let q = eo.requirementStart[role]!; q < eo.requirementStart[role + 1]!; q++) {
      const s = eo.requirementSkill[q]!;
      if (onlySkill >= 0 && s !== onlySkill) continue;
      if (filter.weight !== undefined && eo.requirementWeightName[q] !== filter.weight) continue;
      if (!evaluated) {
        evaluateEmployee(eo, e, day);
        evaluated = true;
      }
      const verified = verifiedLevel(eo.scratch, s);
      const assessed = assessedLevel(eo.scratch, s);
      const effective = Math.max(verified, assessed);
      const required = eo.requirementLevel[q]!;
      if (effective >= required) continue;
      const employee = eo.employees[e]!;
      rows.push({
        employee: employee.id,
        team: employee.team,
        role: employee.role,
        skill: eo.skillIds[s]!,
        weight: eo.requirementWeightName[q]!,
        required,
        verified,
        assessed,
        effective,
        gap: required - effective,
      });
    }
  }
  return rows;
}

/** A critical team skill held (at the highest level required in the team) by one person or none. */
export interface SinglePointOfFailure {
  team: string;
  skill: string;
  highestRequired: number;
  requiredCount: number;
  metCount: number;
  /** Ids of the people who hold it, sorted (zero or one of them). */
  benchMembers: string[];
  /** Members of the team in scope not on the bench, sorted: whom to train as a second holder. */
  candidates: string[];
}

/** Each single point of failure of the teams in scope (SPEC §3 rule 8), by team then skill id. */
export function singlePointsOfFailure(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): SinglePointOfFailure[] {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const rows: SinglePointOfFailure[] = [];
  for (let t = 0; t < eo.teams.length; t++) {
    const members = teamMemberIndexes(eo, t, mask);
    if (members.length === 0) continue;
    const ids = Array.from(members, (e) => eo.employees[e]!.id);
    for (const stat of teamFigures(eo, eo.teams[t]!, members, day).stats) {
      if (!stat.singlePointOfFailure) continue;
      const bench = new Set(stat.benchMembers);
      rows.push({
        team: stat.team,
        skill: stat.skill,
        highestRequired: stat.highestRequired,
        requiredCount: stat.requiredCount,
        metCount: stat.metCount,
        benchMembers: stat.benchMembers,
        candidates: ids.filter((id) => !bench.has(id)).sort(compareOrdinal),
      });
    }
  }
  return rows;
}

/** Goals of employees in scope that are overdue at asOf (SPEC §3 rule 11), by due date, employee, goal id. */
export function overdueGoals(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GoalState[] {
  return goalStates(eo, asOf, scope)
    .filter((state) => state.overdue)
    .sort((a, b) => compareOrdinal(a.goal.dueOn, b.goal.dueOn) || compareOrdinal(a.goal.employee, b.goal.employee) || compareOrdinal(a.goal.id, b.goal.id));
}

/**
 * Catalog credentials that grant `skill` at `level` or above — what closes a gap in it — cheapest
 * first (unknown cost last), then fewer hours, then id.
 */
export function credentialsGranting(eo: EngineOrganisation, skill: string, level: number): Credential[] {
  const price = (credential: Credential) => credential.cost ?? Number.POSITIVE_INFINITY;
  const hours = (credential: Credential) => credential.hours ?? Number.POSITIVE_INFINITY;
  return eo.org.credentials
    .filter((credential) => credential.grants.some((grant) => grant.skill === skill && grant.level >= level))
    .sort((a, b) => price(a) - price(b) || hours(a) - hours(b) || compareOrdinal(a.id, b.id));
}
