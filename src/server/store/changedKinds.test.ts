import { describe, expect, it } from 'vitest';
import { emptyOrganisation } from '../../domain/schema';
import { changedKinds, sameValue } from './changedKinds';

describe('changed collections', () => {
  const skill = { id: 'sql', name: 'SQL', category: 'technical' };
  const base = { ...emptyOrganisation(), skills: [skill] };

  it('are all of them when nothing is stored yet', () => {
    expect(changedKinds(undefined, base)).toHaveLength(8);
  });

  it('leave out a collection rebuilt with equal records', () => {
    expect(changedKinds(base, { ...base, skills: [{ ...skill }] })).toEqual([]);
  });

  it('include a collection where one record changed or one was added', () => {
    expect(changedKinds(base, { ...base, skills: [{ ...skill, name: 'Structured Query Language' }] })).toEqual(['skills']);
    expect(changedKinds(base, { ...base, awards: [{ employee: 'E1', credential: 'c', issuedOn: '2025-01-01', verification: 'unverified' }] })).toEqual(['awards']);
  });

  it('compare nested requirements by value', () => {
    expect(sameValue({ requirements: [{ skill: 'sql', level: 3 }] }, { requirements: [{ skill: 'sql', level: 3 }] })).toBe(true);
    expect(sameValue({ requirements: [{ skill: 'sql', level: 3 }] }, { requirements: [{ skill: 'sql', level: 4 }] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
