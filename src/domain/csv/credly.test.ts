// Credly's files as awards (issue 14): the bulk-issue CSV (dates mm/dd/yy as its header says) and the
// issued-badges JSON, their badge templates mapped to catalog credentials by id, by a remembered
// mapping or by name — and a template nothing maps asked once, its awards waiting.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatIssue, mapBadgeTemplates, readCsvFile } from './index';
import { declaredDateFormat } from './readCsvFile';
import type { Award } from '../schema';

const awardsOf = (file: ReturnType<typeof readCsvFile>): Award[] => (file.records.kind === 'awards' ? file.records.values : []);

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures/badge-platforms');
const bulkIssue = () => readCsvFile({ fileName: 'credly-bulk-issue.csv', bytes: readFileSync(`${FIXTURES}/credly-bulk-issue.csv`) });
const issuedBadges = () => readCsvFile({ fileName: 'credly-issued-badges.json', bytes: readFileSync(`${FIXTURES}/credly-issued-badges.json`) });

const SQL = '5f0c8a2e-3b1d-4c7a-9e21-7d4b2f6a1c90';
const VIZ = 'a7d1e4b9-62f3-4e08-b5c4-0f9a8e2d7b13';
const CLOUD = 'c2b97f10-8d5e-4a6b-a3f1-5e7c9d0b4a28';

const CATALOG = [
  { id: 'sql-fundamentals', name: 'SQL Fundamentals' },
  { id: VIZ, name: 'Data Visualisation Practitioner' },
  { id: 'cloud-practitioner', name: 'Cloud Practitioner' },
];

describe("Credly's bulk-issue CSV", () => {
  it('reads as awards by recipient email, its mm/dd/yy dates in full', () => {
    const file = bulkIssue();
    expect(file.kind).toBe('awards');
    expect(file.issues).toEqual([]);
    expect(file.records.values).toEqual([
      { employee: 'ana.silva@example.com', credential: SQL, issuedOn: '2025-03-14', expiresOn: '2027-03-14', evidenceUrl: 'https://evidence.example/ana/sql', verification: 'unverified' },
      { employee: 'ben.okoro@example.com', credential: SQL, issuedOn: '2024-11-02', verification: 'unverified' },
      { employee: 'chen.li@example.com', credential: VIZ, issuedOn: '2026-01-09', expiresOn: '2028-01-09', evidenceUrl: 'https://evidence.example/chen/viz', verification: 'unverified' },
      { employee: 'dana.muller@example.com', credential: CLOUD, issuedOn: '2025-06-30', verification: 'unverified' },
      { employee: 'eve.oconnor@example.com', credential: VIZ, issuedOn: '2025-12-01', expiresOn: '2027-12-01', verification: 'unverified' },
    ]);
  });

  it('maps templates by catalog id and by the mapping remembered, and asks once for the rest', () => {
    const file = bulkIssue();
    mapBadgeTemplates(file, CATALOG, { [SQL]: 'sql-fundamentals' });
    expect(awardsOf(file).map((award) => [award.employee, award.credential])).toEqual([
      ['ana.silva@example.com', 'sql-fundamentals'],
      ['ben.okoro@example.com', 'sql-fundamentals'],
      ['chen.li@example.com', VIZ],
      ['eve.oconnor@example.com', VIZ],
    ]);
    expect(file.records.rows).toEqual([2, 3, 4, 6]);
    expect(file.pending).toEqual([{ type: 'badge-template', column: 'Badge Template ID', templateId: CLOUD, rows: 1 }]);
    expect(file.issues.map(formatIssue)).toEqual([
      `credly-bulk-issue.csv:5:Badge Template ID: the Credly badge template ${CLOUD} is not a catalog credential yet (1 award wait for it): choose the catalog credential it is in the import wizard (remembered for later imports), or give gapmap --badge-templates FILE`,
    ]);
  });
});

describe("Credly's issued-badges JSON", () => {
  it('reads each badge as an award and leaves a revoked one out, located in its data array', () => {
    const file = issuedBadges();
    expect(file.kind).toBe('awards');
    expect(file.badgeTemplates).toEqual({ [SQL]: 'SQL Fundamentals', [VIZ]: 'Data Visualisation Practitioner' });
    expect(file.records.values).toEqual([
      { employee: 'ana.silva@example.com', credential: SQL, issuedOn: '2025-03-14', expiresOn: '2027-03-14', evidenceUrl: 'https://evidence.example/ana/sql', verification: 'unverified' },
      { employee: 'chen.li@example.com', credential: VIZ, issuedOn: '2026-01-09', verification: 'unverified' },
    ]);
    expect(file.issues.map(formatIssue)).toEqual(['credly-issued-badges.json:data[2]:state: warning: this badge was revoked on Credly, so it is not imported as an award']);
  });

  it("maps a template by the name of a catalog credential when nothing else does", () => {
    const file = issuedBadges();
    mapBadgeTemplates(file, CATALOG);
    expect(awardsOf(file).map((award) => award.credential)).toEqual(['sql-fundamentals', VIZ]);
    expect(file.pending).toEqual([]);
  });
});

describe('dates a header declares', () => {
  it('reads the order and year length from headers like Credly\'s', () => {
    expect(declaredDateFormat('Issued at date (mm/dd/yy)')).toEqual({ order: 'MDY', shortYear: true });
    expect(declaredDateFormat('Date (DD/MM/YYYY)')).toEqual({ order: 'DMY', shortYear: false });
    expect(declaredDateFormat('Expiration Date')).toBeUndefined();
    expect(declaredDateFormat('commdd/yy')).toBeUndefined();
  });
});
