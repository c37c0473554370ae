import { describe, expect, it } from 'vitest';
import { hashEmail, matchRecipient, recipientIsEmail } from './matchRecipient';
import type { ParsedBadge } from './types';

// Expected hashes computed with node:crypto, independently of the code under test.
const ALICE_SALTED = 'f179d5ed5c484d05ede8a0e4d03ad1c7c86d481580e848f5b5a1552344b6d28e'; // 'alice.ng@example.com' + 'deadsea'
const ALICE_UNSALTED = 'b06c49b908eb440b896441fc05ac15fa5525c61e7a12687d535ddf79fe993fa9';
const BOB_MD5 = '5d57a505a10dabf8eeec16a22787a13b'; // md5 of 'bob@example.org' + 'pepper'

function badgeFor(recipient: ParsedBadge['recipient']): ParsedBadge {
  return { format: 'ob2', issuer: 'https://northwind.example/issuer', recipient, achievement: { id: 'k8s' }, raw: {} };
}

const employees = [
  { id: 'E001', email: 'carol.diaz@example.com' },
  { id: 'E002', email: 'Alice.Ng@example.com' },
  { id: 'E003' },
  { id: 'E004', email: 'bob@example.org' },
];

describe('hashEmail', () => {
  it('hashes email + salt as Open Badges defines', () => {
    expect(hashEmail('alice.ng@example.com', 'deadsea')).toBe(ALICE_SALTED);
    expect(hashEmail('alice.ng@example.com')).toBe(ALICE_UNSALTED);
    expect(hashEmail('bob@example.org', 'pepper', 'md5')).toBe(BOB_MD5);
  });

  it('knows no other algorithm', () => {
    expect(hashEmail('a@b.c', '', 'sha1')).toBeUndefined();
  });
});

describe('matchRecipient', () => {
  it('matches a clear email case-insensitively', () => {
    expect(matchRecipient(badgeFor({ email: ' alice.ng@EXAMPLE.com' }), employees)).toBe('E002');
  });

  it('matches a salted sha256 hash against the lower-cased address the HR file spells differently', () => {
    expect(matchRecipient(badgeFor({ hashed: { hash: ALICE_SALTED, salt: 'deadsea', algorithm: 'sha256' } }), employees)).toBe('E002');
  });

  it('matches an unsalted hash and an md5 hash', () => {
    expect(matchRecipient(badgeFor({ hashed: { hash: ALICE_UNSALTED, algorithm: 'sha256' } }), employees)).toBe('E002');
    expect(matchRecipient(badgeFor({ hashed: { hash: BOB_MD5, salt: 'pepper', algorithm: 'md5' } }), employees)).toBe('E004');
  });

  it('finds nobody for a wrong salt, a DID recipient or an unknown address', () => {
    expect(matchRecipient(badgeFor({ hashed: { hash: ALICE_SALTED, salt: 'other', algorithm: 'sha256' } }), employees)).toBeUndefined();
    expect(matchRecipient(badgeFor({ did: 'did:example:alice' }), employees)).toBeUndefined();
    expect(matchRecipient(badgeFor({ email: 'dave@example.com' }), employees)).toBeUndefined();
  });
});

describe('recipientIsEmail', () => {
  it('says undefined when the badge names no email to compare with', () => {
    expect(recipientIsEmail({ did: 'did:example:alice', name: 'Alice Ng' }, 'alice.ng@example.com')).toBeUndefined();
  });
});
