import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verifyBadge } from './verifyBadge';
import { newIssuer, signDataIntegrity } from './testSigners';

// Fields whose change must break the signature: each is part of the signed RDF.
const SIGNED_TEXT_FIELDS: ReadonlyArray<readonly string[]> = [
  ['name'],
  ['validFrom'],
  ['credentialSubject', 'achievement', 'name'],
  ['credentialSubject', 'achievement', 'id'],
  ['credentialSubject', 'achievement', 'criteria', 'narrative'],
  ['credentialSubject', 'id'],
  ['issuer', 'name'],
];

function withField(document: unknown, path: readonly string[], value: string): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const record = document as Record<string, unknown>;
  return { ...record, [head]: withField(record[head], rest, value) };
}

describe('tampering with a signed credential (property)', () => {
  it('fails the signature check whatever signed field is changed, to whatever value', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: issuer.did, type: ['Profile'], name: 'Northwind Academy' },
        validFrom: '2026-03-01T00:00:00Z',
        name: 'GDPR Practitioner',
        credentialSubject: {
          id: 'did:example:alice',
          type: ['AchievementSubject'],
          achievement: { id: 'urn:uuid:7d1c', type: ['Achievement'], name: 'GDPR Practitioner', criteria: { narrative: 'Passed the exam.' } },
        },
      },
      issuer,
    );
    expect((await verifyBadge(signed, { asOf: '2026-06-15' })).status).toBe('verified');
    const dates = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('.000', ''));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SIGNED_TEXT_FIELDS), fc.string({ minLength: 1, maxLength: 12 }), dates, async (path, text, date) => {
        const original = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], signed);
        // Dates stay dates (else the change would fail as malformed first); ids stay IRIs.
        const value = path[path.length - 1] === 'validFrom' ? date : path[path.length - 1] === 'id' ? `urn:x:${encodeURIComponent(text)}` : text;
        fc.pre(value !== original);
        const result = await verifyBadge(withField(signed, path, value), { asOf: '2026-06-15' });
        expect(result.status).toBe('failed');
        expect(result.check).toBe('signature');
      }),
      { numRuns: 40 },
    );
  });
});
