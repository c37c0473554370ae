// @vitest-environment jsdom
// Badges over HTTP against the real handlers: a signed credential verified offline, matched to an
// employee by email and stored as an award that undo removes; tampered and unknown ones; and the
// evidence=verified filter changing a level.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/support/testApi';
import { encodePersona, PERSONA_HEADER, type Persona } from '../../api/contract';
import type { BadgeCommitResponse } from '../../api/badgeContract';
import type { Organisation } from '../../domain/schema';
import { newIssuer, signDataIntegrity, type TestIssuer } from '../../domain/badges/testSigners';

const TODAY = '2026-11-25';
const SQL_ACHIEVEMENT = 'https://academy.example/achievements/sql-practitioner';

function smallOrganisation(): Organisation {
  return {
    skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
    roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
    employees: [
      { id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' },
      { id: 'e2', name: 'Alan Turing', email: 'alan@example.com', team: 'Data', role: 'analyst' },
    ],
    credentials: [
      { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR', url: SQL_ACHIEVEMENT },
      { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [{ skill: 'sql', level: 1 }], hours: 5, cost: 100, currency: 'EUR' },
    ],
    // Alan's SQL award was typed in from a CSV: nobody checked it.
    awards: [{ employee: 'e2', credential: 'sql-3', issuedOn: '2026-01-10', verification: 'unverified' }],
    assessments: [],
    goals: [],
    interests: [],
  };
}

function badgeFor(issuer: TestIssuer, email: string, achievement: { id: string; name: string }): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6a1d1c2e-3b4f-4a5b-8c6d-7e8f9a0b1c2d',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Academy' },
    validFrom: '2026-03-01T00:00:00Z',
    validUntil: '2028-02-29T00:00:00Z',
    name: achievement.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: email }],
      achievement: { id: achievement.id, type: ['Achievement'], name: achievement.name, criteria: { narrative: 'Passed the exam.' } },
    },
  };
}

const api = createTestApi({ today: TODAY, organisation: smallOrganisation() });
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
beforeEach(async () => {
  await api.state.replace(smallOrganisation(), 'test: a fresh organisation');
});
afterAll(() => api.server.close());

const lnd: Persona = { kind: 'lnd' };

function send(method: string, path: string, persona: Persona, body?: unknown) {
  return fetch(path, {
    method,
    headers: { [PERSONA_HEADER]: encodePersona(persona), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function commit(body: Record<string, unknown>): Promise<BadgeCommitResponse> {
  const response = await send('POST', '/api/badges/commit', lnd, body);
  expect(response.status).toBe(200);
  return (await response.json()) as BadgeCommitResponse;
}

async function storedAwards() {
  return (await api.store.load())?.organisation.awards ?? [];
}

describe('committing badges', () => {
  it('stores a signed credential for the employee it names, verified, and undo removes it', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badgeFor(issuer, 'Ada@Example.com', { id: SQL_ACHIEVEMENT, name: 'SQL Practitioner' }), issuer);
    const body = await commit({ files: [{ fileName: 'ada.json', text: JSON.stringify(signed) }] });
    expect(body).toMatchObject({ committed: true, added: 1, updated: 0 });
    expect(body.results[0]).toMatchObject({
      format: 'ob3-vc', issuer: 'Academy', recipient: 'Ada@Example.com', status: 'verified', outcome: 'import',
      employee: { id: 'e1', name: 'Ada Lovelace' }, credential: { id: 'sql-3', via: 'url' }, issuedOn: '2026-03-01', expiresOn: '2028-02-29',
    });
    expect(await storedAwards()).toContainEqual(expect.objectContaining({
      employee: 'e1', credential: 'sql-3', issuedOn: '2026-03-01', expiresOn: '2028-02-29', verification: 'verified', verificationReason: body.results[0]?.reason,
    }));
    const history = (await (await send('GET', '/api/imports', lnd)).json()) as { head: number; entries: { id: number; label: string }[] };
    expect(history.entries[0]).toMatchObject({ id: body.entry?.id, label: 'Badges: 1 award added from ada.json' });
    expect((await send('POST', `/api/imports/${history.head}/undo`, lnd)).status).toBe(200);
    expect(await storedAwards()).toEqual(smallOrganisation().awards);
  });

  it('leaves a tampered credential out unless failed ones are to be recorded, then stores it as failed', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badgeFor(issuer, 'ada@example.com', { id: SQL_ACHIEVEMENT, name: 'SQL Practitioner' }), issuer);
    const tampered = JSON.stringify({ ...signed, validUntil: '2099-12-31T00:00:00Z' });
    const skipped = await commit({ files: [{ fileName: 'forged.json', text: tampered }] });
    expect(skipped).toMatchObject({ committed: false, added: 0 });
    expect(skipped.results[0]).toMatchObject({ status: 'failed', check: 'signature', outcome: 'skip', employee: { id: 'e1' } });
    expect(await storedAwards()).toHaveLength(1);

    const recorded = await commit({ files: [{ fileName: 'forged.json', text: tampered }], importFailed: true });
    expect(recorded).toMatchObject({ committed: true, added: 1 });
    expect((await storedAwards()).find((award) => award.employee === 'e1')).toMatchObject({ verification: 'failed', verificationReason: expect.stringMatching(/^signature: /) });
  });

  it('asks for the catalog credential of an unknown achievement once, then remembers it', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badgeFor(issuer, 'ada@example.com', { id: 'https://other.example/badges/py', name: 'Python Starter' }), issuer);
    const files = [{ fileName: 'py.json', text: JSON.stringify(signed) }];
    const before = await commit({ files, dryRun: true });
    expect(before.results[0]).toMatchObject({ status: 'verified', outcome: 'skip', note: 'Choose the catalog credential this achievement is.' });
    expect(before.results[0]?.credential).toBeUndefined();

    const remembered = await send('PUT', '/api/badges/mappings', lnd, { achievement: before.results[0]?.achievementRef, credentialId: 'py-2' });
    expect(await remembered.json()).toEqual({ mappings: { 'https://other.example/badges/py': 'py-2' } });
    const after = await commit({ files, dryRun: true });
    expect(after).toMatchObject({ committed: false, added: 1 });
    expect(after.results[0]).toMatchObject({ outcome: 'import', credential: { id: 'py-2', name: 'Python Basics', via: 'remembered' } });
    expect(await storedAwards()).toHaveLength(1);
  });

  it('shows a credential for nobody in the organisation as matching no employee', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badgeFor(issuer, 'someone@elsewhere.example', { id: SQL_ACHIEVEMENT, name: 'SQL Practitioner' }), issuer);
    const body = await commit({ files: [{ fileName: 'x.json', text: `[${JSON.stringify(signed)}, "not a credential"]` }] });
    expect(body.committed).toBe(false);
    expect(body.results.map((result) => [result.position, result.status, result.outcome, result.note])).toEqual([
      [1, 'verified', 'skip', 'No employee matches the recipient (someone@elsewhere.example).'],
      [2, 'failed', 'skip', 'Not a credential Gapmap can read.'],
    ]);
  });

  it('refuses HR and managers', async () => {
    const response = await send('POST', '/api/badges/commit', { kind: 'hr' }, { files: [{ fileName: 'a.json', text: '{}' }] });
    expect(response.status).toBe(403);
    expect((await send('PUT', '/api/badges/mappings', { kind: 'manager', team: 'Data' }, { achievement: { id: 'x' }, credentialId: 'sql-3' })).status).toBe(403);
  });
});

describe('verified evidence only', () => {
  it('leaves unverified awards out of the levels, and keeps them in the stored data', async () => {
    const all = (await (await send('GET', '/api/employees/e2', lnd)).json()) as { requirements: { skill: string; verified: number }[]; held: unknown[] };
    expect(all.requirements[0]).toMatchObject({ skill: 'sql', verified: 3 });
    const verifiedOnly = (await (await send('GET', '/api/employees/e2?evidence=verified', lnd)).json()) as { requirements: { verified: number; gap: number }[]; held: unknown[] };
    expect(verifiedOnly.requirements[0]).toMatchObject({ verified: 0, gap: 3 });
    expect(verifiedOnly.held).toEqual([]);
    expect(await storedAwards()).toHaveLength(1);
  });

  it('counts a verified badge award under the filter, with its reason on the employee page', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badgeFor(issuer, 'alan@example.com', { id: SQL_ACHIEVEMENT, name: 'SQL Practitioner' }), issuer);
    await commit({ files: [{ fileName: 'alan.json', text: JSON.stringify(signed) }] });
    const detail = (await (await send('GET', '/api/employees/e2?evidence=verified', lnd)).json()) as {
      requirements: { verified: number }[]; held: { verification: string; verificationReason: string }[];
    };
    expect(detail.requirements[0]?.verified).toBe(3);
    expect(detail.held).toEqual([expect.objectContaining({ verification: 'verified', verificationReason: expect.stringMatching(/valid at \d{4}-\d{2}-\d{2}T/) })]);
  });

  it('refuses an evidence filter it does not know', async () => {
    expect((await send('GET', '/api/overview?evidence=some', lnd)).status).toBe(400);
  });
});
