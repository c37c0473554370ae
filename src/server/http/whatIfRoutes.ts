// What-if over HTTP: make or change a draft (PUT), see what the draft an address names changes (GET),
// keep or discard it (its author only).
import { route, json } from './routeTable';
import type { Organisation } from '../../domain/schema';
import { describeScenarioChanges } from '../../domain/scenarioChanges';
import { whatIfRequestSchema, type WhatIfStatus } from '../../api/contract';
import { NoSuchDraftError, type WhatIfDraft, type WhatIfScenario, type WhatIfState } from '../state/whatIf';
import type { AuditLog } from '../store/auditLog';
import { auditedChange, assertMayChangeData, callerKeyOf, callerOf, draftIdOf, guarded, RequestRefused } from './requestContext';

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
  const status = async (request: Request, draft: WhatIfDraft | undefined): Promise<WhatIfStatus> => {
    if (!draft) return { active: false, changes: [] };
    return { active: true, id: draft.id, mine: draft.owner === callerKeyOf(request), changes: describeScenarioChanges((await state.stored()).org, draft.scenario) };
  };
  /** The draft the request names, which only its author may change, keep or discard. */
  const ownDraft = async (request: Request): Promise<WhatIfDraft> => {
    assertMayChangeData(callerOf(request));
    const id = draftIdOf(request);
    if (id === undefined) throw new RequestRefused(409, 'no-scenario', 'Name the what-if draft (scenario=ID) to keep or discard.');
    const draft = await state.draft(id);
    if (!draft) throw new NoSuchDraftError(id);
    if (draft.owner !== callerKeyOf(request)) throw new RequestRefused(403, 'forbidden', 'Only the author of this what-if draft can change, keep or discard it.');
    return draft;
  };
  return [
    // The draft the address names: what it changes, and whether it is the caller's own.
    route.get('/api/whatif', guarded(async ({ request }) => {
      const id = draftIdOf(request);
      if (id === undefined) return json(await status(request, undefined));
      const draft = await state.draft(id);
      return json(draft ? await status(request, draft) : { active: false, changes: [], gone: true });
    })),

    // Without scenario=ID a new draft; with it, the author's draft changed.
    route.put('/api/whatif', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const parsed = whatIfRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const stored = (await state.stored()).org;
      const existing = draftIdOf(request) === undefined ? undefined : await ownDraft(request);
      const scenario: WhatIfScenario = { ...existing?.scenario, ...parsed.data };
      checkScenario(stored, scenario);
      return json(await status(request, await state.saveDraft(existing?.id, callerKeyOf(request), scenario)));
    })),

    route.post('/api/whatif/keep', guarded(async ({ request }) => {
      const draft = await ownDraft(request);
      const changes = describeScenarioChanges((await state.stored()).org, draft.scenario);
      const audited = auditedChange(audit, state.store, request, 'whatif-kept', () => ({ subject: 'roles and catalog', detail: { changes } }));
      await state.keep(draft.id, audited.row);
      await audited.after();
      return json(await status(request, undefined));
    })),

    route.delete('/api/whatif', guarded(async ({ request }) => {
      const draft = await ownDraft(request);
      await state.discard(draft.id);
      return json(await status(request, undefined));
    })),
  ];
}
