// What-if (SPEC §7 Roles & catalog): a scenario of edited roles and added or changed credentials,
// held in memory over the stored organisation. Every view computes on the scenario while it is
// open; Keep stores it as one undoable change, Discard drops it. Changes made meanwhile (goals)
// land on the stored organisation, never the scenario's roles or catalog.
import { prepareOrganisation, type EngineOrganisation } from '../../domain/engine';
import type { Credential, Role } from '../../domain/schema';
import type { OrganisationState } from './organisationState';

export interface WhatIfScenario {
  roles?: Role[];
  credentials?: Credential[];
}

export interface WhatIfState extends OrganisationState {
  /** The stored organisation, whatever the scenario. */
  stored(): Promise<EngineOrganisation>;
  scenario(): WhatIfScenario | undefined;
  setScenario(scenario: WhatIfScenario): Promise<EngineOrganisation>;
  keep(): Promise<EngineOrganisation>;
  discard(): void;
}

export function withWhatIf(base: OrganisationState): WhatIfState {
  let scenario: WhatIfScenario | undefined;
  let cached: { from: EngineOrganisation; scenario: WhatIfScenario; result: EngineOrganisation } | undefined;

  async function current(): Promise<EngineOrganisation> {
    const stored = await base.current();
    if (!scenario) return stored;
    if (cached && cached.from === stored && cached.scenario === scenario) return cached.result;
    const result = prepareOrganisation({
      ...stored.org,
      roles: scenario.roles ?? stored.org.roles,
      credentials: scenario.credentials ?? stored.org.credentials,
    });
    cached = { from: stored, scenario, result };
    return result;
  }

  return {
    ...base,
    current,
    async replace(organisation, label) {
      if (!scenario) return base.replace(organisation, label);
      // The handler edited the scenario's view of the organisation: keep its change, not the scenario.
      const stored = (await base.current()).org;
      await base.replace({ ...organisation, roles: stored.roles, credentials: stored.credentials }, label);
      return current();
    },
    async resetToDemo() {
      scenario = undefined;
      return base.resetToDemo();
    },
    stored: () => base.current(),
    scenario: () => scenario,
    async setScenario(next) {
      scenario = next;
      return current();
    },
    async keep() {
      const kept = await current();
      scenario = undefined;
      return base.replace(kept.org, 'What-if kept: roles and catalog edited');
    },
    discard() {
      scenario = undefined;
    },
  };
}
