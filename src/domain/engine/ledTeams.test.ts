import { describe, expect, it } from 'vitest';
import type { Organisation } from '../schema';
import { employeeIdByEmail, teamsLedBy } from './ledTeams';

const org: Organisation = {
  skills: [],
  roles: [],
  credentials: [],
  awards: [],
  assessments: [],
  goals: [],
  interests: [],
  employees: [
    { id: 'M1', name: 'Mira Lead', email: 'Mira.Lead@example.test', team: 'Leads', role: 'r' },
    { id: 'A1', name: 'Ann', team: 'Alpha', role: 'r', manager: 'M1' },
    { id: 'A2', name: 'Arne', team: 'Alpha', role: 'r', manager: 'M1' },
    { id: 'G1', name: 'Gus', team: 'Gamma', role: 'r', manager: 'M1' },
    { id: 'B1', name: 'Bea', team: 'Beta', role: 'r', manager: 'X9' },
    { id: 'D1', name: 'Dup One', email: 'dup@example.test', team: 'Delta', role: 'r' },
    { id: 'D2', name: 'Dup Two', email: 'DUP@example.test', team: 'Delta', role: 'r' },
    { id: 'D3', name: 'Dee', team: 'Delta', role: 'r', manager: 'D1' },
  ],
};

describe('teamsLedBy', () => {
  it('finds the teams of the people whose manager has this email, whatever its case', () => {
    expect(teamsLedBy(org, 'mira.lead@EXAMPLE.test')).toEqual(['Alpha', 'Gamma']);
  });

  it('leads nothing for an email no employee has', () => {
    expect(teamsLedBy(org, 'nobody@example.test')).toEqual([]);
    expect(teamsLedBy(org, '')).toEqual([]);
  });

  it('links no employee when two records share the email', () => {
    expect(employeeIdByEmail(org, 'dup@example.test')).toBeUndefined();
    expect(teamsLedBy(org, 'dup@example.test')).toEqual([]);
  });
});
