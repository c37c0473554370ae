import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeRecords, encodeRecords } from './columnarRecords';

describe('columnar records', () => {
  it('gives back awards exactly, optional fields left out where they were absent', () => {
    const awards = [
      { employee: 'E1', credential: 'aws-dea', issuedOn: '2024-03-14', expiresOn: '2027-03-14', verification: 'verified' },
      { employee: 'E2', credential: 'aws-dea', issuedOn: '2025-01-20', verification: 'unverified' },
    ];
    const decoded = decodeRecords<Record<string, unknown>>(encodeRecords(awards));
    expect(decoded).toEqual(awards);
    expect('expiresOn' in decoded[1]!).toBe(false);
  });

  it('keeps a repeated string once in the dictionary', () => {
    const chunk = encodeRecords([{ team: 'Data' }, { team: 'Data' }, { team: 'Sales' }]);
    const column = chunk.columns[0]!;
    expect(column.type).toBe('dictionary');
    if (column.type === 'dictionary') expect(column.values).toEqual(['', 'Data', 'Sales']);
  });

  it('keeps nested values (a role’s requirements) as they are', () => {
    const roles = [{ id: 'de', name: 'Data Engineer', requirements: [{ skill: 'sql', level: 4, weight: 'critical' }] }];
    expect(decodeRecords(encodeRecords(roles))).toEqual(roles);
  });

  it('round-trips any flat records of strings and numbers', () => {
    const record = fc.record(
      { id: fc.string(), level: fc.integer({ min: 0, max: 5 }), cost: fc.double({ noNaN: true }), note: fc.string(), mixed: fc.oneof(fc.string(), fc.integer()) },
      { requiredKeys: ['id'] },
    );
    fc.assert(fc.property(fc.array(record, { maxLength: 40 }), (records) => {
      expect(decodeRecords(encodeRecords(records))).toEqual(records);
    }));
  });
});
