// What-if (SPEC §7 Roles & catalog, §8): a scenario of edited roles and added or changed
// credentials over the stored organisation, kept as a draft with an id and an author. A request
// computes on a draft only when it names it (`?scenario=ID`, carried by the page's address), so a
// draft survives a reload, can be shared by its address, and never changes what anyone sees
// without it. Only its author changes, keeps (one undoable change) or discards it. Changes made
// while looking at a draft (goals) land on the stored organisation, never the draft's roles or
// catalog. Drafts live in a DraftStore: memory in the browser host and tests, the database on a
// server (so a draft survives a restart and is the same in every process).
import { prepareOrganisation, type EngineOrganisation } from '../../domain/engine';
import type { Credential, Organisation, Role } from '../../domain/schema';
import type { OrganisationState } from './organisationState';
import type { AuditRowOf } from '../store/organisationStore';
import { keyValueDatabase } from '../store/keyValueDatabase';

export interface WhatIfScenario {
  roles?: Role[];
  credentials?: Credential[];
}

export interface WhatIfDraft {
  id: string;
  /** Who made it (callerKeyOf): the only one who may change, keep or discard it. */
  owner: string;
  scenario: WhatIfScenario;
}

export interface DraftStore {
  load(id: string): Promise<WhatIfDraft | undefined>;
  save(draft: WhatIfDraft): Promise<void>;
  delete(id: string): Promise<void>;
}

export function memoryDraftStore(): DraftStore {
  const drafts = new Map<string, WhatIfDraft>();
  return {
    async load(id) {
      return drafts.get(id);
    },
    async save(draft) {
      drafts.set(draft.id, draft);
    },
    async delete(id) {
      drafts.delete(id);
    },
  };
}

/**
 * Drafts in the browser's IndexedDB (the browser host): a reload keeps them, and every tab of this
 * browser sees the same ones.
 */
export function indexedDbDraftStore(factory: IDBFactory = indexedDB): DraftStore {
  const database = keyValueDatabase('gapmap-whatif-drafts', factory);
  return {
    load: async (id) => (await database.get(id)) as WhatIfDraft | undefined,
    save: (draft) => database.put(draft.id, draft),
    delete: (id) => database.delete(id),
  };
}

/** IndexedDB where there is one (the browser), else memory (the page's tests). */
export function defaultDraftStore(): DraftStore {
  return typeof indexedDB === 'undefined' ? memoryDraftStore() : indexedDbDraftStore();
}

/** A draft id that cannot be guessed: 128 random bits, URL-safe. */
export function newDraftId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A request named a draft that is not (or no longer) there: kept, discarded, or never made. */
export class NoSuchDraftError extends Error {
  constructor(readonly id: string) {
    super(`There is no what-if draft ${id}: it was kept or discarded.`);
  }
}

export interface WhatIfState extends Omit<OrganisationState, 'current' | 'replace'> {
  /** The organisation a request computes on: the named draft over the stored one, or the stored one. */
  current(draftId?: string): Promise<EngineOrganisation>;
  /**
   * Stores a change made in the app and answers the stored organisation; made while looking at a
   * draft, the draft's roles and catalog stay out of it (the draft is prepared again by the next
   * request that names it).
   */
  replace(organisation: Organisation, label?: string, options?: { draftId?: string; audit?: AuditRowOf }): Promise<EngineOrganisation>;
  /** The stored organisation, whatever the drafts. */
  stored(): Promise<EngineOrganisation>;
  draft(id: string): Promise<WhatIfDraft | undefined>;
  /** Saves a draft: a new one (with a new id) when `id` is undefined. */
  saveDraft(id: string | undefined, owner: string, scenario: WhatIfScenario): Promise<WhatIfDraft>;
  /** Stores the draft's roles and catalog as one change and deletes the draft. */
  keep(id: string, audit?: AuditRowOf): Promise<EngineOrganisation>;
  discard(id: string): Promise<void>;
}

/** Prepared scenario organisations kept at once (each is a whole prepared organisation). */
const PREPARED_KEPT = 4;

export function withWhatIf(base: OrganisationState, drafts: DraftStore = defaultDraftStore()): WhatIfState {
  const prepared = new Map<string, { from: EngineOrganisation; key: string; result: EngineOrganisation }>();

  async function current(draftId?: string): Promise<EngineOrganisation> {
    const stored = await base.current();
    if (draftId === undefined) return stored;
    const draft = await drafts.load(draftId);
    if (!draft) throw new NoSuchDraftError(draftId);
    const { scenario } = draft;
    const key = JSON.stringify(scenario);
    const cached = prepared.get(draftId);
    if (cached && cached.from === stored && cached.key === key) return cached.result;
    const result = prepareOrganisation({ ...stored.org, roles: scenario.roles ?? stored.org.roles, credentials: scenario.credentials ?? stored.org.credentials });
    prepared.delete(draftId);
    prepared.set(draftId, { from: stored, key, result });
    while (prepared.size > PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
    return result;
  }

  return {
    ...base,
    current,
    async replace(organisation, label, { draftId, audit } = {}) {
      if (draftId === undefined) return base.replace(organisation, label, { audit });
      // The handler edited the draft's view of the organisation: keep its change, not the draft.
      const stored = (await base.current()).org;
      return base.replace({ ...organisation, roles: stored.roles, credentials: stored.credentials }, label, { audit });
    },
    async resetToDemo(audit) {
      prepared.clear();
      return base.resetToDemo(audit);
    },
    stored: () => base.current(),
    draft: (id) => drafts.load(id),
    async saveDraft(id, owner, scenario) {
      const draft: WhatIfDraft = { id: id ?? newDraftId(), owner, scenario };
      await drafts.save(draft);
      return draft;
    },
    async keep(id, audit) {
      const kept = await current(id);
      const stored = await base.replace(kept.org, 'What-if kept: roles and catalog edited', { audit });
      await drafts.delete(id);
      prepared.delete(id);
      return stored;
    },
    async discard(id) {
      await drafts.delete(id);
      prepared.delete(id);
    },
  };
}
