import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../domain/demo/generate';
import { memoryStore } from '../store/organisationStore';
import { createOrganisationState } from './organisationState';

const TODAY = '2026-06-30';
const entry = { source: 'edit' as const, label: 'Another tab', mode: null, validRowsOnly: false, files: [], errors: 0, warnings: 0, issues: [] };

describe('the API’s organisation state', () => {
  it('serves a change another tab stored on the next request', async () => {
    const store = memoryStore(demoOrganisation(TODAY));
    const state = createOrganisationState(store, () => TODAY);
    const before = await state.current();
    const [leaver] = before.org.employees;
    // Another tab's API stores a change.
    await store.commit({ employees: before.org.employees.slice(1) }, entry);
    const after = await state.current();
    expect(after.org.employees).toHaveLength(before.org.employees.length - 1);
    expect(after.org.employees.some((employee) => employee.id === leaver?.id)).toBe(false);
  });

  it('stores all of a replacement when another tab changed the data since this one last read it', async () => {
    const demo = demoOrganisation(TODAY);
    const store = memoryStore(demo);
    const state = createOrganisationState(store, () => TODAY);
    await state.current();
    // Another tab clears the awards; this tab then puts back the organisation it had read.
    await store.commit({ awards: [] }, entry);
    await state.replace(demo, 'Put back');
    expect((await store.load())?.organisation.awards).toHaveLength(demo.awards.length);
  });

  it('keeps the prepared organisation while nothing was stored', async () => {
    const state = createOrganisationState(memoryStore(demoOrganisation(TODAY)), () => TODAY);
    const first = await state.current();
    expect(await state.current()).toBe(first);
  });
});
