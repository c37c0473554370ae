import { describe, expect, it } from 'vitest';
import { describeScenarioChanges } from './scenarioChanges';
import { emptyOrganisation, type Credential, type Organisation, type Role } from './schema';

const dataEngineer: Role = {
  id: 'de',
  name: 'Data Engineer',
  requirements: [
    { skill: 'sql', level: 3, weight: 'critical' },
    { skill: 'py', level: 2, weight: 'important' },
    { skill: 'comm', level: 2, weight: 'nice-to-have' },
  ],
};
const analyst: Role = { id: 'an', name: 'Analyst', requirements: [{ skill: 'sql', level: 2, weight: 'important' }] };
const sqlCourse: Credential = { id: 'sql-3', name: 'SQL Practitioner', issuer: 'Academy', grants: [{ skill: 'sql', level: 3 }], hours: 10, cost: 200, currency: 'EUR', validityMonths: 24 };
const pyCourse: Credential = { id: 'py-2', name: 'Python Basics', issuer: 'Academy', grants: [{ skill: 'py', level: 2 }], hours: 5, cost: 100, currency: 'EUR' };

function organisation(): Organisation {
  return {
    ...emptyOrganisation(),
    skills: [
      { id: 'sql', name: 'SQL', category: 'data' },
      { id: 'py', name: 'Python', category: 'data' },
      { id: 'comm', name: 'Communication', category: 'soft' },
      { id: 'gdpr', name: 'GDPR', category: 'compliance' },
    ],
    roles: [dataEngineer, analyst],
    credentials: [sqlCourse, pyCourse],
  };
}

describe('what a what-if draft changes, in words', () => {
  it('names each requirement changed: level, weight or both, added and no longer required', () => {
    const edited: Role = {
      ...dataEngineer,
      requirements: [
        { skill: 'sql', level: 5, weight: 'critical' },
        { skill: 'py', level: 2, weight: 'critical' },
        { skill: 'gdpr', level: 1, weight: 'nice-to-have' },
      ],
    };
    expect(describeScenarioChanges(organisation(), { roles: [edited, analyst] })).toEqual([
      'Data Engineer: Communication no longer required (was 2, nice to have)',
      'Data Engineer: SQL 3 → 5, critical',
      'Data Engineer: Python 2, important → critical',
      'Data Engineer: GDPR added at 1, nice to have',
    ]);
  });

  it('says both changes when a requirement changes level and weight', () => {
    const edited: Role = { ...analyst, requirements: [{ skill: 'sql', level: 4, weight: 'critical' }] };
    expect(describeScenarioChanges(organisation(), { roles: [dataEngineer, edited] })).toEqual(['Analyst: SQL 2 → 4, important → critical']);
  });

  it('names roles added, renamed and removed', () => {
    const added: Role = { id: 'dpo', name: 'Data Protection Officer', requirements: [{ skill: 'gdpr', level: 4, weight: 'critical' }] };
    expect(describeScenarioChanges(organisation(), { roles: [{ ...analyst, name: 'Data Analyst' }, added] })).toEqual([
      'Role Analyst renamed Data Analyst',
      'Role Data Protection Officer added: GDPR 4, critical',
      'Role Data Engineer removed',
    ]);
  });

  it('names credentials added, removed and changed, detail by detail', () => {
    const cheaper: Credential = { ...sqlCourse, cost: 150, validityMonths: undefined, grants: [{ skill: 'sql', level: 4 }, { skill: 'gdpr', level: 1 }] };
    const added: Credential = { id: 'gdpr-2', name: 'GDPR Essentials', issuer: 'Academy', grants: [{ skill: 'gdpr', level: 2 }] };
    expect(describeScenarioChanges(organisation(), { credentials: [cheaper, added] })).toEqual([
      'Credential SQL Practitioner: cost 200 → 150; valid for 24 months → no expiry; grants SQL 3 → 4; grants GDPR 1',
      'Credential GDPR Essentials added to the catalog',
      'Credential Python Basics removed from the catalog',
    ]);
  });

  it('names a stack that gains a component, by the component’s name', () => {
    const stack: Credential = { id: 'data-stack', name: 'Data Stack', issuer: 'Academy', grants: [], components: ['sql-3'] };
    const base = { ...organisation(), credentials: [sqlCourse, pyCourse, stack] };
    expect(describeScenarioChanges(base, { credentials: [sqlCourse, pyCourse, { ...stack, components: ['sql-3', 'py-2'] }] })).toEqual(['Credential Data Stack: stacks Python Basics']);
  });

  it('says nothing for a draft equal to the stored organisation, or one that leaves roles and catalog as stored', () => {
    expect(describeScenarioChanges(organisation(), { roles: [dataEngineer, analyst], credentials: [sqlCourse, pyCourse] })).toEqual([]);
    expect(describeScenarioChanges(organisation(), {})).toEqual([]);
  });
});
