// The training plan over HTTP (issue 13 point 6): each author's plan is kept by the backend
// (GET/PUT /api/plan, state/plans.ts); the page sends the plan to price and total it, write it as
// CSV, or assign it all as goals in one change. Each line's person must be in the caller's scope
// (an unknown id is refused like a forbidden one for a manager).
import { route, json } from './routeTable';
import { findEmployee, type EngineOrganisation } from '../../domain/engine';
import { defaultQuarter, planGoalsToAssign, quartersFrom, trainingPlan, trainingPlanCsv, type TrainingPlan } from '../../domain/recommend/trainingPlan';
import { planRequestSchema, savedPlanSchema, type AssignGoalsResponse, type PlanRequest, type PlanSummary, type SavedPlan } from '../../api/contract';
import type { PlanStore } from '../state/plans';
import type { WhatIfState } from '../state/whatIf';
import type { AuditLog } from '../store/auditLog';
import { catalogCurrency, openGoalView } from './recommendRoutes';
import { assignGoalPairs } from './goalRoutes';
import { asOfOf, assertMaySeeTeam, baselineOf, bodyOf, callerKeyOf, callerOf, csvOptionsOf, csvResponse, draftIdOf, forbidden, guarded, RequestRefused, viewOf } from './requestContext';

/** How many quarters from the as-of date's a plan may use: this one and the next four. */
const PLAN_QUARTERS = 5;

/**
 * A plan of 5,000 items (the most one may hold) of a few people each is about 2 MB of JSON: more
 * than the default limit of a JSON body.
 */
const PLAN_BODY_LIMIT = 4 * 1024 * 1024;

const planRequestOf = (request: Request) => bodyOf(request, planRequestSchema);

const EMPTY_PLAN: SavedPlan = { items: [], budget: null };

/**
 * Refuses a plan naming someone the caller may not plan for (403). Someone not in the organisation
 * (any more) is refused too (400; 403 for a manager, who cannot tell) unless `leaversAllowed`: a
 * saved plan may keep a leaver's line until its author removes it, so that every other change to the
 * plan can still be saved; pricing it says which line to remove.
 */
function assertPlanInScope(request: Request, eo: EngineOrganisation, plan: SavedPlan, leaversAllowed = false): void {
  const caller = callerOf(request);
  for (const item of plan.items) {
    for (const line of item.lines) {
      const employee = findEmployee(eo, line.employee);
      if (!employee) {
        if (leaversAllowed) continue;
        if (caller.scope !== 'all') throw forbidden();
        throw new RequestRefused(400, 'unknown-employee', `The plan names ${line.employee}, who is not in the organisation (any more): remove the line.`);
      }
      assertMaySeeTeam(caller, employee.team);
    }
  }
}

/** The plan priced on `eo`, once every line's person is known to be the caller's to plan for. */
function pricedPlan(request: Request, state: WhatIfState, eo: EngineOrganisation, plan: PlanRequest): TrainingPlan {
  assertPlanInScope(request, eo, plan);
  const fallback = defaultQuarter(asOfOf(request, state));
  const items = plan.items.map((item) => ({ ...item, quarter: item.quarter ?? fallback }));
  const priced = trainingPlan(eo, items, plan.budget ?? null);
  if ('kind' in priced) {
    if (priced.kind === 'unknown-credential') throw new RequestRefused(400, 'unknown-credential', `The plan names ${priced.id}, which is not in the catalog (any more): remove the line.`);
    if (priced.kind === 'bad-quarter') throw new RequestRefused(400, 'bad-quarter', `${priced.quarter} is not a quarter such as 2027-Q1.`);
    throw new RequestRefused(400, 'unknown-employee', `The plan names ${priced.id}, who is not in the organisation.`);
  }
  return priced;
}

/** The plan priced on the stored catalog (totals, remaining budget, per team and per quarter); null when it names a course only a what-if draft has. */
function storedPricing(request: Request, state: WhatIfState, stored: EngineOrganisation, plan: PlanRequest): NonNullable<PlanSummary['baseline']> | null {
  try {
    const priced = pricedPlan(request, state, stored, plan);
    return {
      cost: priced.total.cost,
      hours: priced.total.hours,
      remaining: priced.remaining,
      byTeam: priced.byTeam.map(({ team, cost, hours }) => ({ team, cost, hours })),
      byQuarter: priced.byQuarter.map(({ quarter, cost, hours }) => ({ quarter, cost, hours })),
    };
  } catch (error) {
    if (error instanceof RequestRefused && error.code === 'unknown-credential') return null;
    throw error;
  }
}

export function createPlanRoutes(state: WhatIfState, audit: AuditLog, plans: PlanStore) {
  return [
    // The caller's own plan: nobody reads or writes another's. Every signed-in role may keep one
    // (HR reads and exports plans; the lines are checked against the caller's scope when priced).
    route.get('/api/plan', guarded(async ({ request }) => json<SavedPlan>((await plans.load(callerKeyOf(request))) ?? EMPTY_PLAN))),

    route.put('/api/plan', guarded(async ({ request }) => {
      const plan = await bodyOf(request, savedPlanSchema);
      // A plan holds only people its author may plan for, as when it is priced.
      assertPlanInScope(request, await state.current(), plan, true);
      await plans.save(callerKeyOf(request), plan);
      return json<SavedPlan>(plan);
    }), { maxBodyBytes: PLAN_BODY_LIMIT }),

    route.post('/api/plan/summary', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const body = await planRequestOf(request);
      const plan = pricedPlan(request, state, eo, body);
      const asOf = asOfOf(request, state);
      const stored = await baselineOf(request, state);
      return json<PlanSummary>({
        ...(stored ? { baseline: storedPricing(request, state, stored, body) } : {}),
        ...plan,
        asOf,
        currency: catalogCurrency(eo),
        quarters: quartersFrom(asOf, PLAN_QUARTERS),
        defaultQuarter: defaultQuarter(asOf),
        // The item's label is the page's own: not repeated on each of thousands of lines.
        lines: plan.lines.map(({ goal, itemLabel: _label, ...line }) => ({ ...line, goal: openGoalView(goal) })),
      });
    }), { maxBodyBytes: PLAN_BODY_LIMIT }),

    route.post('/api/plan/export', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const plan = pricedPlan(request, state, eo, await planRequestOf(request));
      return csvResponse(trainingPlanCsv(plan, csvOptionsOf(new URL(request.url))), `training-plan-${asOfOf(request, state)}.csv`);
    }), { maxBodyBytes: PLAN_BODY_LIMIT }),

    route.post('/api/plan/assign', guarded(async ({ request }) => {
      const body = await planRequestOf(request);
      // Goals are stored data: priced on the organisation as stored (or the draft), whatever the evidence filter.
      const eo = await state.current(draftIdOf(request));
      const plan = pricedPlan(request, state, eo, body);
      const result = await assignGoalPairs(state, audit, request, eo, planGoalsToAssign(plan), body.kind, 'training plan');
      return json<AssignGoalsResponse>(result, { status: 201 });
    }), { maxBodyBytes: PLAN_BODY_LIMIT }),
  ];
}
