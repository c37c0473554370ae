// What-if (SPEC §7 Roles & catalog, §8): a scenario of edited roles and added or changed
// credentials over the stored organisation, a draft that belongs to the person who made it. Their
// views compute on it while it is open; nobody else's change. Keep stores it as one undoable change,
// Discard drops it. Changes made meanwhile (goals) land on the stored organisation, never the
// scenario's roles or catalog. Drafts live in a DraftStore: memory in the browser host and tests,
// the database on a server (so a draft survives a restart and is the same in every process).
import { prepareOrganisation, type EngineOrganisation } from '../../domain/engine';
import type { Credential, Organisation, Role } from '../../domain/schema';
import type { OrganisationState } from './organisationState';

export interface WhatIfScenario {
  roles?: Role[];
  credentials?: Credential[];
}

export interface DraftStore {
  load(owner: string): Promise<WhatIfScenario | undefined>;
  save(owner: string, scenario: WhatIfScenario): Promise<void>;
  delete(owner: string): Promise<void>;
}

export function memoryDraftStore(): DraftStore {
  const drafts = new Map<string, WhatIfScenario>();
  return {
    async load(owner) {
      return drafts.get(owner);
    },
    async save(owner, scenario) {
      drafts.set(owner, scenario);
    },
    async delete(owner) {
      drafts.delete(owner);
    },
  };
}

export interface WhatIfState extends Omit<OrganisationState, 'current' | 'replace'> {
  /** The organisation a caller's views compute on: their draft over the stored one, or the stored one. */
  current(owner?: string): Promise<EngineOrganisation>;
  /** Stores a change made in the app; with an owner, their draft's roles and catalog stay out of it. */
  replace(organisation: Organisation, label?: string, owner?: string): Promise<EngineOrganisation>;
  /** The stored organisation, whatever the drafts. */
  stored(): Promise<EngineOrganisation>;
  scenario(owner: string): Promise<WhatIfScenario | undefined>;
  setScenario(owner: string, scenario: WhatIfScenario): Promise<EngineOrganisation>;
  keep(owner: string): Promise<EngineOrganisation>;
  discard(owner: string): Promise<void>;
}

/** Prepared scenario organisations kept at once (each is a whole prepared organisation). */
const PREPARED_KEPT = 4;

export function withWhatIf(base: OrganisationState, drafts: DraftStore = memoryDraftStore()): WhatIfState {
  const prepared = new Map<string, { from: EngineOrganisation; key: string; result: EngineOrganisation }>();

  async function current(owner?: string): Promise<EngineOrganisation> {
    const stored = await base.current();
    if (owner === undefined) return stored;
    const scenario = await drafts.load(owner);
    if (!scenario) return stored;
    const key = JSON.stringify(scenario);
    const cached = prepared.get(owner);
    if (cached && cached.from === stored && cached.key === key) return cached.result;
    const result = prepareOrganisation({ ...stored.org, roles: scenario.roles ?? stored.org.roles, credentials: scenario.credentials ?? stored.org.credentials });
    prepared.delete(owner);
    prepared.set(owner, { from: stored, key, result });
    while (prepared.size > PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
    return result;
  }

  return {
    ...base,
    current,
    async replace(organisation, label, owner) {
      if (owner === undefined || !(await drafts.load(owner))) return base.replace(organisation, label);
      // The handler edited the draft's view of the organisation: keep its change, not the draft.
      const stored = (await base.current()).org;
      await base.replace({ ...organisation, roles: stored.roles, credentials: stored.credentials }, label);
      return current(owner);
    },
    async resetToDemo() {
      prepared.clear();
      return base.resetToDemo();
    },
    stored: () => base.current(),
    scenario: (owner) => drafts.load(owner),
    async setScenario(owner, scenario) {
      await drafts.save(owner, scenario);
      return current(owner);
    },
    async keep(owner) {
      const kept = await current(owner);
      const stored = await base.replace(kept.org, 'What-if kept: roles and catalog edited');
      await drafts.delete(owner);
      prepared.delete(owner);
      return stored;
    },
    async discard(owner) {
      await drafts.delete(owner);
      prepared.delete(owner);
    },
  };
}
