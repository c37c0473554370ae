import { describe, expect, it } from 'vitest';
import { parseBadge, splitCredentials } from './parseBadge';
import { utcDayOf } from './validity';
import { isBitSet } from './statusList';

describe('parseBadge', () => {
  it('reads an OB 3.0 credential: issuer, clear email identifier, achievement and v1 dates', () => {
    const parsed = parseBadge({
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:web:northwind.example', name: 'Northwind Academy' },
      issuanceDate: '2025-12-31T23:30:00-02:00',
      expirationDate: '2027-01-01T00:00:00Z',
      credentialSubject: {
        id: 'mailto:alice.ng@example.com',
        achievement: { id: 'urn:uuid:1', name: { en: 'Data Privacy Basics' } },
      },
    });
    expect(parsed).toEqual({
      ok: true,
      badge: expect.objectContaining({
        format: 'ob3-vc',
        issuer: 'did:web:northwind.example',
        issuerName: 'Northwind Academy',
        recipient: { email: 'alice.ng@example.com' },
        achievement: { id: 'urn:uuid:1', name: 'Data Privacy Basics' },
        // 23:30 at UTC-2 is already the next day in UTC.
        issuedOn: '2026-01-01',
        validFrom: '2026-01-01',
        expiresOn: '2027-01-01',
      }),
    });
  });

  it('reads an OB 2.0 assertion whose badge is only a URL', () => {
    const parsed = parseBadge({
      type: 'Assertion',
      recipient: { type: 'email', hashed: false, identity: 'bob@example.org' },
      badge: 'https://badges.example/classes/7',
      verification: { type: 'hosted' },
      issuedOn: 1767225600,
    });
    expect(parsed).toMatchObject({ ok: true, badge: { format: 'ob2', recipient: { email: 'bob@example.org' }, achievement: { id: 'https://badges.example/classes/7' }, issuedOn: '2026-01-01' } });
  });

  it('rejects a date that is not a date', () => {
    const parsed = parseBadge({ type: ['VerifiableCredential'], issuer: 'did:key:z6Mk', validFrom: 'yesterday', credentialSubject: {} });
    expect(parsed).toEqual({ ok: false, reason: 'validFrom is not a date: "yesterday"' });
  });
});

describe('splitCredentials', () => {
  it('splits a JSON array into its credentials and keeps anything else whole', () => {
    expect(splitCredentials('[{"a":1},"eyJ.x.y"]')).toEqual([{ a: 1 }, 'eyJ.x.y']);
    expect(splitCredentials('{"a":1}')).toEqual(['{"a":1}']);
    expect(splitCredentials('[oops')).toEqual(['[oops']);
  });
});

describe('utcDayOf', () => {
  it('takes the UTC calendar day of a date-time', () => {
    expect(utcDayOf('2025-01-09T16:23:24Z')).toBe('2025-01-09');
    expect(utcDayOf('2025-01-09T01:00:00+05:00')).toBe('2025-01-08');
    expect(utcDayOf('2025-01-09')).toBe('2025-01-09');
    expect(utcDayOf('2025-02-30T00:00:00Z')).toBeUndefined();
    expect(utcDayOf('9 Jan 2025')).toBeUndefined();
  });
});

describe('isBitSet', () => {
  it('counts status list bits from the most significant bit of the first byte', () => {
    const bits = new Uint8Array([0b0010_0010, 0b1000_0000]);
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((index) => isBitSet(bits, index))).toEqual([2, 6, 8]);
    expect(isBitSet(bits, 16)).toBe(false);
  });
});
