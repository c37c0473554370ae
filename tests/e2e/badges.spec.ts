import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoSeriousAxeViolations, watchForeignRequests } from './helpers';
import { demoOrganisation } from '../../src/domain/demo/generate';
import { todayIso } from '../../src/domain/dates';
import { ed25519 } from '@noble/curves/ed25519.js';
import { base58, base64urlnopad } from '@scure/base';
import { SignJWT, importJWK } from 'jose';
import { ed25519ToJwk } from '../../src/domain/badges/resolveKey';

const FIXTURES = join(import.meta.dirname, '../fixtures/vc-test-fixtures');
// A genuine OB 3.0 badge awarded to a DID (no email), and the same badge altered after signing.
const GENUINE = join(FIXTURES, 'v2/ed25519/didKey/legacy-noStatus-noExpiry.json');
const TAMPERED = join(FIXTURES, 'v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json');

/**
 * A compact VC-JWT signed by a fresh did:key issuer (the test signers of src/domain/badges sign
 * Data Integrity proofs with jsonld, whose bundled JSON contexts Playwright's loader cannot import).
 */
async function signVcJwt(vc: Record<string, unknown>): Promise<string> {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  const multibase = `z${base58.encode(new Uint8Array([0xed, 0x01, ...publicKey]))}`;
  const did = `did:key:${multibase}`;
  const key = await importJWK({ ...ed25519ToJwk(publicKey), d: base64urlnopad.encode(secretKey) }, 'EdDSA');
  const payload = { iss: did, nbf: Date.UTC(2026, 1, 2) / 1000, jti: 'urn:uuid:9e3b1f4c-2a5d-4c6e-8f7a-1b2c3d4e5f60', vc: { ...vc, issuer: { id: did, type: ['Profile'], name: 'Northwind Academy' } } };
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: `${did}#${multibase}` }).sign(key);
}

test.describe('an L&D manager imports earned badges', () => {
  test('sees each badge verified offline and matched, stores the matched one as a verified award, and undoes it', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const foreign = watchForeignRequests(page, new URL(baseURL ?? '').origin);
    // The demo organisation the app seeds today: a badge for its first employee, for a catalog credential by id.
    const demo = demoOrganisation(todayIso());
    const employee = demo.employees[0]!;
    const credential = demo.credentials.find((candidate) => !candidate.components)!;
    const signed = await signVcJwt({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:9e3b1f4c-2a5d-4c6e-8f7a-1b2c3d4e5f60',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      validFrom: '2026-02-02T00:00:00Z',
      name: credential.name,
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: employee.email }],
        achievement: { id: credential.id, type: ['Achievement'], name: credential.name, criteria: { narrative: 'Completed the course.' } },
      },
    });

    await page.goto('/import');
    const section = page.getByRole('region', { name: 'Badges and verifiable credentials' });
    await expect(section).toBeVisible();
    await section.getByLabel(/Choose badge files/).setInputFiles([
      { name: 'northwind-badge.jwt', mimeType: 'application/jwt', buffer: Buffer.from(signed) },
      { name: 'fixture-genuine.json', mimeType: 'application/json', buffer: readFileSync(GENUINE) },
      { name: 'fixture-tampered.json', mimeType: 'application/json', buffer: readFileSync(TAMPERED) },
    ]);

    const ours = section.getByRole('row').filter({ hasText: 'northwind-badge.jwt' });
    await expect(ours).toContainText('✓ verified', { timeout: 30_000 });
    await expect(ours).toContainText(employee.name);
    await expect(ours).toContainText(credential.name);
    const genuine = section.getByRole('row').filter({ hasText: 'fixture-genuine.json' });
    await expect(genuine).toContainText('✓ verified');
    await expect(genuine).toContainText('no employee matches');
    const tampered = section.getByRole('row').filter({ hasText: 'fixture-tampered.json' });
    await expect(tampered).toContainText('✗ failed');
    await expect(tampered).toContainText('signature');
    await expectNoSeriousAxeViolations(page);

    await section.getByRole('button', { name: 'Import 1 award' }).click();
    await expect(section.getByRole('status')).toContainText('Stored: 1 award added');
    const undo = page.getByRole('button', { name: 'Undo Badges: 1 award added from northwind-badge.jwt, fixture-genuine.json, fixture-tampered.json' });
    await expect(undo).toBeVisible();

    // The employee page shows the status, in words, with what was checked.
    await page.goto(`/employees/${encodeURIComponent(employee.id)}?evidence=verified`);
    await expect(page.getByLabel('Evidence counted')).toHaveValue('verified');
    const held = page.getByRole('listitem').filter({ hasText: credential.name }).first();
    await expect(held).toContainText('verified');
    await expect(held.locator('.tag').first()).toHaveAttribute('title', /valid at \d{4}-\d{2}-\d{2}T/);
    await expectNoSeriousAxeViolations(page);

    await page.goto('/import');
    await undo.click();
    await expect(page.getByText(/^Undone: Badges: 1 award added/)).toBeVisible();
    expect(foreign).toEqual([]);
  });
});
