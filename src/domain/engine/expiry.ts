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
 * credential. An award already renewed — the same person holds another award of the same
 * credential, issued by D, that lasts longer — is left out: nobody needs reminding to renew it
 * (SPEC §3 rule 9 read as users mean it; the forecast, "no renewals", is unaffected).
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
      if (eo.awardIssued[a]! <= day && expires > day && expires <= last && !isRenewed(eo, e, a, day)) found.push({ a, expires });
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

/** True when employee e has another award of award a's credential, issued by `day`, that expires later. */
function isRenewed(eo: EngineOrganisation, e: number, a: number, day: number): boolean {
  for (let other = eo.awardStart[e]!; other < eo.awardStart[e + 1]!; other++) {
    if (other !== a && eo.awardCredential[other] === eo.awardCredential[a] && eo.awardIssued[other]! <= day && eo.awardExpires[other]! > eo.awardExpires[a]!) return true;
  }
  return false;
}
