// Verifies one earned badge offline — signature, revocation status, validity dates as of a day and
// the recipient — into verified / failed (which check, why) / unverified (what could not be had offline).
// Implements SPEC §2 (Award verification status) and §6 (`gapmap verify` statuses and reasons).
import type { IsoDate } from '../schema';
import { verifyEmbeddedProofs } from './dataIntegrity';
import type { ProofOutcome } from './dataIntegrity';
import { verifyJwsBadge } from './jwsProof';
import { describeRecipient, recipientIsEmail } from './matchRecipient';
import { decodeCompactJws, parseBadge } from './parseBadge';
import { checkCredentialStatus } from './statusList';
import type { StatusOutcome } from './statusList';
import type { ParsedBadge, VerificationCheck, VerificationResult, VerifyOptions } from './types';
import { isRecord } from './json';
import { formatInstant } from './validity';

type Finding = { check: VerificationCheck; reason: string };

// When several checks fail, the one named is the first here: a forged badge says nothing reliable
// about its dates, and a revoked one is withdrawn whatever its dates say.
const FAILURE_ORDER: VerificationCheck[] = ['malformed', 'signature', 'revoked', 'expired', 'not yet valid', 'recipient'];

async function proofOf(badge: ParsedBadge, options: VerifyOptions): Promise<ProofOutcome> {
  if (badge.jwt !== undefined) {
    if (badge.format === 'vc-jwt') {
      const decoded = decodeCompactJws(badge.jwt);
      const iss = decoded?.payload.iss;
      if (typeof iss === 'string' && badge.issuer !== '' && iss !== badge.issuer) {
        return { outcome: 'failed', check: 'malformed', reason: `the JWT's iss (${iss}) is not the credential's issuer (${badge.issuer})` };
      }
    }
    return verifyJwsBadge(badge, badge.jwt, options);
  }
  if (badge.format === 'ob2') {
    const verification = isRecord(badge.raw) && isRecord(badge.raw.verification) ? badge.raw.verification : {};
    const type = typeof verification.type === 'string' ? verification.type.toLowerCase() : '';
    if (type === 'signed' || type === 'signedbadge') {
      return { outcome: 'unverified', reason: 'signed assertion given without its signature: import the JWS text the issuer signed' };
    }
    const url = isRecord(badge.raw) && typeof badge.raw.id === 'string' ? ` from ${badge.raw.id}` : '';
    return { outcome: 'unverified', reason: `hosted assertion not fetched${url} (hosted Open Badges 2.0 are verified by fetching them, which is not done offline)` };
  }
  if (!isRecord(badge.raw)) return { outcome: 'failed', check: 'malformed', reason: 'the credential is not a JSON object' };
  return verifyEmbeddedProofs(badge.raw, options.didDocuments);
}

async function statusOf(badge: ParsedBadge, options: VerifyOptions): Promise<StatusOutcome> {
  if (!isRecord(badge.raw)) return { state: 'none' };
  if (badge.format === 'ob2') {
    const badgeClass = badge.raw.badge;
    const issuer = isRecord(badgeClass) ? badgeClass.issuer : undefined;
    if (isRecord(issuer) && typeof issuer.revocationList === 'string') {
      return { state: 'unknown', reason: `status unknown offline: the revocation list ${issuer.revocationList} is not fetched` };
    }
    return { state: 'none' };
  }
  return checkCredentialStatus(badge.raw, options.asOf, options.statusLists, options.didDocuments);
}

function dateFindings(badge: ParsedBadge, asOf: IsoDate, now?: number): Finding[] {
  const findings: Finding[] = [];
  if (now !== undefined) {
    // Checked now: the bounds are instants (JWT nbf/exp are seconds), not days.
    if (badge.expiresAtInstant !== undefined && badge.expiresAtInstant <= now) {
      findings.push({ check: 'expired', reason: `expired at ${formatInstant(badge.expiresAtInstant)}` });
    }
    if (badge.validFromInstant !== undefined && badge.validFromInstant > now) {
      findings.push({ check: 'not yet valid', reason: `not valid before ${formatInstant(badge.validFromInstant)}` });
    }
    if (badge.expiresAtInstant !== undefined || badge.validFromInstant !== undefined) return findings;
  }
  // SPEC §3 rule 1 compares days: a badge expiring on D is still current on D.
  if (badge.expiresOn !== undefined && badge.expiresOn < asOf) {
    findings.push({ check: 'expired', reason: `expired on ${badge.expiresOn}` });
  }
  const start = badge.validFrom ?? badge.issuedOn;
  if (start !== undefined && start > asOf) {
    findings.push({ check: 'not yet valid', reason: `not valid before ${start}` });
  }
  return findings;
}

function result(badge: ParsedBadge, status: VerificationResult['status'], reason: string, check?: VerificationCheck): VerificationResult {
  return {
    status,
    ...(check !== undefined ? { check } : {}),
    reason,
    issuer: badge.issuer,
    recipient: describeRecipient(badge.recipient),
    achievement: badge.achievement.name ?? badge.achievement.id ?? '',
    badge,
  };
}

/** Verifies one credential (JSON text, compact JWT, or decoded JSON) as of `options.asOf`, offline. */
export async function verifyBadge(input: string | unknown, options: VerifyOptions): Promise<VerificationResult> {
  const parsed = parseBadge(input);
  if (!parsed.ok) {
    return { status: 'failed', check: 'malformed', reason: `malformed: ${parsed.reason}`, issuer: '', recipient: '', achievement: '' };
  }
  const badge = parsed.badge;
  const failures: Finding[] = [];
  const unknowns: Finding[] = [];
  const passed: string[] = [];

  const proof = await proofOf(badge, options);
  if (proof.outcome === 'failed') failures.push({ check: proof.check, reason: proof.reason });
  else if (proof.outcome === 'unverified') unknowns.push({ check: 'signature', reason: proof.reason });
  else passed.push(proof.reason);

  // The status list is only worth reading when the credential itself is genuine.
  if (proof.outcome !== 'failed') {
    const status = await statusOf(badge, options);
    if (status.state === 'revoked') failures.push({ check: 'revoked', reason: status.reason });
    else if (status.state === 'unknown') unknowns.push({ check: 'revoked', reason: status.reason });
    else if (status.state === 'good') passed.push(status.reason);
  }

  const dates = dateFindings(badge, options.asOf, options.now);
  failures.push(...dates);
  if (dates.length === 0) passed.push(options.now !== undefined ? `valid at ${formatInstant(options.now)}` : `valid on ${options.asOf}`);

  if (options.expectedRecipientEmail !== undefined) {
    const matches = recipientIsEmail(badge.recipient, options.expectedRecipientEmail);
    if (matches === false) {
      failures.push({ check: 'recipient', reason: `awarded to ${describeRecipient(badge.recipient)}, not ${options.expectedRecipientEmail}` });
    } else if (matches === undefined) {
      unknowns.push({ check: 'recipient', reason: `the badge names no email to compare with ${options.expectedRecipientEmail} (recipient: ${describeRecipient(badge.recipient) || 'none'})` });
    } else {
      passed.push(`awarded to ${options.expectedRecipientEmail}`);
    }
  }

  if (failures.length > 0) {
    failures.sort((a, b) => FAILURE_ORDER.indexOf(a.check) - FAILURE_ORDER.indexOf(b.check));
    const [first, ...others] = failures as [Finding, ...Finding[]];
    const also = others.length > 0 ? `; also ${others.map((other) => other.reason).join('; ')}` : '';
    return result(badge, 'failed', `${first.check}: ${first.reason}${also}`, first.check);
  }
  if (unknowns.length > 0) {
    const [first] = unknowns as [Finding, ...Finding[]];
    return result(badge, 'unverified', unknowns.map((unknown) => unknown.reason).join('; '), first.check);
  }
  return result(badge, 'verified', passed.join('; '));
}
