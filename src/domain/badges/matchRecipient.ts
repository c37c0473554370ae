// Who a badge was awarded to: its recipient compared with an email, in clear or hashed with a salt as
// Open Badges defines (`sha256$hex(email + salt)`), and matched to an employee (SPEC §2 Award, §6 verify).
import { sha256 } from '@noble/hashes/sha2.js';
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Employee } from '../schema';
import type { BadgeRecipient, HashedIdentity, ParsedBadge } from './types';

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `sha256$<hex>` of email + salt, the OB 2.0 / OB 3.0 hashed identity (lower-case hex). */
export function hashEmail(email: string, salt = '', algorithm = 'sha256'): string | undefined {
  const bytes = new TextEncoder().encode(email + salt);
  if (algorithm === 'sha256') return bytesToHex(sha256(bytes));
  if (algorithm === 'md5') return bytesToHex(md5(bytes));
  return undefined;
}

function hashedMatches(hashed: HashedIdentity, email: string): boolean {
  // Issuers hash the address as they stored it; most lower-case it first, so try both spellings.
  const candidates = new Set([email.trim(), normaliseEmail(email)]);
  for (const candidate of candidates) {
    if (hashEmail(candidate, hashed.salt ?? '', hashed.algorithm) === hashed.hash.toLowerCase()) return true;
  }
  return false;
}

/** Whether the badge names `email` as its recipient: true, false, or undefined when it names no email at all. */
export function recipientIsEmail(recipient: BadgeRecipient, email: string): boolean | undefined {
  if (recipient.email !== undefined) return normaliseEmail(recipient.email) === normaliseEmail(email);
  if (recipient.hashed !== undefined) {
    if (hashEmail('', '', recipient.hashed.algorithm) === undefined) return undefined;
    return hashedMatches(recipient.hashed, email);
  }
  return undefined;
}

/** The recipient as a person reads it in a list: email, "hashed email", DID, other id, or name. */
export function describeRecipient(recipient: BadgeRecipient): string {
  if (recipient.email !== undefined) return recipient.email;
  if (recipient.hashed !== undefined) return `hashed email (${recipient.hashed.algorithm})`;
  return recipient.did ?? recipient.id ?? recipient.name ?? '';
}

/**
 * The id of the employee a badge was awarded to, by email (case-insensitive) or by hashed email;
 * undefined when none matches. The first match wins if two employees share an address.
 */
export function matchRecipient(badge: ParsedBadge, employees: ReadonlyArray<Pick<Employee, 'id' | 'email'>>): string | undefined {
  for (const employee of employees) {
    if (employee.email === undefined || employee.email.trim() === '') continue;
    if (recipientIsEmail(badge.recipient, employee.email) === true) return employee.id;
  }
  return undefined;
}
