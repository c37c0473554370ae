// What credentials an employee holds at a date (SPEC §3 rule 2): by a current award, or implied
// by holding every component of a stack, nested stacks included.
import type { Award, IsoDate } from '../schema';
import { fromDayNumber } from '../dates';
import { compareOrdinal } from '../reports';
import { evaluateEmployee } from './evaluate';
import { dayOf, employeeIndexOf } from './lookup';
import { NEVER, type EngineOrganisation } from './prepare';

export interface HeldCredential {
  credentialId: string;
  via: 'award' | 'implied';
  /** For `award`: the current award that lasts longest. */
  award?: Award;
  /** Last day held with no renewal: the award's expiry, or for an implied stack its first component to lapse. */
  expiresOn?: IsoDate;
}

/**
 * The ids of the credentials held at `asOf` (by award or implied), in no particular order: what the
 * recommender needs, without the award, expiry and sort of heldCredentials, for 100,000 employees.
 */
export function heldCredentialIds(eo: EngineOrganisation, employeeId: string, asOf: IsoDate): string[] {
  const e = employeeIndexOf(eo, employeeId);
  if (e < 0) return [];
  evaluateEmployee(eo, e, dayOf(asOf));
  const { heldList, heldCount } = eo.scratch;
  const ids: string[] = [];
  for (let i = 0; i < heldCount; i++) ids.push(eo.credentialIds[heldList[i]!]!);
  return ids;
}

/** Credentials held at `asOf`, sorted by credential id; an unknown employee holds nothing. */
export function heldCredentials(eo: EngineOrganisation, employeeId: string, asOf: IsoDate): HeldCredential[] {
  const e = employeeIndexOf(eo, employeeId);
  if (e < 0) return [];
  const day = dayOf(asOf);
  evaluateEmployee(eo, e, day);
  const { heldList, heldCount, directCount } = eo.scratch;

  const lastDay = new Map<number, number>();
  const bestAward = new Map<number, number>();
  for (let a = eo.awardStart[e]!; a < eo.awardStart[e + 1]!; a++) {
    if (eo.awardIssued[a]! <= day && day <= eo.awardExpires[a]!) {
      const c = eo.awardCredential[a]!;
      const best = bestAward.get(c);
      if (best === undefined || eo.awardExpires[a]! > eo.awardExpires[best]!) {
        bestAward.set(c, a);
        lastDay.set(c, eo.awardExpires[a]!);
      }
    }
  }
  // Implied stacks come after their components in the held list, so each one's components are known.
  for (let i = directCount; i < heldCount; i++) {
    const stack = heldList[i]!;
    let until = NEVER;
    for (let k = eo.componentStart[stack]!; k < eo.componentStart[stack + 1]!; k++) {
      until = Math.min(until, lastDay.get(eo.componentList[k]!)!);
    }
    lastDay.set(stack, until);
  }

  const result: HeldCredential[] = [];
  for (let i = 0; i < heldCount; i++) {
    const c = heldList[i]!;
    const until = lastDay.get(c)!;
    const held: HeldCredential = { credentialId: eo.credentialIds[c]!, via: i < directCount ? 'award' : 'implied' };
    if (i < directCount) held.award = eo.org.awards[eo.awardRecord[bestAward.get(c)!]!]!;
    if (until !== NEVER) held.expiresOn = fromDayNumber(until);
    result.push(held);
  }
  return result.sort((a, b) => compareOrdinal(a.credentialId, b.credentialId));
}
