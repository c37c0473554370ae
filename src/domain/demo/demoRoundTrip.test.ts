import { describe, expect, it } from 'vitest';
import { demoOrganisation, generateOrganisation } from './generate';
import { assembleOrganisation, organisationCsvFiles, readCsvFile } from '../csv';
import { RECORD_KINDS, type Organisation } from '../schema';

function roundTrip(organisation: Organisation) {
  const files = organisationCsvFiles(organisation);
  const parsed = RECORD_KINDS.map((kind) => readCsvFile({ fileName: `${kind}.csv`, text: files[kind] }, { kind }));
  return assembleOrganisation(parsed);
}

describe('a generated organisation exported as CSV', () => {
  it('imports back with no error and the same records (the demo)', () => {
    const demo = demoOrganisation('2026-11-25');
    const { organisation, issues } = roundTrip(demo);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(organisation.employees).toEqual(demo.employees);
    expect(organisation.assessments).toHaveLength(demo.assessments.length);
    expect(organisation.awards).toHaveLength(demo.awards.length);
  });

  it('imports back with no error when managers reviewed most required skills', () => {
    const reviewed = generateOrganisation({ employees: 400, seed: 11, asOf: '2026-06-30', annualReviewShare: 0.9 });
    const { issues } = roundTrip(reviewed);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
