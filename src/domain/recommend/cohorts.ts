// Team cohorts (SPEC §3 "Recommendations", per team): the per-employee optimal pathways grouped by
// credential — who needs it, the weighted gap it closes, its total cost and hours — to book from.
import type { IsoDate } from '../schema';
import { compareOrdinal } from '../reports';
import { membersOf, type EngineOrganisation } from '../engine/index';
import type { Objective } from './optimise';
import { recommendPathway, type Pathway } from './pathway';

export interface Cohort {
  credentialId: string;
  name: string;
  /** Employee ids, sorted. */
  employees: string[];
  weightedGapClosed: number;
  totalCost: number;
  totalHours: number;
  /** An earned stack: nobody books it, its members earn it by completing its components (cost 0). */
  isStack: boolean;
}

/** The cohorts of a team's members (sorted by id) at `asOf`: most weighted gap closed first, then by id. */
export function teamCohorts(eo: EngineOrganisation, team: string, asOf: IsoDate, objective: Objective = 'cost'): Cohort[] {
  return cohortsOf(membersOf(eo, team).map((member) => recommendPathway(eo, member.id, asOf, objective)));
}

/** Groups pathways already computed (for a team, or any selection) by credential. */
export function cohortsOf(pathways: readonly Pathway[]): Cohort[] {
  // Money and hours are summed in hundredths so a cohort's total does not depend on the order of its members.
  const groups = new Map<string, { cohort: Cohort; costCents: number; hoursCents: number }>();
  for (const pathway of pathways) {
    for (const step of pathway.steps) {
      let group = groups.get(step.credentialId);
      if (!group) {
        group = {
          cohort: { credentialId: step.credentialId, name: step.name, employees: [], weightedGapClosed: 0, totalCost: 0, totalHours: 0, isStack: step.isStack },
          costCents: 0,
          hoursCents: 0,
        };
        groups.set(step.credentialId, group);
      }
      group.cohort.employees.push(pathway.employeeId);
      group.cohort.weightedGapClosed += step.weightedGapClosed;
      group.costCents += Math.round(step.cost * 100);
      group.hoursCents += Math.round(step.hours * 100);
    }
  }
  const cohorts = [...groups.values()].map(({ cohort, costCents, hoursCents }) => ({
    ...cohort,
    employees: [...new Set(cohort.employees)].sort(compareOrdinal),
    totalCost: costCents / 100,
    totalHours: hoursCents / 100,
  }));
  return cohorts.sort((a, b) => b.weightedGapClosed - a.weightedGapClosed || compareOrdinal(a.credentialId, b.credentialId));
}
