import { describe, it, expect } from 'vitest';
import type { Credential } from '../schema';
import { heldCredentialIds, heldCredentials } from './holdings';
import { skillLevels } from './proficiency';
import { prepareOrganisation } from './prepare';
import { award, CATALOG, employee, organisation } from './testFixtures';

// data-eng = sql-adv + py-cert; data-lead = data-eng + gdpr-basic (a stack containing a stack).
describe('rule 2: credentials held by award or implied by a stack', () => {
  const eo = prepareOrganisation(
    organisation({
      employees: [employee('D1', 'Data Platform', 'data-engineer'), employee('D2', 'Data Platform', 'data-engineer')],
      awards: [
        award('D1', 'sql-adv', '2024-05-01'), // never expires
        award('D1', 'py-cert', '2025-06-01'), // 12 months: until 2026-06-01
        award('D1', 'gdpr-basic', '2025-09-15'), // until 2026-09-15
        award('D2', 'data-eng', '2025-11-20'), // the stack awarded directly
      ],
    }),
  );
  const summary = (id: string, asOf: string): string[] =>
    heldCredentials(eo, id, asOf).map((h) => `${h.credentialId} ${h.via} ${h.expiresOn ?? 'never'}`);

  it('implies nested stacks, each lasting until its first component lapses', () => {
    expect(summary('D1', '2026-03-01')).toEqual([
      'data-eng implied 2026-06-01',
      'data-lead implied 2026-06-01',
      'gdpr-basic award 2026-09-15',
      'py-cert award 2026-06-01',
      'sql-adv award never',
    ]);
  });

  it('still implies the stacks on the day a component expires', () => {
    expect(summary('D1', '2026-06-01').filter((line) => line.startsWith('data-'))).toEqual(['data-eng implied 2026-06-01', 'data-lead implied 2026-06-01']);
  });

  it('lists the same credentials by id alone for the recommender, awarded and implied', () => {
    expect(heldCredentialIds(eo, 'D1', '2026-03-01').sort()).toEqual(['data-eng', 'data-lead', 'gdpr-basic', 'py-cert', 'sql-adv']);
    expect(heldCredentialIds(eo, 'D1', '2026-06-02').sort()).toEqual(['gdpr-basic', 'sql-adv']);
    expect(heldCredentialIds(eo, 'nobody', '2026-03-01')).toEqual([]);
  });

  it('drops a stack and the stacks built on it when one component has expired', () => {
    expect(summary('D1', '2026-06-02')).toEqual(['gdpr-basic award 2026-09-15', 'sql-adv award never']);
  });

  it('does not imply a stack before all components are issued', () => {
    expect(summary('D1', '2025-09-14')).toEqual(['data-eng implied 2026-06-01', 'py-cert award 2026-06-01', 'sql-adv award never']);
  });

  it('shows a stack awarded directly as held by award, without implying its components', () => {
    expect(summary('D2', '2026-03-01')).toEqual(['data-eng award never']);
  });

  it('returns the award that proves the credential', () => {
    const [gdpr] = heldCredentials(eo, 'D1', '2026-03-01').filter((h) => h.credentialId === 'gdpr-basic');
    expect(gdpr?.award).toEqual(award('D1', 'gdpr-basic', '2025-09-15'));
  });

  it('keeps the longest-lasting of two current awards of one credential', () => {
    const renewed = prepareOrganisation(
      organisation({
        employees: [employee('D1', 'Data Platform', 'data-engineer')],
        awards: [award('D1', 'py-cert', '2025-06-01'), award('D1', 'py-cert', '2026-02-01')],
      }),
    );
    expect(heldCredentials(renewed, 'D1', '2026-03-01')).toEqual([
      { credentialId: 'py-cert', via: 'award', award: award('D1', 'py-cert', '2026-02-01'), expiresOn: '2027-02-01' },
    ]);
  });

  it('holds nothing for an unknown employee', () => {
    expect(heldCredentials(eo, 'nobody', '2026-03-01')).toEqual([]);
  });

  it('survives a cycle of stacks: neither implies the other unless one is awarded', () => {
    const loopA: Credential = { id: 'loop-a', name: 'Loop A', issuer: 'X', grants: [{ skill: 'comms', level: 1 }], components: ['loop-b', 'sql-found'] };
    const loopB: Credential = { id: 'loop-b', name: 'Loop B', issuer: 'X', grants: [{ skill: 'comms', level: 2 }], components: ['loop-a'] };
    const cyclic = prepareOrganisation(
      organisation({
        credentials: [...CATALOG, loopA, loopB],
        employees: [employee('C1', 'Support', 'support-agent'), employee('C2', 'Support', 'support-agent')],
        awards: [award('C1', 'sql-found', '2025-01-01'), award('C2', 'loop-a', '2025-01-01')],
      }),
    );
    expect(heldCredentials(cyclic, 'C1', '2026-01-01').map((h) => h.credentialId)).toEqual(['sql-found']);
    expect(heldCredentials(cyclic, 'C2', '2026-01-01').map((h) => `${h.credentialId} ${h.via}`)).toEqual(['loop-a award', 'loop-b implied']);
  });

  it('lists an award of a credential missing from the catalog, which grants no skill', () => {
    const unknown = prepareOrganisation(
      organisation({ employees: [employee('D1', 'Data Platform', 'data-engineer')], awards: [award('D1', 'aws-solutions-architect', '2025-01-01')] }),
    );
    expect(heldCredentials(unknown, 'D1', '2026-01-01').map((h) => h.credentialId)).toEqual(['aws-solutions-architect']);
    expect(skillLevels(unknown, 'D1', '2026-01-01').size).toBe(0);
  });
});
