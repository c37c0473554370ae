// Search: prefix match of every word, case and accents ignored, scoped to a manager's team, kinds in order.
import { describe, expect, it } from 'vitest';
import { emptyOrganisation, type Organisation } from '../schema';
import { buildSearchIndex, normaliseForSearch, searchEntries } from './searchIndex';

function person(id: string, name: string, team: string, role = 'analyst') {
  return { id, name, email: `${id}@example.com`, team, role };
}

const org: Organisation = {
  ...emptyOrganisation(),
  skills: [{ id: 'sql', name: 'SQL', category: 'technical' }, { id: 'dataviz', name: 'Data visualisation', category: 'technical' }],
  roles: [{ id: 'analyst', name: 'Data Analyst', requirements: [] }],
  credentials: [{ id: 'sql-3', name: 'SQL Practitioner', issuer: 'Académie', grants: [{ skill: 'sql', level: 3 }] }],
  employees: [
    person('E1', 'Zoë Ørsted', 'Data Platform'),
    person('E2', 'Zoe Adams', 'Payments'),
    person('E3', 'José Núñez', 'Data Platform'),
    person('E4', 'Dana Smith', 'Payments'),
  ],
};
const index = buildSearchIndex(org);
const labels = (query: string, teams?: string[]) => searchEntries(index, query, { teams: teams ? new Set(teams) : undefined }).map((entry) => `${entry.kind}:${entry.label}`);

describe('search index', () => {
  it('normalises case, accents and letters without a decomposition', () => {
    expect(normaliseForSearch('Zoë ØRSTED Straße Łódź')).toBe('zoe orsted strasse lodz');
  });

  it('finds a person typed without accents, by the start of any word', () => {
    expect(labels('zoe')).toEqual(['person:Zoe Adams', 'person:Zoë Ørsted']);
    expect(labels('nunez')).toEqual(['person:José Núñez']);
    expect(labels('ORS')).toEqual(['person:Zoë Ørsted']);
  });

  it('needs every word of the query, each a prefix, in any order', () => {
    expect(labels('ørs zo')).toEqual(['person:Zoë Ørsted']);
    expect(labels('zoe smith')).toEqual([]);
  });

  it('lists teams, skills, credentials and roles before people', () => {
    expect(labels('data')).toEqual(['team:Data Platform', 'skill:Data visualisation', 'role:Data Analyst']);
    expect(labels('sql')).toEqual(['skill:SQL', 'credential:SQL Practitioner']);
  });

  it('finds a person by their id', () => {
    expect(labels('e3')).toEqual(['person:José Núñez']);
  });

  it("never shows a manager people or teams outside their teams", () => {
    expect(labels('zoe', ['Data Platform'])).toEqual(['person:Zoë Ørsted']);
    expect(labels('pay', ['Data Platform'])).toEqual([]);
    expect(labels('d', ['Data Platform'])).toEqual(['team:Data Platform', 'skill:Data visualisation', 'role:Data Analyst']);
  });

  it('answers nothing to an empty or punctuation-only query', () => {
    expect(labels('')).toEqual([]);
    expect(labels(' - ')).toEqual([]);
  });
});
