// When an award is current (SPEC §3 rule 1): issuedOn ≤ D ≤ expiresOn, where a missing expiresOn
// is issuedOn + the credential's validityMonths (clamped to the month's end), and neither means never.
import type { Award, Credential, IsoDate } from '../schema';
import { addMonths } from '../dates';

/** The last day the award is current, or undefined when it never expires. */
export function awardExpiry(award: Award, credential: Credential | undefined): IsoDate | undefined {
  if (award.expiresOn !== undefined) return award.expiresOn;
  const months = credential?.validityMonths;
  return months !== undefined && months > 0 ? addMonths(award.issuedOn, months) : undefined;
}

export function isAwardCurrent(award: Award, credential: Credential | undefined, asOf: IsoDate): boolean {
  // ISO dates compare as strings in calendar order.
  if (award.issuedOn > asOf) return false;
  const expiry = awardExpiry(award, credential);
  return expiry === undefined || asOf <= expiry;
}
