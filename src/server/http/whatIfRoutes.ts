// What-if over HTTP: open or change a scenario (PUT), see what it changes (GET), keep or discard it.
import { route, json } from './routeTable';
import type { Organisation } from '../../domain/schema';
import { whatIfRequestSchema, type WhatIfStatus } from '../../api/contract';
import type { WhatIfScenario, WhatIfState } from '../state/whatIf';
import type { AuditLog } from '../store/auditLog';
import { recordChange, assertMayChangeData, callerKeyOf, guarded, callerOf, RequestRefused } from './requestContext';

/** What a scenario changes against the stored organisation, in words. */
function describeChanges(stored: Organisation, scenario: WhatIfScenario | undefined): string[] {
  if (!scenario) return [];
  const changes: string[] = [];
  const storedRoles = new Map(stored.roles.map((role) => [role.id, JSON.stringify(role)]));
  for (const role of scenario.roles ?? []) {
    const before = storedRoles.get(role.id);
    if (before === undefined) changes.push(`Role ${role.name} added`);
    else if (before !== JSON.stringify(role)) changes.push(`Requirements of ${role.name} changed`);
  }
  const storedCredentials = new Map(stored.credentials.map((credential) => [credential.id, JSON.stringify(credential)]));
  for (const credential of scenario.credentials ?? []) {
    const before = storedCredentials.get(credential.id);
    if (before === undefined) changes.push(`Credential ${credential.name} added to the catalog`);
    else if (before !== JSON.stringify(credential)) changes.push(`Credential ${credential.name} changed`);
  }
  return changes;
}

/** References a scenario must keep: skills that exist, components in the catalog, unique ids. */
function checkScenario(stored: Organisation, scenario: WhatIfScenario) {
  const skills = new Set(stored.skills.map((skill) => skill.id));
  for (const role of scenario.roles ?? []) {
    for (const requirement of role.requirements) {
      if (!skills.has(requirement.skill)) throw new RequestRefused(400, 'unknown-skill', `Role ${role.name} requires the unknown skill ${requirement.skill}.`);
    }
  }
  const credentials = scenario.credentials ?? stored.credentials;
  const ids = new Set<string>();
  for (const credential of credentials) {
    if (ids.has(credential.id)) throw new RequestRefused(400, 'duplicate-credential', `Two credentials have the id ${credential.id}.`);
    ids.add(credential.id);
    for (const grant of credential.grants) {
      if (!skills.has(grant.skill)) throw new RequestRefused(400, 'unknown-skill', `${credential.name} grants the unknown skill ${grant.skill}.`);
    }
  }
  for (const credential of credentials) {
    for (const component of credential.components ?? []) {
      if (!ids.has(component)) throw new RequestRefused(400, 'unknown-component', `${credential.name} stacks the unknown credential ${component}.`);
    }
  }
}

export function createWhatIfRoutes(state: WhatIfState, audit: AuditLog) {
  const status = async (owner: string): Promise<WhatIfStatus> => {
    const scenario = await state.scenario(owner);
    return { active: scenario !== undefined, changes: describeChanges((await state.stored()).org, scenario) };
  };
  return [
    route.get('/api/whatif', guarded(async ({ request }) => json(await status(callerKeyOf(request))))),

    route.put('/api/whatif', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const parsed = whatIfRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const stored = (await state.stored()).org;
      const owner = callerKeyOf(request);
      const scenario: WhatIfScenario = { ...(await state.scenario(owner)), ...parsed.data };
      checkScenario(stored, scenario);
      await state.setScenario(owner, scenario);
      return json(await status(owner));
    })),

    route.post('/api/whatif/keep', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const owner = callerKeyOf(request);
      if (!(await state.scenario(owner))) throw new RequestRefused(409, 'no-scenario', 'There is no what-if scenario to keep.');
      const changes = describeChanges((await state.stored()).org, await state.scenario(owner));
      await state.keep(owner);
      await recordChange(audit, request, 'whatif-kept', 'roles and catalog', { changes });
      return json(await status(owner));
    })),

    route.delete('/api/whatif', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const owner = callerKeyOf(request);
      await state.discard(owner);
      return json(await status(owner));
    })),
  ];
}
