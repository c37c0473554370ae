// Requests that change data. After any of them the caller invalidates gapmapQueries.all: every
// figure may depend on what changed.
import type { z } from 'zod';
import { deleteJson, patchJson, postJson, postQuery, putJson } from './client';
import {
  assignGoalsResponseSchema,
  resetResponseSchema,
  updateGoalResponseSchema,
  whatIfStatusSchema,
  type AssignGoalsRequest,
  type PlanRequest,
  type WhatIfRequest,
  type Persona,
} from './contract';

export function resetToDemo(persona: Persona) {
  return postJson(resetResponseSchema, persona, '/demo/reset');
}

export function assignGoals(persona: Persona, request: AssignGoalsRequest) {
  return postJson(assignGoalsResponseSchema, persona, '/goals', request);
}

/** Every line of the training plan without an open goal becomes a goal, in one change. */
export function assignPlan(persona: Persona, plan: PlanRequest, asOf: string | undefined) {
  return postQuery(assignGoalsResponseSchema, persona, '/plan/assign', { asOf }, plan);
}

export function updateGoalStatus(persona: Persona, goalId: string, status: z.infer<typeof updateGoalResponseSchema>['goal']['status']) {
  return patchJson(updateGoalResponseSchema, persona, `/goals/${encodeURIComponent(goalId)}`, { status });
}

export function setWhatIf(persona: Persona, scenario: WhatIfRequest) {
  return putJson(whatIfStatusSchema, persona, '/whatif', scenario);
}

/** Keep or discard the draft the page's address names (its author only). */
export function keepWhatIf(persona: Persona) {
  return postJson(whatIfStatusSchema, persona, '/whatif/keep');
}

export function discardWhatIf(persona: Persona) {
  return deleteJson(whatIfStatusSchema, persona, '/whatif');
}
