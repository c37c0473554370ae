// Erasure and retention (SPEC §9): the organisation without one person — their record, awards,
// assessments, goals and interests gone, and nobody naming them as manager any more — and the day
// before which a leaver's records are kept no longer.
import { addMonths } from './dates';
import type { IsoDate, Organisation } from './schema';

export interface ErasedCounts {
  employees: number;
  awards: number;
  assessments: number;
  goals: number;
  interests: number;
  /** People whose manager was the erased person (their manager is now blank). */
  reports: number;
}

export function withoutPerson(org: Organisation, employeeId: string): { organisation: Organisation; erased: ErasedCounts } {
  const keep = <T extends { employee: string }>(records: readonly T[]) => records.filter((record) => record.employee !== employeeId);
  const employees = org.employees.filter((employee) => employee.id !== employeeId);
  let reports = 0;
  const unmanaged = employees.map((employee) => {
    if (employee.manager !== employeeId) return employee;
    reports++;
    const { manager: _erased, ...rest } = employee;
    return rest;
  });
  const organisation: Organisation = {
    ...org,
    employees: unmanaged,
    awards: keep(org.awards),
    assessments: keep(org.assessments),
    goals: keep(org.goals),
    interests: keep(org.interests),
  };
  return {
    organisation,
    erased: {
      employees: org.employees.length - employees.length,
      awards: org.awards.length - organisation.awards.length,
      assessments: org.assessments.length - organisation.assessments.length,
      goals: org.goals.length - organisation.goals.length,
      interests: org.interests.length - organisation.interests.length,
      reports,
    },
  };
}

/** Leavers who left before this day are erased by the retention rule of `months` months. */
export function retentionCutoff(today: IsoDate, months: number): IsoDate {
  return addMonths(today, -months);
}
