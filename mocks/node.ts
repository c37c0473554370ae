// The same /api in Node for tests: msw/node with an in-memory store and a fixed date.
import { setupServer } from 'msw/node';
import type { IsoDate, Organisation } from '../src/domain/schema';
import { memoryStore } from './db/store';
import { createHandlers } from './handlers';
import { createOrganisationState } from './organisationState';

export function createTestApi(options: { today: IsoDate; organisation?: Organisation }) {
  const store = memoryStore(options.organisation);
  const state = createOrganisationState(store, () => options.today);
  const server = setupServer(...createHandlers(state));
  return { server, state, store };
}
