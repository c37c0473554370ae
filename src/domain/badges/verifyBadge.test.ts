import { describe, expect, it } from 'vitest';
import { base64urlnopad } from '@scure/base';
import { verifyBadge } from './verifyBadge';
import { newIssuer, signDataIntegrity, signJwt } from './testSigners';
import { ed25519ToJwk } from './resolveKey';

const AS_OF = '2026-06-15';
// sha256 of 'alice.ng@example.com' + 'deadsea', computed with node:crypto.
const ALICE_HASH = 'sha256$f179d5ed5c484d05ede8a0e4d03ad1c7c86d481580e848f5b5a1552344b6d28e';

function openBadge3(issuer: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:2f3c1a52-7e1b-4c38-9b8e-1f2d3c4b5a69',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Northwind Academy' },
    validFrom: '2026-03-01T00:00:00Z',
    name: 'Kubernetes Operator',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: ALICE_HASH, salt: 'deadsea' }],
      achievement: {
        id: 'https://badges.northwind.example/achievements/k8s-operator',
        type: ['Achievement'],
        name: 'Kubernetes Operator',
        criteria: { narrative: 'Passed the practical exam.' },
      },
    },
    ...overrides,
  };
}

describe('Data Integrity credentials signed in the test with fresh Ed25519 keys', () => {
  it('verifies an eddsa-rdfc-2022 proof by a did:key issuer, with the hashed recipient matching', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), issuer);
    const result = await verifyBadge(signed, { asOf: AS_OF, expectedRecipientEmail: 'Alice.Ng@example.com' });
    expect(result).toMatchObject({ status: 'verified', issuer: issuer.did, recipient: 'hashed email (sha256)', achievement: 'Kubernetes Operator' });
    expect(result.check).toBeUndefined();
  });

  it('verifies an Ed25519Signature2020 proof given as JSON text', async () => {
    const issuer = newIssuer();
    const credential = openBadge3(issuer.did, {
      '@context': [...(openBadge3('')['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'],
    });
    const signed = await signDataIntegrity(credential, issuer, 'Ed25519Signature2020');
    expect((await verifyBadge(JSON.stringify(signed), { asOf: AS_OF })).status).toBe('verified');
  });

  it('fails the signature when a field is changed after signing', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), issuer);
    const subject = signed.credentialSubject as { achievement: Record<string, unknown> };
    const tampered = { ...signed, credentialSubject: { ...subject, achievement: { ...subject.achievement, name: 'Kubernetes Architect' } } };
    expect(await verifyBadge(tampered, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('fails the signature when the proof was made with another key than the one it names', async () => {
    const issuer = newIssuer();
    const impostor = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), impostor, 'eddsa-rdfc-2022', issuer.verificationMethod);
    expect(await verifyBadge(signed, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('fails the signature when a valid proof comes from a key that is not the issuer\'s', async () => {
    const issuer = newIssuer();
    const impostor = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), impostor);
    const result = await verifyBadge(signed, { asOf: AS_OF });
    expect(result).toMatchObject({ status: 'failed', check: 'signature' });
    expect(result.reason).toContain('does not belong to the issuer');
  });

  it('fails as expired once validUntil has passed, and is current on its last day', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did, { validUntil: '2026-06-14T23:59:59Z' }), issuer);
    const result = await verifyBadge(signed, { asOf: AS_OF });
    expect(result).toMatchObject({ status: 'failed', check: 'expired', reason: 'expired: expired on 2026-06-14' });
    expect((await verifyBadge(signed, { asOf: '2026-06-14' })).status).toBe('verified');
  });

  it('fails as not yet valid before validFrom', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), issuer);
    expect(await verifyBadge(signed, { asOf: '2026-02-28' })).toMatchObject({ status: 'failed', check: 'not yet valid' });
  });

  it('fails the recipient check for another person\'s email', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did), issuer);
    const result = await verifyBadge(signed, { asOf: AS_OF, expectedRecipientEmail: 'bob.okafor@example.com' });
    expect(result).toMatchObject({ status: 'failed', check: 'recipient' });
  });

  it('names the signature first when a forged credential is also expired', async () => {
    const issuer = newIssuer();
    const signed = await signDataIntegrity(openBadge3(issuer.did, { validUntil: '2026-04-01T00:00:00Z' }), issuer);
    const result = await verifyBadge({ ...signed, name: 'Changed' }, { asOf: AS_OF });
    expect(result.check).toBe('signature');
    expect(result.reason).toContain('also expired on 2026-04-01');
  });

  it('is unverified, never fetched, when a context is not bundled', async () => {
    const issuer = newIssuer();
    const credential = openBadge3(issuer.did, {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://contexts.example/unknown/v1'],
    });
    const signed = await signDataIntegrity(openBadge3(issuer.did), issuer);
    const result = await verifyBadge({ ...credential, proof: signed.proof }, { asOf: AS_OF });
    expect(result).toMatchObject({ status: 'unverified', check: 'signature' });
    expect(result.reason).toContain('https://contexts.example/unknown/v1 is not available offline');
  });

  it('is unverified when the credential carries no proof', async () => {
    const result = await verifyBadge(openBadge3(newIssuer().did), { asOf: AS_OF });
    expect(result).toMatchObject({ status: 'unverified', check: 'signature', reason: 'the credential carries no proof' });
  });
});

describe('VC-JWT credentials signed with jose', () => {
  function jwtPayload(issuer: string, claims: Record<string, unknown> = {}) {
    const { proof: _none, ...vc } = openBadge3(issuer);
    return { iss: issuer, nbf: Date.UTC(2026, 2, 1) / 1000, jti: 'urn:uuid:2f3c1a52', vc, ...claims };
  }

  it('verifies a VC-JWT signed by a did:key issuer', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did), issuer);
    const result = await verifyBadge(jwt, { asOf: AS_OF, expectedRecipientEmail: 'alice.ng@example.com' });
    expect(result).toMatchObject({ status: 'verified', issuer: issuer.did, achievement: 'Kubernetes Operator' });
    expect(result.badge?.format).toBe('vc-jwt');
  });

  it('fails the signature when the payload is changed', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did), issuer);
    const [header, , signature] = jwt.split('.');
    const forged = jwtPayload(issuer.did, { jti: 'urn:uuid:other' });
    const payload = base64urlnopad.encode(new TextEncoder().encode(JSON.stringify(forged)));
    expect(await verifyBadge(`${header}.${payload}.${signature}`, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('fails the signature when signed with another key than the issuer\'s', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did), newIssuer(), { kid: issuer.verificationMethod });
    expect(await verifyBadge(jwt, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('fails as expired from the exp claim', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did, { exp: Date.UTC(2026, 4, 31, 12) / 1000 }), issuer);
    expect(await verifyBadge(jwt, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'expired', reason: 'expired: expired on 2026-05-31' });
  });

  it('checked now, honours nbf as an instant: a JWT valid only from 30 days ahead is not yet valid, even with a past issuanceDate', async () => {
    const issuer = newIssuer();
    const now = Date.UTC(2026, 11, 4, 10, 0);
    const jwt = await signJwt(jwtPayload(issuer.did, { nbf: now / 1000 + 30 * 86_400 }), issuer);
    const result = await verifyBadge(jwt, { asOf: '2026-12-04', now });
    expect(result).toMatchObject({ status: 'failed', check: 'not yet valid' });
    // 30 days ahead is 2027-01-03T10:00Z.
    expect(result.reason).toContain('2027-01-03T10:00:00Z');
  });

  it('checked now, honours exp as an instant: expired an hour ago (the same day) is expired; checked over that day it was valid', async () => {
    const issuer = newIssuer();
    const now = Date.UTC(2026, 11, 4, 15, 0);
    const jwt = await signJwt(jwtPayload(issuer.did, { exp: now / 1000 - 3600 }), issuer);
    expect(await verifyBadge(jwt, { asOf: '2026-12-04', now })).toMatchObject({ status: 'failed', check: 'expired', reason: 'expired: expired at 2026-12-04T14:00:00Z' });
    expect(await verifyBadge(jwt, { asOf: '2026-12-04' })).toMatchObject({ status: 'verified' });
    expect(await verifyBadge(jwt, { asOf: '2026-12-05' })).toMatchObject({ status: 'failed', check: 'expired' });
  });

  it('fails the recipient check for another person\'s email', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did), issuer);
    expect(await verifyBadge(jwt, { asOf: AS_OF, expectedRecipientEmail: 'bob.okafor@example.com' })).toMatchObject({ status: 'failed', check: 'recipient' });
  });

  it('verifies an https issuer with the JWKS the user provides, and is unverified without it', async () => {
    const signer = newIssuer();
    const issuer = 'https://badges.northwind.example/issuer';
    const jwt = await signJwt(jwtPayload(issuer), signer, { kid: 'key-2026' });
    const jwks = { keys: [{ ...ed25519ToJwk(signer.publicKey), kid: 'key-2026' }] };
    expect((await verifyBadge(jwt, { asOf: AS_OF, jwks })).status).toBe('verified');
    expect(await verifyBadge(jwt, { asOf: AS_OF })).toMatchObject({ status: 'unverified', check: 'signature' });
    const otherKey = { keys: [{ ...ed25519ToJwk(newIssuer().publicKey), kid: 'key-2026' }] };
    expect(await verifyBadge(jwt, { asOf: AS_OF, jwks: otherKey })).toMatchObject({ status: 'failed', check: 'signature' });
  });

  it('does not trust a key the token carries about itself', async () => {
    const signer = newIssuer();
    const jwt = await signJwt(jwtPayload('https://badges.northwind.example/issuer'), signer, { jwk: ed25519ToJwk(signer.publicKey) });
    const result = await verifyBadge(jwt, { asOf: AS_OF });
    expect(result).toMatchObject({ status: 'unverified', check: 'signature' });
    expect(result.reason).toContain('does not prove');
  });

  it('fails as malformed when the iss claim is not the credential\'s issuer', async () => {
    const issuer = newIssuer();
    const jwt = await signJwt(jwtPayload(issuer.did, { iss: newIssuer().did }), issuer);
    expect(await verifyBadge(jwt, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'malformed' });
  });
});

describe('Open Badges 2.0 assertions', () => {
  const hosted = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://badges.northwind.example/assertions/1234',
    recipient: { type: 'email', hashed: true, salt: 'deadsea', identity: ALICE_HASH },
    badge: { id: 'https://badges.northwind.example/badges/k8s', type: 'BadgeClass', name: 'Kubernetes Operator', issuer: { id: 'https://northwind.example/issuer', name: 'Northwind Academy' } },
    verification: { type: 'hosted' },
    issuedOn: '2026-03-01T10:00:00+02:00',
    expires: '2027-03-01T00:00:00Z',
  };

  it('is unverified for a hosted assertion, after checking recipient and dates', async () => {
    const result = await verifyBadge(hosted, { asOf: AS_OF, expectedRecipientEmail: 'alice.ng@example.com' });
    expect(result).toMatchObject({ status: 'unverified', check: 'signature', issuer: 'https://northwind.example/issuer' });
    expect(result.reason).toMatch(/^hosted assertion not fetched/);
    expect(result.badge?.issuedOn).toBe('2026-03-01');
  });

  it('fails a hosted assertion for another recipient or once expired', async () => {
    expect(await verifyBadge(hosted, { asOf: AS_OF, expectedRecipientEmail: 'bob.okafor@example.com' })).toMatchObject({ status: 'failed', check: 'recipient' });
    expect(await verifyBadge(hosted, { asOf: '2027-03-02' })).toMatchObject({ status: 'failed', check: 'expired' });
  });

  it('verifies a signed assertion (JWS) with the key the user provides', async () => {
    const signer = newIssuer();
    const assertion = { ...hosted, verification: { type: 'signed', creator: 'https://northwind.example/keys/1' } };
    const jws = await signJwt(assertion, signer, {});
    const jwks = { keys: [ed25519ToJwk(signer.publicKey)] };
    const result = await verifyBadge(jws, { asOf: AS_OF, jwks, expectedRecipientEmail: 'alice.ng@example.com' });
    expect(result).toMatchObject({ status: 'verified', achievement: 'Kubernetes Operator' });
    expect(result.badge?.format).toBe('ob2');
    expect(await verifyBadge(jws, { asOf: AS_OF })).toMatchObject({ status: 'unverified', check: 'signature' });
  });
});

describe('input that is not a credential', () => {
  it.each([
    ['text', 'hello'],
    ['broken JSON', '{"type": '],
    ['an object of another kind', { employee: 'E1' }],
    ['a JWT whose payload is not JSON', 'eyJhbGciOiJFZERTQSJ9.bm90IGpzb24.c2ln'],
  ])('fails %s as malformed', async (_label, input) => {
    expect(await verifyBadge(input, { asOf: AS_OF })).toMatchObject({ status: 'failed', check: 'malformed' });
  });
});
