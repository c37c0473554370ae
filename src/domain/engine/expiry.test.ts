import { describe, it, expect } from 'vitest';
import { expiringAwards } from './expiry';
import { prepareOrganisation } from './prepare';
import { award, employee, organisation } from './testFixtures';

// As of 2026-03-01 the default window is 2026-03-02 … 2026-05-30 (D+1 … D+90).
describe('rule 9: awards expiring within N days', () => {
  const eo = prepareOrganisation(
    organisation({
      employees: ['X1', 'X2', 'X3', 'X4', 'X5', 'X6', 'X7'].map((id) => employee(id, id === 'X5' ? 'Data Platform' : 'Support', 'support-agent')),
      awards: [
        award('X1', 'gdpr-basic', '2025-03-01'), // expires 2026-03-01, the as-of date itself
        award('X2', 'gdpr-basic', '2025-03-02'), // expires 2026-03-02, D+1
        award('X3', 'py-cert', '2025-05-30'), // expires 2026-05-30, D+90
        award('X4', 'py-cert', '2025-05-31'), // expires 2026-05-31, D+91
        award('X5', 'sql-adv', '2024-04-15', '2026-04-15'), // explicit expiry
        award('X6', 'sql-adv', '2026-03-10', '2026-04-01'), // not issued yet
        award('X7', 'gdpr-basic', '2025-02-28'), // lapsed 2026-02-28
        award('X7', 'sql-adv', '2020-01-01'), // never expires
      ],
    }),
  );
  const asOf = '2026-03-01';

  it('lists current awards expiring from D+1 to D+N, soonest first', () => {
    expect(expiringAwards(eo, asOf).map((x) => `${x.employee} ${x.credential} ${x.expiresOn}`)).toEqual([
      'X2 gdpr-basic 2026-03-02',
      'X5 sql-adv 2026-04-15',
      'X3 py-cert 2026-05-30',
    ]);
  });

  it('carries the award and its issue date', () => {
    const [first] = expiringAwards(eo, asOf);
    expect(first).toEqual({ employee: 'X2', credential: 'gdpr-basic', issuedOn: '2025-03-02', expiresOn: '2026-03-02', award: award('X2', 'gdpr-basic', '2025-03-02') });
  });

  it('takes a shorter horizon', () => {
    expect(expiringAwards(eo, asOf, 30).map((x) => x.employee)).toEqual(['X2']);
  });

  it('keeps the employees in scope only', () => {
    expect(expiringAwards(eo, asOf, 90, { teams: ['Data Platform'] }).map((x) => x.employee)).toEqual(['X5']);
  });

  it('breaks ties on the same day by employee then credential', () => {
    const sameDay = prepareOrganisation(
      organisation({
        employees: [employee('B', 'Support', 'support-agent'), employee('A', 'Support', 'support-agent')],
        awards: [award('B', 'py-cert', '2025-04-01'), award('A', 'py-cert', '2025-04-01'), award('A', 'gdpr-basic', '2025-04-01')],
      }),
    );
    expect(expiringAwards(sameDay, asOf).map((x) => `${x.employee} ${x.credential}`)).toEqual(['A gdpr-basic', 'A py-cert', 'B py-cert']);
  });

  it('leaves out an award already renewed by a longer-lasting award of the same credential', () => {
    const renewed = prepareOrganisation(
      organisation({
        employees: [employee('R', 'Support', 'support-agent'), employee('S', 'Support', 'support-agent')],
        awards: [
          award('R', 'gdpr-basic', '2025-04-01'), // expires 2026-04-01 …
          award('R', 'gdpr-basic', '2026-02-15'), // … but renewed: expires 2027-02-15
          award('S', 'gdpr-basic', '2025-04-01'), // expires 2026-04-01, renewal only booked for later:
          award('S', 'gdpr-basic', '2026-03-20'), // issued after D, so S must still be reminded
        ],
      }),
    );
    expect(expiringAwards(renewed, asOf).map((x) => `${x.employee} ${x.expiresOn}`)).toEqual(['S 2026-04-01']);
  });
});
