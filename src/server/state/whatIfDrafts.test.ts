// The browser host keeps what-if drafts in IndexedDB: a reload (a new API worker, a new store over
// the same database) finds the draft its address names.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { indexedDbDraftStore, newDraftId, type WhatIfDraft } from './whatIf';

describe('what-if drafts in IndexedDB', () => {
  it('survive a new store over the same database, and are gone once deleted', async () => {
    const factory = new IDBFactory();
    const draft: WhatIfDraft = { id: newDraftId(), owner: 'lnd', scenario: { roles: [{ id: 'Data Analyst', name: 'Data Analyst', requirements: [{ skill: 'sql', level: 5, weight: 'critical' }] }] } };
    await indexedDbDraftStore(factory).save(draft);
    const afterReload = indexedDbDraftStore(factory);
    expect(await afterReload.load(draft.id)).toEqual(draft);
    expect(await afterReload.load(newDraftId())).toBeUndefined();
    await afterReload.delete(draft.id);
    expect(await indexedDbDraftStore(factory).load(draft.id)).toBeUndefined();
  });

  it('have ids nobody guesses: 128 random bits', () => {
    const ids = new Set(Array.from({ length: 1000 }, newDraftId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
