// The standalone API's one piece of state: the current organisation and its prepared engine
// index, loaded from the store on first use (the demo organisation on a first start).
import { prepareOrganisation, type EngineOrganisation } from '../src/domain/engine';
import { demoOrganisation } from '../src/domain/demo/generate';
import type { IsoDate, Organisation } from '../src/domain/schema';
import type { OrganisationStore } from './db/store';

export interface OrganisationState {
  /** The prepared organisation, loading (or seeding the demo) on first call. */
  current(): Promise<EngineOrganisation>;
  replace(organisation: Organisation): Promise<EngineOrganisation>;
  resetToDemo(): Promise<EngineOrganisation>;
  /** The date the API computes at unless a request says otherwise. */
  today(): IsoDate;
}

export function createOrganisationState(store: OrganisationStore, today: () => IsoDate): OrganisationState {
  let prepared: Promise<EngineOrganisation> | undefined;

  async function loadOrSeed(): Promise<EngineOrganisation> {
    const stored = await store.load();
    if (stored) return prepareOrganisation(stored);
    const demo = demoOrganisation(today());
    await store.save(demo);
    return prepareOrganisation(demo);
  }

  return {
    current() {
      prepared ??= loadOrSeed().catch((error: unknown) => {
        prepared = undefined;
        throw error;
      });
      return prepared;
    },
    async replace(organisation) {
      await store.save(organisation);
      const next = prepareOrganisation(organisation);
      prepared = Promise.resolve(next);
      return next;
    },
    async resetToDemo() {
      return this.replace(demoOrganisation(today()));
    },
    today,
  };
}
