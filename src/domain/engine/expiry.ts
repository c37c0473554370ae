// Awards about to lapse (SPEC §3 rule 9): current at D and expiring within D+1…D+N days.
import type { Award, IsoDate } from '../schema';
import { fromDayNumber } from '../dates';
import { compareOrdinal } from '../reports';
import { dayOf, scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export const DEFAULT_HORIZON_DAYS = 90;

export interface ExpiringAward {
  employee: string;
  credential: string;
  issuedOn: IsoDate;
  /** Stated on the award or computed from the credential's validity (rule 1). */
  expiresOn: IsoDate;
  award: Award;
}

/**
 * Current awards of employees in scope expiring in the next `days` days, sorted by expiry, employee,
 * credential. Every such award is listed, even when a later award of the same credential renews it.
 */
export function expiringAwards(eo: EngineOrganisation, asOf: IsoDate, days: number = DEFAULT_HORIZON_DAYS, scope?: Scope): ExpiringAward[] {
  const day = dayOf(asOf);
  const last = day + days;
  const mask = scopeMask(eo, scope);
  const found: { a: number; expires: number }[] = [];
  for (let e = 0; e < eo.employees.length; e++) {
    if (mask !== null && mask[e] === 0) continue;
    for (let a = eo.awardStart[e]!; a < eo.awardStart[e + 1]!; a++) {
      const expires = eo.awardExpires[a]!;
      if (eo.awardIssued[a]! <= day && expires > day && expires <= last) found.push({ a, expires });
    }
  }
  const result = found.map(({ a, expires }): ExpiringAward => {
    const award = eo.org.awards[eo.awardRecord[a]!]!;
    return { employee: award.employee, credential: award.credential, issuedOn: award.issuedOn, expiresOn: fromDayNumber(expires), award };
  });
  return result.sort(
    (x, y) =>
      compareOrdinal(x.expiresOn, y.expiresOn) ||
      compareOrdinal(x.employee, y.employee) ||
      compareOrdinal(x.credential, y.credential) ||
      compareOrdinal(x.issuedOn, y.issuedOn),
  );
}
