// The Overview figures of SPEC §7 built from rules 1–11: readiness now and at the forecast date
// (rule 9: rules 1–8 at D+N, no renewals), critical gaps, single points of failure, expiring awards,
// goal completion and the top gaps by weighted gap.
import type { IsoDate } from '../schema';
import { addDays } from '../dates';
import { compareOrdinal } from '../reports';
import { evaluateEmployee, verifiedLevel, assessedLevel } from './evaluate';
import { pooledReadiness, teamFigures, teamMemberIndexes } from './coverage';
import { DEFAULT_HORIZON_DAYS, expiringAwards } from './expiry';
import { goalStates, goalSummary, type GoalSummary } from './goals';
import { dayOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface OverviewFigures {
  employees: number;
  teams: number;
  readiness: number;
  forecastReadiness: number;
  forecastDate: IsoDate;
  /** Unmet critical requirements. */
  criticalGaps: number;
  /** (team, skill) pairs that are single points of failure. */
  singlePointsOfFailure: number;
  expiringCount: number;
  goals: GoalSummary;
  /** Top skills (10 unless asked) by weighted gap, then more people with a gap, then skill id. */
  topGaps: { skill: string; skillName: string; weightedGap: number; peopleWithGap: number }[];
}

/** `topGapCount`: how many of the top gaps to list (every skill with a gap: Infinity). */
export function overviewFigures(eo: EngineOrganisation, asOf: IsoDate, scope?: Scope, horizonDays: number = DEFAULT_HORIZON_DAYS, topGapCount = 10): OverviewFigures {
  const day = dayOf(asOf);
  const mask = scopeMask(eo, scope);
  const scratch = eo.scratch;

  let employees = 0;
  let criticalGaps = 0;
  const skillWeightedGap = new Float64Array(eo.skillIds.length);
  const skillPeople = new Int32Array(eo.skillIds.length);
  for (let e = 0; e < eo.employees.length; e++) {
    if (mask !== null && mask[e] === 0) continue;
    employees++;
    const role = eo.employeeRole[e]!;
    if (role < 0) continue;
    evaluateEmployee(eo, e, day);
    for (let q = eo.requirementStart[role]!; q < eo.requirementStart[role + 1]!; q++) {
      const s = eo.requirementSkill[q]!;
      const gap = eo.requirementLevel[q]! - Math.max(verifiedLevel(scratch, s), assessedLevel(scratch, s));
      if (gap <= 0) continue;
      if (eo.requirementWeightName[q] === 'critical') criticalGaps++;
      skillWeightedGap[s]! += eo.requirementWeight[q]! * gap;
      skillPeople[s]!++;
    }
  }

  let teams = 0;
  let singlePointsOfFailure = 0;
  for (let t = 0; t < eo.teams.length; t++) {
    const members = teamMemberIndexes(eo, t, mask);
    if (members.length === 0) continue;
    teams++;
    for (const stat of teamFigures(eo, eo.teams[t]!, members, day).stats) if (stat.singlePointOfFailure) singlePointsOfFailure++;
  }

  const goals = goalSummary(goalStates(eo, asOf, scope));

  const topGaps: OverviewFigures['topGaps'] = [];
  for (let s = 0; s < eo.skillIds.length; s++) {
    if (skillPeople[s]! > 0) {
      topGaps.push({ skill: eo.skillIds[s]!, skillName: eo.skillNames[s]!, weightedGap: skillWeightedGap[s]!, peopleWithGap: skillPeople[s]! });
    }
  }
  topGaps.sort((a, b) => b.weightedGap - a.weightedGap || b.peopleWithGap - a.peopleWithGap || compareOrdinal(a.skill, b.skill));

  const forecastDate = addDays(asOf, horizonDays);
  return {
    employees,
    teams,
    readiness: pooledReadiness(eo, mask, day),
    forecastReadiness: pooledReadiness(eo, mask, day + horizonDays),
    forecastDate,
    criticalGaps,
    singlePointsOfFailure,
    expiringCount: expiringAwards(eo, asOf, horizonDays, scope).length,
    goals,
    topGaps: topGaps.slice(0, topGapCount),
  };
}
