// Requests that change data. After any of them the caller invalidates gapmapQueries.all: every
// figure may depend on what changed.
import { contractSchemas, deleteJson, lazySchema, patchJson, postJson, putJson } from './client';
import type { AssignGoalsRequest, GoalStatusUpdate, Persona, WhatIfRequest } from './contract';

const schema = <Name extends keyof Awaited<ReturnType<typeof contractSchemas>>>(name: Name) => lazySchema(contractSchemas, name);

export function resetToDemo(persona: Persona) {
  return postJson(schema('resetResponseSchema'), persona, '/demo/reset');
}

export function assignGoals(persona: Persona, request: AssignGoalsRequest) {
  return postJson(schema('assignGoalsResponseSchema'), persona, '/goals', request);
}

export function updateGoalStatus(persona: Persona, goalId: string, status: GoalStatusUpdate) {
  return patchJson(schema('updateGoalResponseSchema'), persona, `/goals/${encodeURIComponent(goalId)}`, { status });
}

export function setWhatIf(persona: Persona, scenario: WhatIfRequest) {
  return putJson(schema('whatIfStatusSchema'), persona, '/whatif', scenario);
}

export function keepWhatIf(persona: Persona) {
  return postJson(schema('whatIfStatusSchema'), persona, '/whatif/keep');
}

export function discardWhatIf(persona: Persona) {
  return deleteJson(schema('whatIfStatusSchema'), persona, '/whatif');
}
