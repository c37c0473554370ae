// One employee's own records (awards, assessments, goals, interests) without scanning the whole
// organisation: an employee page of a 100,000-person organisation would otherwise walk a million
// awards for a dozen. Awards and assessments come from the engine's per-employee grouping; goals
// and interests are grouped once per prepared organisation, on first use.
import type { Assessment, Award, Goal, Interest } from '../schema';
import { employeeIndexOf } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface EmployeeRecords {
  awards: Award[];
  assessments: Assessment[];
  goals: Goal[];
  interests: Interest[];
}

interface ByEmployee {
  goals: Map<string, Goal[]>;
  interests: Map<string, Interest[]>;
}

const grouped = new WeakMap<EngineOrganisation, ByEmployee>();

function group<T extends { employee: string }>(records: readonly T[]): Map<string, T[]> {
  const byEmployee = new Map<string, T[]>();
  for (const record of records) {
    const own = byEmployee.get(record.employee);
    if (own) own.push(record);
    else byEmployee.set(record.employee, [record]);
  }
  return byEmployee;
}

function byEmployee(eo: EngineOrganisation): ByEmployee {
  let groups = grouped.get(eo);
  if (!groups) {
    groups = { goals: group(eo.org.goals), interests: group(eo.org.interests) };
    grouped.set(eo, groups);
  }
  return groups;
}

/**
 * The records that name this employee, each list in the stored order (as a filter over the
 * organisation would give). Needs an organisation prepared from records (prepareOrganisation), not
 * from columns: the engine's award and assessment groups then index org.awards and org.assessments.
 */
export function employeeRecords(eo: EngineOrganisation, employeeId: string): EmployeeRecords {
  const e = employeeIndexOf(eo, employeeId);
  const awards: Award[] = [];
  const assessments: Assessment[] = [];
  if (e >= 0) {
    for (let a = eo.awardStart[e]!; a < eo.awardStart[e + 1]!; a++) awards.push(eo.org.awards[eo.awardRecord[a]!]!);
    for (let a = eo.assessmentStart[e]!; a < eo.assessmentStart[e + 1]!; a++) assessments.push(eo.org.assessments[eo.assessmentRecord[a]!]!);
  }
  const groups = byEmployee(eo);
  return { awards, assessments, goals: groups.goals.get(employeeId) ?? [], interests: groups.interests.get(employeeId) ?? [] };
}
