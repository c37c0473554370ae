// The standalone API in the browser: the msw worker, backed by IndexedDB.
import { setupWorker } from 'msw/browser';
import { todayIso } from '../src/domain/dates';
import { indexedDbStore } from './db/indexedDbStore';
import { createHandlers } from './handlers';
import { createOrganisationState } from './organisationState';

export async function startStandaloneApi(): Promise<void> {
  if (navigator.storage?.persist) {
    // Ask the browser not to evict the organisation under storage pressure.
    void navigator.storage.persist().catch(() => false);
  }
  const state = createOrganisationState(indexedDbStore(), () => todayIso());
  const worker = setupWorker(...createHandlers(state));
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true, serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` } });
}
