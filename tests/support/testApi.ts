// The backend in Node tests: the real app (src/server/http/app.ts) behind msw, which intercepts
// fetch('/api/…') at the network boundary and answers with app.fetch(request); an in-memory store and a fixed date.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import type { Hono } from 'hono';
import type { IsoDate, Organisation } from '../../src/domain/schema';
import { memoryStore } from '../../src/server/store/organisationStore';
import { createApp } from '../../src/server/http/app';
import { createOrganisationState } from '../../src/server/state/organisationState';
import { memoryPlanStore } from '../../src/server/state/plans';
import type { SavedPlan } from '../../src/api/contract';

/** The msw handler that hands every /api request to the app. */
export function answeredBy(app: Hono) {
  return http.all('/api/*', ({ request }) => app.fetch(request));
}

export function createTestApi(options: { today: IsoDate; organisation?: Organisation }) {
  const store = memoryStore(options.organisation);
  const state = createOrganisationState(store, () => options.today);
  /** Each author's training plan, by author: `plans.clear()` empties them. */
  const plans = new Map<string, SavedPlan>();
  const server = setupServer(answeredBy(createApp(state, { plans: memoryPlanStore(plans) })));
  return { server, state, store, plans };
}

/**
 * A page test file's API for its whole run: listening (an unhandled request fails the test), the
 * organisation back to `organisation()` before each test, and the address back to `/` after it
 * (a test that opens a page under a what-if draft puts it in the address).
 */
export function createPageTestApi(options: { today: IsoDate; organisation: () => Organisation }) {
  const api = createTestApi({ today: options.today, organisation: options.organisation() });
  beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(async () => {
    await api.state.replace(options.organisation(), 'test: fresh');
  });
  afterEach(() => {
    api.server.resetHandlers();
    window.history.replaceState(null, '', '/');
  });
  afterAll(() => api.server.close());
  return api;
}
