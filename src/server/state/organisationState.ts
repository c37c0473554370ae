// The standalone API's one piece of state: the current organisation and its prepared engine
// index, loaded from the store on first use (the demo organisation on a first start), and loaded
// again when the stored revision moves on (an import in the worker, another tab, an undo).
import { prepareOrganisation, type EngineOrganisation } from '../../domain/engine';
import { demoOrganisation } from '../../domain/demo/generate';
import { emptyOrganisation } from '../../domain/records';
import type { IsoDate, Organisation } from '../../domain/schema';
import { changesOf } from '../store/changedKinds';
import type { AuditRowOf, OrganisationStore } from '../store/organisationStore';

export interface OrganisationState {
  /** The prepared organisation, loading (or seeding the demo) on first call. */
  current(): Promise<EngineOrganisation>;
  /** Stores a changed organisation as one undoable change ("Changes made in the app" unless labelled). */
  replace(organisation: Organisation, label?: string, options?: { audit?: AuditRowOf }): Promise<EngineOrganisation>;
  resetToDemo(audit?: AuditRowOf): Promise<EngineOrganisation>;
  /** True until a first organisation is stored (a new server: the first-run screen). */
  isEmpty(): Promise<boolean>;
  /** The prepared organisation with the stored revision it was read at. */
  snapshot(): Promise<{ eo: EngineOrganisation; revision: number; empty: boolean }>;
  /** The date the API computes at unless a request says otherwise. */
  today(): IsoDate;
  readonly store: OrganisationStore;
}

export interface OrganisationStateOptions {
  /**
   * What a store with nothing in it serves: the demo organisation, stored at once (the browser host:
   * a newcomer sees a full dashboard), or nothing (a server: its first-run screen offers an import or the demo).
   */
  whenEmpty?: 'seed-demo' | 'stay-empty';
}

export function createOrganisationState(store: OrganisationStore, today: () => IsoDate, options: OrganisationStateOptions = {}): OrganisationState {
  const whenEmpty = options.whenEmpty ?? 'seed-demo';
  let prepared: Promise<EngineOrganisation> | undefined;
  let preparedRevision = -1;
  let empty = false;

  async function isUpToDate(): Promise<boolean> {
    const settled = prepared;
    if (!settled) return false;
    await settled.catch(() => undefined);
    return (await store.revision()) === preparedRevision;
  }

  async function loadOrSeed(): Promise<EngineOrganisation> {
    // Read the revision first: a change landing during the load then makes the next request load again.
    const revisionBefore = await store.revision();
    const stored = await store.load();
    if (stored) {
      empty = false;
      preparedRevision = stored.revision;
      return prepareOrganisation(stored.organisation);
    }
    if (whenEmpty === 'stay-empty') {
      empty = true;
      preparedRevision = revisionBefore;
      return prepareOrganisation(emptyOrganisation());
    }
    const demo = demoOrganisation(today());
    // The first organisation is not a change anyone would undo.
    const { revision } = await store.commit(demo, editEntry('The demo organisation'), { record: false, announce: false });
    preparedRevision = revision;
    return prepareOrganisation(demo);
  }

  function loadOnce(): Promise<EngineOrganisation> {
    prepared ??= loadOrSeed().catch((error: unknown) => {
      prepared = undefined;
      throw error;
    });
    return prepared;
  }

  const state: OrganisationState = {
    async current() {
      // Another tab, the import worker, an import or an undo may have stored a change since: each
      // request compares the stored revision (one small read) and reads the store again if it moved.
      if (prepared && !(await isUpToDate())) prepared = undefined;
      return loadOnce();
    },
    async replace(organisation, label = 'Changes made in the app', { audit } = {}) {
      // Only what differs from the stored organisation is written; a stale copy is no base for that.
      // The change was computed from the organisation this process holds: if another process (or
      // tab) stored a change meanwhile, refuse rather than overwrite it (StaleRevisionError → 409).
      const upToDate = prepared !== undefined && (await isUpToDate());
      const before = upToDate ? (await prepared!).org : undefined;
      const { revision } = await store.commit(changesOf(before, organisation), editEntry(label), { ...(upToDate && !empty ? { expectedRevision: preparedRevision } : {}), ...(audit ? { audit } : {}) });
      empty = false;
      const next = prepareOrganisation(organisation);
      preparedRevision = revision;
      prepared = Promise.resolve(next);
      return next;
    },
    async resetToDemo(audit) {
      return state.replace(demoOrganisation(today()), 'Reset to the demo organisation', { audit });
    },
    async isEmpty() {
      await state.current();
      return empty;
    },
    async snapshot() {
      const eo = await state.current();
      return { eo, revision: preparedRevision, empty };
    },
    today,
    store,
  };
  return state;
}

function editEntry(label: string) {
  return { source: 'edit' as const, label, mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] };
}
