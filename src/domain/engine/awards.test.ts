import { describe, it, expect } from 'vitest';
import type { Credential } from '../schema';
import { awardExpiry, isAwardCurrent } from './awards';
import { heldCredentials } from './holdings';
import { prepareOrganisation } from './prepare';
import { award, CATALOG, employee, organisation } from './testFixtures';

const firstAid: Credential = { id: 'first-aid', name: 'First Aid at Work', issuer: 'Red Cross', grants: [{ skill: 'first-aid', level: 2 }], validityMonths: 1 };
const gdprBasic = CATALOG.find((c) => c.id === 'gdpr-basic'); // valid 12 months
const sqlAdvanced = CATALOG.find((c) => c.id === 'sql-adv'); // no validity

describe('rule 1: when an award is current', () => {
  const explicit = award('E1', 'gdpr-basic', '2025-03-10', '2026-03-10');

  it('is current on the day it expires', () => {
    expect(isAwardCurrent(explicit, gdprBasic, '2026-03-10')).toBe(true);
  });

  it('is no longer current the day after it expires', () => {
    expect(isAwardCurrent(explicit, gdprBasic, '2026-03-11')).toBe(false);
  });

  it('is current on the day it is issued and not the day before', () => {
    expect(isAwardCurrent(explicit, gdprBasic, '2025-03-10')).toBe(true);
    expect(isAwardCurrent(explicit, gdprBasic, '2025-03-09')).toBe(false);
  });

  it('takes a missing expiry from the credential validity, same day of month', () => {
    expect(awardExpiry(award('E1', 'gdpr-basic', '2025-07-14'), gdprBasic)).toBe('2026-07-14');
  });

  it('clamps a month-end validity to the end of a shorter month', () => {
    expect(awardExpiry(award('E1', 'first-aid', '2026-01-31'), firstAid)).toBe('2026-02-28');
    expect(awardExpiry(award('E1', 'first-aid', '2024-01-31'), firstAid)).toBe('2024-02-29');
  });

  it('moves a leap day to the 28th when the validity ends in a common year', () => {
    expect(awardExpiry(award('E1', 'gdpr-basic', '2024-02-29'), gdprBasic)).toBe('2025-02-28');
    expect(isAwardCurrent(award('E1', 'gdpr-basic', '2024-02-29'), gdprBasic, '2025-03-01')).toBe(false);
  });

  it('prefers the expiry written on the award over the credential validity', () => {
    const renewedLonger = award('E1', 'gdpr-basic', '2025-01-15', '2027-01-15');
    expect(awardExpiry(renewedLonger, gdprBasic)).toBe('2027-01-15');
    expect(isAwardCurrent(renewedLonger, gdprBasic, '2026-06-01')).toBe(true);
  });

  it('never expires without an expiry date or a validity', () => {
    const once = award('E1', 'sql-adv', '2015-06-01');
    expect(awardExpiry(once, sqlAdvanced)).toBeUndefined();
    expect(isAwardCurrent(once, sqlAdvanced, '2099-12-31')).toBe(true);
  });

  it('uses only the award dates for a credential missing from the catalog', () => {
    expect(awardExpiry(award('E1', 'aws-sa', '2025-01-01'), undefined)).toBeUndefined();
    expect(isAwardCurrent(award('E1', 'aws-sa', '2025-01-01', '2025-12-31'), undefined, '2026-01-01')).toBe(false);
  });

  describe('the prepared engine agrees on the boundaries', () => {
    const eo = prepareOrganisation(
      organisation({
        credentials: [...CATALOG, firstAid],
        employees: [employee('E1', 'Support', 'support-agent'), employee('E2', 'Support', 'support-agent')],
        awards: [award('E1', 'gdpr-basic', '2025-03-10', '2026-03-10'), award('E1', 'first-aid', '2026-01-31'), award('E2', 'first-aid', '2024-01-31')],
      }),
    );
    const held = (id: string, asOf: string): string[] => heldCredentials(eo, id, asOf).map((h) => `${h.credentialId}:${h.expiresOn ?? 'never'}`);

    it('holds an award on its expiry day and not after', () => {
      expect(held('E1', '2026-03-10')).toEqual(['gdpr-basic:2026-03-10']);
      expect(held('E1', '2026-03-11')).toEqual([]);
    });

    it('holds a one-month award from January 31 until February 28, or 29 in a leap year', () => {
      expect(held('E1', '2026-02-28')).toEqual(['first-aid:2026-02-28', 'gdpr-basic:2026-03-10']);
      expect(held('E1', '2026-03-01')).toEqual(['gdpr-basic:2026-03-10']);
      expect(held('E2', '2024-02-29')).toEqual(['first-aid:2024-02-29']);
      expect(held('E2', '2024-03-01')).toEqual([]);
    });

    it('holds an award on its issue day and not the day before', () => {
      expect(held('E1', '2025-03-10')).toEqual(['gdpr-basic:2026-03-10']);
      expect(held('E1', '2025-03-09')).toEqual([]);
    });
  });
});
