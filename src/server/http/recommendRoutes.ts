// Recommendations over HTTP: an employee's optimal pathway, a team's cohorts, and a budget plan.
// The optimiser lives in src/domain/recommend; this file only scopes requests and joins names.
import { route, json } from './routeTable';
import { findEmployee, goalPairKey, membersOf, openGoalsByPair, teamsOf, type EngineOrganisation } from '../../domain/engine';
import { recommendPathway, type Pathway } from '../../domain/recommend/pathway';
import { assignedEmployees, cohortTotals, cohortsOf } from '../../domain/recommend/cohorts';
import { budgetPlan } from '../../domain/recommend/budget';
import type { Objective } from '../../domain/recommend/optimise';
import type { Goal, IsoDate } from '../../domain/schema';
import type { BudgetPlanView, CohortsView, OpenGoalView, PathwayView } from '../../api/contract';
import type { WhatIfState } from '../state/whatIf';
import { lookups } from '../state/responses';
import { asOfOf, assertMaySeeTeam, baselineOf, guarded, notFound, param, callerOf, RequestRefused, viewOf } from './requestContext';

function objectiveOf(request: Request): Objective {
  const objective = new URL(request.url).searchParams.get('objective') ?? 'cost';
  if (objective !== 'cost' && objective !== 'hours') throw new RequestRefused(400, 'bad-objective', `objective must be cost or hours, not "${objective}".`);
  return objective;
}

/** The catalog's currency: the one most credentials are priced in. */
export function catalogCurrency(eo: EngineOrganisation): string {
  const counts = new Map<string, number>();
  for (const credential of eo.org.credentials) if (credential.currency) counts.set(credential.currency, (counts.get(credential.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR';
}

/** An open goal as the recommendations show it (SPEC §3 rule 11: open as stored). */
export function openGoalView(goal: Goal | undefined): OpenGoalView | undefined {
  if (goal === undefined || (goal.status !== 'assigned' && goal.status !== 'in-progress')) return undefined;
  return { id: goal.id, dueOn: goal.dueOn, status: goal.status };
}

export function pathwayView(eo: EngineOrganisation, pathway: Pathway, asOf: IsoDate): PathwayView {
  const names = lookups(eo);
  const openGoals = openGoalsByPair(eo.org.goals.filter((goal) => goal.employee === pathway.employeeId));
  const grants = new Map(eo.org.credentials.map((credential) => [credential.id, credential.grants.map((grant) => grant.skill)]));
  const interests = new Set(eo.org.interests.filter((interest) => interest.employee === pathway.employeeId).map((interest) => interest.skill));
  return {
    ...pathway,
    asOf,
    currency: catalogCurrency(eo),
    steps: pathway.steps.map((step) => ({
      ...step,
      skillNamesClosed: step.skillsClosed.map(names.skillName),
      closes: step.closes.map((close) => ({ ...close, skillName: names.skillName(close.skill) })),
      goal: openGoalView(openGoals.get(goalPairKey(pathway.employeeId, step.credentialId))),
      completesStackName: step.completesStack ? names.credentialName(step.completesStack) : undefined,
      interesting: (grants.get(step.credentialId) ?? []).some((skill) => interests.has(skill)),
    })),
  };
}

function teamPathways(eo: EngineOrganisation, team: string, asOf: IsoDate, objective: Objective): Pathway[] {
  return membersOf(eo, team).map((member) => recommendPathway(eo, member.id, asOf, objective));
}

function knownTeam(eo: EngineOrganisation, request: Request, team: string) {
  assertMaySeeTeam(callerOf(request), team);
  if (!teamsOf(eo).includes(team)) throw new RequestRefused(404, 'not-found', `There is no team called ${team}.`);
}

export function createRecommendRoutes(state: WhatIfState) {
  return [
    route.get('/api/employees/:id/pathway', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const id = param(params.id);
      const employee = findEmployee(eo, id);
      const caller = callerOf(request);
      if (!employee) return notFound(caller, `There is no employee with id ${id}.`);
      assertMaySeeTeam(caller, employee.team);
      const asOf = asOfOf(request, state);
      const view = pathwayView(eo, recommendPathway(eo, id, asOf, objectiveOf(request)), asOf);
      // Under a what-if draft, the stored organisation's best pathway for the same person, in figures.
      const stored = await baselineOf(request, state);
      if (!stored || !findEmployee(stored, id)) return json(view);
      const before = pathwayView(stored, recommendPathway(stored, id, asOf, objectiveOf(request)), asOf);
      return json({
        ...view,
        baseline: { courses: before.steps.filter((step) => !step.isStack).length, totalCost: before.totalCost, totalHours: before.totalHours, weightedGapClosed: before.weightedGapClosed, unclosable: before.unclosable.length },
      });
    })),

    route.get('/api/teams/:team/cohorts', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      knownTeam(eo, request, team);
      const asOf = asOfOf(request, state);
      const objective = objectiveOf(request);
      const names = lookups(eo);
      const cohorts = cohortsOf(teamPathways(eo, team, asOf, objective));
      const openGoals = openGoalsByPair(eo.org.goals);
      const body: CohortsView = {
        asOf,
        team,
        objective,
        currency: catalogCurrency(eo),
        cohorts: cohorts.map((cohort) => ({
          ...cohort,
          employees: cohort.employees.map((id) => ({ id, name: names.employeeName(id) })),
          closes: cohort.closes.map((close) => ({ ...close, skillName: names.skillName(close.skill) })),
          bookings: cohort.bookings.map((booking) => ({ ...booking, goal: openGoalView(openGoals.get(goalPairKey(booking.employeeId, booking.credentialId))) })),
          assignedEmployees: assignedEmployees(cohort, openGoals),
        })),
        totals: cohortTotals(cohorts, openGoals),
      };
      const stored = await baselineOf(request, state);
      if (stored) {
        // The same team, objective and goals on the stored organisation: what the draft changes in what to book.
        const storedCohorts = cohortsOf(teamPathways(stored, team, asOf, objective));
        body.baseline = {
          totals: cohortTotals(storedCohorts, openGoals),
          cohorts: storedCohorts.map((cohort) => ({ credentialId: cohort.credentialId, name: cohort.name, people: cohort.employees.length, weightedGapClosed: cohort.weightedGapClosed, totalCost: cohort.totalCost, totalHours: cohort.totalHours })),
        };
      }
      return json(body);
    })),

    route.get('/api/teams/:team/budget', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const team = param(params.team);
      knownTeam(eo, request, team);
      const raw = new URL(request.url).searchParams.get('budget') ?? '';
      const budget = Number(raw);
      if (raw === '' || !Number.isFinite(budget) || budget < 0) throw new RequestRefused(400, 'bad-budget', `The budget must be a number of at least 0, not "${raw}".`);
      const asOf = asOfOf(request, state);
      const plan = budgetPlan(teamPathways(eo, team, asOf, objectiveOf(request)), budget);
      const stored = await baselineOf(request, state);
      const storedPlan = stored && budgetPlan(teamPathways(stored, team, asOf, objectiveOf(request)), budget);
      const names = lookups(eo);
      const body: BudgetPlanView = {
        ...plan,
        asOf,
        team,
        budget,
        currency: catalogCurrency(eo),
        assignments: plan.assignments.map((assignment) => ({
          ...assignment,
          employeeName: names.employeeName(assignment.employeeId),
          credentialName: names.credentialName(assignment.credentialId),
        })),
        ...(storedPlan ? { baseline: { spent: storedPlan.spent, weightedGapClosed: storedPlan.weightedGapClosed, totalWeightedGap: storedPlan.totalWeightedGap } } : {}),
      };
      return json(body);
    })),
  ];
}
