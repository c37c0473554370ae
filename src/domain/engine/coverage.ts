// Team figures (SPEC §3 rules 7–8): coverage, pooled readiness, bench strength and single points
// of failure per team and skill, the team gap report of SPEC §5, and pooled org readiness.
import type { IsoDate } from '../schema';
import type { GapTeamRow } from '../reports';
import { compareOrdinal } from '../reports';
import { assessedLevel, evaluateEmployee, verifiedLevel } from './evaluate';
import { addReadiness, readinessRatio } from './gaps';
import { dayOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface TeamSkillStat {
  team: string;
  skill: string;
  /** Members whose role requires the skill. */
  requiredCount: number;
  metCount: number;
  /** metCount / requiredCount; null when nobody requires the skill. */
  coverage: number | null;
  totalGap: number;
  weightedGap: number;
  /** Members of any role at or above `highestRequired`. */
  bench: number;
  highestRequired: number;
  /** Critical in at least one member's role. */
  critical: boolean;
  singlePointOfFailure: boolean;
  /** Ids of the bench, sorted. */
  benchMembers: string[];
}

export interface TeamFigures {
  stats: TeamSkillStat[];
  /** [Σ w·min(E,R), Σ w·R] pooled over the members. */
  readinessSums: Float64Array;
}

/** Rules 7–8 over some members of one team (indexes in id order); skills required by them, by skill id. */
export function teamFigures(eo: EngineOrganisation, team: string, members: ArrayLike<number>, day: number): TeamFigures {
  const scratch = eo.scratch;
  const slotOf = new Int32Array(eo.skillIds.length).fill(-1);
  const slotSkill: number[] = [];
  const highest: number[] = [];
  const critical: boolean[] = [];
  for (let m = 0; m < members.length; m++) {
    const role = eo.employeeRole[members[m]!]!;
    if (role < 0) continue;
    for (let q = eo.requirementStart[role]!; q < eo.requirementStart[role + 1]!; q++) {
      const s = eo.requirementSkill[q]!;
      let slot = slotOf[s]!;
      if (slot < 0) {
        slot = slotSkill.length;
        slotOf[s] = slot;
        slotSkill.push(s);
        highest.push(0);
        critical.push(false);
      }
      highest[slot] = Math.max(highest[slot]!, eo.requirementLevel[q]!);
      if (eo.requirementWeightName[q] === 'critical') critical[slot] = true;
    }
  }

  const slots = slotSkill.length;
  const requiredCount = new Int32Array(slots);
  const metCount = new Int32Array(slots);
  const totalGap = new Int32Array(slots);
  const weightedGap = new Int32Array(slots);
  const benchMembers: string[][] = Array.from({ length: slots }, () => []);
  const readinessSums = new Float64Array(2);
  const benchSeen = new Int32Array(slots).fill(-1);
  const considerBench = (s: number, m: number): void => {
    const slot = slotOf[s]!;
    if (slot < 0 || benchSeen[slot] === m) return;
    benchSeen[slot] = m;
    if (Math.max(verifiedLevel(scratch, s), assessedLevel(scratch, s)) >= highest[slot]!) benchMembers[slot]!.push(eo.employees[members[m]!]!.id);
  };
  for (let m = 0; m < members.length; m++) {
    const e = members[m]!;
    const role = eo.employeeRole[e]!;
    addReadiness(eo, e, day, readinessSums);
    // addReadiness skips the evaluation when the role requires nothing, but the bench counts everyone.
    if (role < 0 || eo.requirementStart[role] === eo.requirementStart[role + 1]) evaluateEmployee(eo, e, day);
    if (role >= 0) {
      for (let q = eo.requirementStart[role]!; q < eo.requirementStart[role + 1]!; q++) {
        const s = eo.requirementSkill[q]!;
        const slot = slotOf[s]!;
        const required = eo.requirementLevel[q]!;
        const effective = Math.max(verifiedLevel(scratch, s), assessedLevel(scratch, s));
        requiredCount[slot]!++;
        if (effective >= required) metCount[slot]!++;
        else {
          totalGap[slot]! += required - effective;
          weightedGap[slot]! += eo.requirementWeight[q]! * (required - effective);
        }
      }
    }
    // The bench needs E ≥ highest ≥ 1, so only skills the member has some level in can qualify:
    // those granted by a held credential or assessed, far fewer than the team's skills.
    for (let i = 0; i < scratch.heldCount; i++) {
      const c = scratch.heldList[i]!;
      for (let g = eo.grantStart[c]!; g < eo.grantStart[c + 1]!; g++) considerBench(eo.grantSkill[g]!, m);
    }
    for (let a = eo.assessmentStart[e]!; a < eo.assessmentStart[e + 1]!; a++) {
      if (eo.assessmentDay[a]! <= day) considerBench(eo.assessmentSkill[a]!, m);
    }
  }

  const stats: TeamSkillStat[] = [];
  for (let slot = 0; slot < slots; slot++) {
    const bench = benchMembers[slot]!.length;
    stats.push({
      team,
      skill: eo.skillIds[slotSkill[slot]!]!,
      requiredCount: requiredCount[slot]!,
      metCount: metCount[slot]!,
      coverage: requiredCount[slot]! === 0 ? null : metCount[slot]! / requiredCount[slot]!,
      totalGap: totalGap[slot]!,
      weightedGap: weightedGap[slot]!,
      bench,
      highestRequired: highest[slot]!,
      critical: critical[slot]!,
      singlePointOfFailure: critical[slot]! && bench <= 1,
      benchMembers: benchMembers[slot]!.sort(compareOrdinal),
    });
  }
  stats.sort((a, b) => compareOrdinal(a.skill, b.skill));
  return { stats, readinessSums };
}

/** Member indexes of team index t that are in the mask (all when the mask is null), in id order. */
export function teamMemberIndexes(eo: EngineOrganisation, t: number, mask: Uint8Array | null): Int32Array {
  const all = eo.memberList.subarray(eo.memberStart[t]!, eo.memberStart[t + 1]!);
  return mask === null ? all : all.filter((e) => mask[e] === 1);
}

/** Each skill required in the team, by skill id (empty for an unknown team). */
export function teamSkillStats(eo: EngineOrganisation, team: string, asOf: IsoDate): TeamSkillStat[] {
  const t = eo.teamIndex.get(team);
  if (t === undefined) return [];
  return teamFigures(eo, team, teamMemberIndexes(eo, t, null), dayOf(asOf)).stats;
}

/** Rule 6 pooled over the team's members; 1 when nothing is required (or the team is unknown). */
export function teamReadiness(eo: EngineOrganisation, team: string, asOf: IsoDate): number {
  const t = eo.teamIndex.get(team);
  const sums = new Float64Array(2);
  if (t !== undefined) {
    const day = dayOf(asOf);
    for (const e of teamMemberIndexes(eo, t, null)) addReadiness(eo, e, day, sums);
  }
  return readinessRatio(sums);
}

/** Rule 6 pooled over the employees in the mask at a day number. */
export function pooledReadiness(eo: EngineOrganisation, mask: Uint8Array | null, day: number): number {
  const sums = new Float64Array(2);
  for (let e = 0; e < eo.employees.length; e++) {
    if (mask === null || mask[e] === 1) addReadiness(eo, e, day, sums);
  }
  return readinessRatio(sums);
}

/**
 * True when employee e may hold something different at day `to` than at day `from` (from < to):
 * an award starts in (from, to], one lapses (its last day in [from, to)), or an assessment is dated
 * in (from, to]. Nothing else in rules 1–5 depends on the day.
 */
function changesBetween(eo: EngineOrganisation, e: number, from: number, to: number): boolean {
  for (let a = eo.awardStart[e]!; a < eo.awardStart[e + 1]!; a++) {
    const issued = eo.awardIssued[a]!;
    const expires = eo.awardExpires[a]!;
    if ((issued > from && issued <= to) || (expires >= from && expires < to)) return true;
  }
  for (let a = eo.assessmentStart[e]!; a < eo.assessmentStart[e + 1]!; a++) {
    const when = eo.assessmentDay[a]!;
    if (when > from && when <= to) return true;
  }
  return false;
}

/**
 * pooledReadiness at each of several days (ascending), the same numbers: an employee is evaluated
 * again only when something of theirs changed since the previous day, so a 12-month trend over
 * 100,000 people costs little more than one day (most people change nothing in a month).
 */
export function pooledReadinessSeries(eo: EngineOrganisation, mask: Uint8Array | null, days: readonly number[]): number[] {
  const numerators = new Float64Array(days.length);
  let denominator = 0;
  const sums = new Float64Array(2);
  for (let e = 0; e < eo.employees.length; e++) {
    if (mask !== null && mask[e] !== 1) continue;
    let numerator = 0;
    for (let k = 0; k < days.length; k++) {
      if (k === 0 || changesBetween(eo, e, days[k - 1]!, days[k]!)) {
        sums[0] = 0;
        sums[1] = 0;
        addReadiness(eo, e, days[k]!, sums);
        numerator = sums[0];
        if (k === 0) denominator += sums[1];
      }
      numerators[k]! += numerator;
    }
  }
  return Array.from(numerators, (numerator) => (denominator === 0 ? 1 : numerator / denominator));
}

/** Rule 6 pooled over every employee in scope. */
export function orgReadiness(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): number {
  return pooledReadiness(eo, scopeMask(eo, scope), dayOf(asOf));
}

/**
 * The team gap report of SPEC §5: one row per team and skill required in it, by team then skill id.
 * With a scope, each team's figures cover its members in scope.
 */
export function gapReportTeam(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope): GapTeamRow[] {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const rows: GapTeamRow[] = [];
  for (let t = 0; t < eo.teams.length; t++) {
    const members = teamMemberIndexes(eo, t, mask);
    if (members.length === 0) continue;
    for (const stat of teamFigures(eo, eo.teams[t]!, members, day).stats) {
      rows.push({
        team: stat.team,
        skill_id: stat.skill,
        skill_name: eo.skillNames[eo.skillIndex.get(stat.skill)!]!,
        required_count: stat.requiredCount,
        met_count: stat.metCount,
        coverage: stat.coverage ?? 0,
        total_gap: stat.totalGap,
        weighted_gap: stat.weightedGap,
        bench: stat.bench,
      });
    }
  }
  return rows;
}
