// @vitest-environment jsdom
// The badge section of the Import page against the real handlers (msw): a signed badge is verified,
// matched to its employee and stored as an award; an unknown achievement is mapped once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTestApi } from '../../../tests/support/testApi';
import { renderApp } from '../../../tests/support/renderApp';
import type { Organisation } from '../../domain/schema';
import { newIssuer, signDataIntegrity, type TestIssuer } from '../../domain/badges/testSigners';

const TODAY = '2026-11-25';

const organisation: Organisation = {
  skills: [{ id: 'sql', name: 'SQL', category: 'data' }],
  roles: [{ id: 'analyst', name: 'Analyst', requirements: [{ skill: 'sql', level: 3, weight: 'critical' }] }],
  employees: [{ id: 'e1', name: 'Ada Lovelace', email: 'ada@example.com', team: 'Data', role: 'analyst' }],
  credentials: [
    { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR' },
  ],
  awards: [],
  assessments: [],
  goals: [],
  interests: [],
};

const api = createTestApi({ today: TODAY, organisation });
beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => api.server.close());

function badge(issuer: TestIssuer): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:0b7c5e4a-1d2f-4e3a-9b8c-7d6e5f4a3b2c',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.did, type: ['Profile'], name: 'Data Academy' },
    validFrom: '2026-04-01T00:00:00Z',
    name: 'SQL for Analysts',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'ada@example.com' }],
      achievement: { id: 'https://academy.example/sql-analysts', type: ['Achievement'], name: 'SQL for Analysts', criteria: { narrative: 'Exam.' } },
    },
  };
}

describe('importing badges on the Import page', () => {
  it('verifies a badge, maps its achievement once, and stores it as an award that the history can undo', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(badge(issuer), issuer);
    renderApp('/import');
    const section = await screen.findByRole('region', { name: 'Badges and verifiable credentials' }, { timeout: 8000 });
    const file = new File([JSON.stringify(signed)], 'ada-sql.json', { type: 'application/json' });
    await userEvent.upload(within(section).getByLabelText(/Choose badge files/), file);

    const row = await within(section).findByRole('row', { name: /SQL for Analysts/ }, { timeout: 8000 });
    expect(row).toHaveTextContent('Data Academy');
    expect(row).toHaveTextContent('ada@example.com');
    expect(row).toHaveTextContent('✓ verified');
    expect(row).toHaveTextContent('Ada Lovelace');
    expect(row).toHaveTextContent('Choose the catalog credential this achievement is.');
    expect(within(section).getByRole('button', { name: 'Import 0 awards' })).toBeDisabled();

    await userEvent.selectOptions(within(row).getByLabelText('Catalog credential for “SQL for Analysts”'), 'sql-3');
    await userEvent.click(within(row).getByRole('button', { name: 'Confirm and remember' }));
    await waitFor(() => expect(within(section).getByRole('row', { name: /SQL for Analysts/ })).toHaveTextContent('as you confirmed'));
    await userEvent.click(within(section).getByRole('button', { name: 'Import 1 award' }));

    expect(await within(section).findByRole('status')).toHaveTextContent('Stored: 1 award added.');
    expect((await api.store.load())?.organisation.awards).toEqual([
      expect.objectContaining({ employee: 'e1', credential: 'sql-3', issuedOn: '2026-04-01', verification: 'verified' }),
    ]);
    expect(await screen.findByRole('button', { name: 'Undo Badges: 1 award added from ada-sql.json' })).toBeInTheDocument();
  });
});
