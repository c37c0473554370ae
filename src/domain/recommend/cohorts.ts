// Team cohorts (SPEC §3 "Recommendations", per team): the per-employee optimal pathways grouped by
// what people book — who needs it, which gaps it closes (skill, from which level to which, for whom),
// the weighted gap it closes, its total cost and hours — to book from.
//
// A stack and the courses that earn it are ONE row: a course that helps earn a stack in someone's
// pathway belongs to that stack's row (the outermost one the pathway earns), with the stack's own
// weighted gap. Every pathway step lands in exactly one row, so a team's weighted gap, cost and hours
// add up across rows, each counted once. A course taken on its own (no stack earned) is its own row.
import type { Goal, IsoDate } from '../schema';
import { compareOrdinal } from '../reports';
import { goalPairKey, membersOf, type EngineOrganisation } from '../engine/index';
import type { Objective } from './optimise';
import { recommendPathway, type Pathway, type PathwayStep } from './pathway';

/** A gap the cohort closes for some of its members: the same skill from the same level to the same level. */
export interface CohortClose {
  skill: string;
  from: number;
  to: number;
  /** Employee ids, sorted. */
  employees: string[];
  /** Σ weight × (to − from) over those employees. */
  weightedGap: number;
}

/** One course its members book: for a stack's row, each component course with who books it. */
export interface CohortCourse {
  credentialId: string;
  name: string;
  /** Employee ids, sorted. */
  employees: string[];
  totalCost: number;
  totalHours: number;
}

/** One (employee, course) pair of the cohort: what booking or assigning it means. */
export interface CohortBooking {
  employeeId: string;
  credentialId: string;
}

export interface Cohort {
  /** The course, or for a stack's row the stack. */
  credentialId: string;
  name: string;
  /** A stack's row: nobody books the stack, its members book its courses (listed in `courses`). */
  isStack: boolean;
  /** Employee ids, sorted. */
  employees: string[];
  weightedGapClosed: number;
  totalCost: number;
  totalHours: number;
  /** The courses booked, by id (one for a course's row). */
  courses: CohortCourse[];
  /** The gaps closed, by skill id, then from level, then to level. */
  closes: CohortClose[];
  /** Every (employee, course) pair, by employee id then course id. */
  bookings: CohortBooking[];
}

/** The cohorts of a team's members (sorted by id) at `asOf`: most weighted gap closed first, then by id. */
export function teamCohorts(eo: EngineOrganisation, team: string, asOf: IsoDate, objective: Objective = 'cost'): Cohort[] {
  return cohortsOf(membersOf(eo, team).map((member) => recommendPathway(eo, member.id, asOf, objective)));
}

/** The row a step belongs to: the outermost stack its pathway earns with it, else the step itself. */
function rowOf(step: PathwayStep, pathway: Pathway): { id: string; name: string; isStack: boolean } {
  if (!step.isStack) {
    if (step.completesStack === undefined) return { id: step.credentialId, name: step.name, isStack: false };
    const stack = pathway.steps.find((candidate) => candidate.credentialId === step.completesStack);
    return { id: step.completesStack, name: stack?.name ?? step.completesStack, isStack: true };
  }
  // A stack (inner or outer) goes where the courses it needs go; a stack needing no course stands alone.
  const firstNeed = step.needs?.[0];
  const course = firstNeed === undefined ? undefined : pathway.steps.find((candidate) => candidate.credentialId === firstNeed);
  if (course?.completesStack === undefined) return { id: step.credentialId, name: step.name, isStack: true };
  return rowOf(course, pathway);
}

interface RowBuilder {
  id: string;
  name: string;
  isStack: boolean;
  employees: Set<string>;
  weightedGapClosed: number;
  costCents: number;
  hoursCents: number;
  courses: Map<string, { name: string; employees: Set<string>; costCents: number; hoursCents: number }>;
  closes: Map<string, CohortClose>;
  bookings: CohortBooking[];
}

/** Groups pathways already computed (for a team, or any selection) into cohort rows. */
export function cohortsOf(pathways: readonly Pathway[]): Cohort[] {
  // Money and hours are summed in hundredths so a cohort's total does not depend on the order of its members.
  const rows = new Map<string, RowBuilder>();
  for (const pathway of pathways) {
    for (const step of pathway.steps) {
      const { id, name, isStack } = rowOf(step, pathway);
      let row = rows.get(id);
      if (!row) {
        row = { id, name, isStack, employees: new Set(), weightedGapClosed: 0, costCents: 0, hoursCents: 0, courses: new Map(), closes: new Map(), bookings: [] };
        rows.set(id, row);
      }
      row.employees.add(pathway.employeeId);
      row.weightedGapClosed += step.weightedGapClosed;
      for (const close of step.closes) {
        const key = `${close.skill}\u0000${close.from}\u0000${close.to}`;
        const entry = row.closes.get(key) ?? { skill: close.skill, from: close.from, to: close.to, employees: [], weightedGap: 0 };
        entry.employees.push(pathway.employeeId);
        entry.weightedGap += close.weightedGap;
        row.closes.set(key, entry);
      }
      if (step.isStack) continue; // earned, never booked: no cost, hours or booking of its own
      const cost = Math.round(step.cost * 100);
      const hours = Math.round(step.hours * 100);
      row.costCents += cost;
      row.hoursCents += hours;
      const course = row.courses.get(step.credentialId) ?? { name: step.name, employees: new Set<string>(), costCents: 0, hoursCents: 0 };
      course.employees.add(pathway.employeeId);
      course.costCents += cost;
      course.hoursCents += hours;
      row.courses.set(step.credentialId, course);
      row.bookings.push({ employeeId: pathway.employeeId, credentialId: step.credentialId });
    }
  }
  const cohorts = [...rows.values()].map(
    (row): Cohort => ({
      credentialId: row.id,
      name: row.name,
      isStack: row.isStack,
      employees: sortedIds(row.employees),
      weightedGapClosed: row.weightedGapClosed,
      totalCost: row.costCents / 100,
      totalHours: row.hoursCents / 100,
      courses: [...row.courses.entries()]
        .sort(([a], [b]) => compareOrdinal(a, b))
        .map(([credentialId, course]) => ({ credentialId, name: course.name, employees: sortedIds(course.employees), totalCost: course.costCents / 100, totalHours: course.hoursCents / 100 })),
      closes: [...row.closes.values()]
        .map((close) => ({ ...close, employees: sortedIds(close.employees) }))
        .sort((a, b) => compareOrdinal(a.skill, b.skill) || a.from - b.from || a.to - b.to),
      bookings: row.bookings.sort((a, b) => compareOrdinal(a.employeeId, b.employeeId) || compareOrdinal(a.credentialId, b.credentialId)),
    }),
  );
  return cohorts.sort((a, b) => b.weightedGapClosed - a.weightedGapClosed || compareOrdinal(a.credentialId, b.credentialId));
}

function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareOrdinal);
}

/** Members of a cohort every booking of whom already has an open goal (`openGoalsByPair`), sorted. */
export function assignedEmployees(cohort: Cohort, openGoals: ReadonlyMap<string, Goal>): string[] {
  const unassigned = new Set(cohort.bookings.filter((booking) => !openGoals.has(goalPairKey(booking.employeeId, booking.credentialId))).map((booking) => booking.employeeId));
  return cohort.employees.filter((employee) => !unassigned.has(employee));
}

export interface CohortTotals {
  /** Distinct people over all rows. */
  people: number;
  /** (employee, course) pairs over all rows, and how many of them already have an open goal. */
  bookings: number;
  assigned: number;
  cost: number;
  hours: number;
  weightedGapClosed: number;
}

/** What booking every cohort costs, takes and closes: each step is in one row, so rows add up. */
export function cohortTotals(cohorts: readonly Cohort[], openGoals: ReadonlyMap<string, Goal>): CohortTotals {
  const people = new Set<string>();
  let bookings = 0;
  let assigned = 0;
  let costCents = 0;
  let hoursCents = 0;
  let weightedGapClosed = 0;
  for (const cohort of cohorts) {
    for (const employee of cohort.employees) people.add(employee);
    bookings += cohort.bookings.length;
    for (const booking of cohort.bookings) if (openGoals.has(goalPairKey(booking.employeeId, booking.credentialId))) assigned++;
    costCents += Math.round(cohort.totalCost * 100);
    hoursCents += Math.round(cohort.totalHours * 100);
    weightedGapClosed += cohort.weightedGapClosed;
  }
  return { people: people.size, bookings, assigned, cost: costCents / 100, hours: hoursCents / 100, weightedGapClosed };
}
