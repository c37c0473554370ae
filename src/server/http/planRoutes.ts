// The training plan over HTTP (issue 13 point 6): the page sends the plan it keeps; the server
// prices and totals it, writes it as CSV, or assigns it all as goals in one change. Each line's
// person must be in the caller's scope (an unknown id is refused like a forbidden one for a manager).
import { route, json } from './routeTable';
import { findEmployee, type EngineOrganisation } from '../../domain/engine';
import { defaultQuarter, planGoalsToAssign, quartersFrom, trainingPlan, trainingPlanCsv, type TrainingPlan } from '../../domain/recommend/trainingPlan';
import { planRequestSchema, type AssignGoalsResponse, type PlanRequest, type PlanSummary } from '../../api/contract';
import type { WhatIfState } from '../state/whatIf';
import type { AuditLog } from '../store/auditLog';
import { catalogCurrency, openGoalView } from './recommendRoutes';
import { assignGoalPairs } from './goalRoutes';
import { asOfOf, assertMaySeeTeam, baselineOf, callerOf, csvOptionsOf, csvResponse, draftIdOf, forbidden, guarded, RequestRefused, viewOf } from './requestContext';

/** How many quarters from the as-of date's a plan may use: this one and the next four. */
const PLAN_QUARTERS = 5;

async function planRequestOf(request: Request): Promise<ReturnType<typeof planRequestSchema.parse>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new RequestRefused(400, 'bad-body', 'The request body is not JSON.');
  }
  const parsed = planRequestSchema.safeParse(body);
  if (!parsed.success) throw new RequestRefused(400, 'bad-request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  return parsed.data;
}

/** The plan priced on `eo`, once every line's person is known to be the caller's to plan for. */
function pricedPlan(request: Request, state: WhatIfState, eo: EngineOrganisation, plan: PlanRequest): TrainingPlan {
  const caller = callerOf(request);
  const fallback = defaultQuarter(asOfOf(request, state));
  for (const item of plan.items) {
    for (const line of item.lines) {
      const employee = findEmployee(eo, line.employee);
      if (!employee) {
        if (caller.scope !== 'all') throw forbidden();
        throw new RequestRefused(400, 'unknown-employee', `The plan names ${line.employee}, who is not in the organisation (any more): remove the line.`);
      }
      assertMaySeeTeam(caller, employee.team);
    }
  }
  const items = plan.items.map((item) => ({ ...item, quarter: item.quarter ?? fallback }));
  const priced = trainingPlan(eo, items, plan.budget ?? null);
  if ('kind' in priced) {
    if (priced.kind === 'unknown-credential') throw new RequestRefused(400, 'unknown-credential', `The plan names ${priced.id}, which is not in the catalog (any more): remove the line.`);
    if (priced.kind === 'bad-quarter') throw new RequestRefused(400, 'bad-quarter', `${priced.quarter} is not a quarter such as 2027-Q1.`);
    throw new RequestRefused(400, 'unknown-employee', `The plan names ${priced.id}, who is not in the organisation.`);
  }
  return priced;
}

/** The plan's total cost and hours on the stored catalog; null when it names a course only a what-if draft has. */
function storedPricing(request: Request, state: WhatIfState, stored: EngineOrganisation, plan: PlanRequest): { cost: number; hours: number } | null {
  try {
    const { total } = pricedPlan(request, state, stored, plan);
    return { cost: total.cost, hours: total.hours };
  } catch (error) {
    if (error instanceof RequestRefused && error.code === 'unknown-credential') return null;
    throw error;
  }
}

export function createPlanRoutes(state: WhatIfState, audit: AuditLog) {
  return [
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
    })),

    route.post('/api/plan/export', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const plan = pricedPlan(request, state, eo, await planRequestOf(request));
      return csvResponse(trainingPlanCsv(plan, csvOptionsOf(new URL(request.url))), `training-plan-${asOfOf(request, state)}.csv`);
    })),

    route.post('/api/plan/assign', guarded(async ({ request }) => {
      const body = await planRequestOf(request);
      // Goals are stored data: priced on the organisation as stored (or the draft), whatever the evidence filter.
      const eo = await state.current(draftIdOf(request));
      const plan = pricedPlan(request, state, eo, body);
      const result = await assignGoalPairs(state, audit, request, eo, planGoalsToAssign(plan), body.kind, 'training plan');
      return json<AssignGoalsResponse>(result, { status: 201 });
    })),
  ];
}
