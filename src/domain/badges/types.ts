// The shapes of an imported badge and of its offline verification (SPEC §2 Award verification,
// §6 `gapmap verify`), shared by the parser, the verifier, the UI and the CLI.
import type { IsoDate } from '../schema';

export type BadgeFormat = 'ob2' | 'ob3-vc' | 'vc-jwt';

/** OB 2.0 hashed identity: `sha256$<hex of sha256(email + salt)>` (or md5, which we cannot trust). */
export interface HashedIdentity {
  hash: string;
  salt?: string;
  algorithm: string;
}

export interface BadgeRecipient {
  email?: string;
  hashed?: HashedIdentity;
  did?: string;
  /** Any other subject id (a URL, a urn) and the name shown on the badge: for display only. */
  id?: string;
  name?: string;
}

export interface ParsedBadge {
  format: BadgeFormat;
  /** The issuer's id (a DID or URL); its name when it has no id. */
  issuer: string;
  issuerName?: string;
  recipient: BadgeRecipient;
  achievement: { id?: string; name?: string };
  issuedOn?: IsoDate;
  /** First day on which the credential is valid when that is later than issuedOn (VC `validFrom`). */
  validFrom?: IsoDate;
  expiresOn?: IsoDate;
  /**
   * The moments validity starts and ends (ms since 1970), when the credential states them with a
   * time of day: the latest of validFrom/issuanceDate and the JWT `nbf`, the earliest of
   * validUntil/expirationDate and the JWT `exp`. Checked when verifying at the current moment.
   */
  validFromAt?: number;
  expiresAt?: number;
  /** The credential as decoded JSON (for a JWT: its payload); for a JWT the compact text is in `jwt`. */
  raw: unknown;
  jwt?: string;
}

export type VerificationStatus = 'verified' | 'failed' | 'unverified';
export type VerificationCheck = 'signature' | 'expired' | 'not yet valid' | 'recipient' | 'malformed' | 'revoked';

export interface VerificationResult {
  status: VerificationStatus;
  /** Which check failed (status `failed`), or which one could not be done offline (`unverified`). */
  check?: VerificationCheck;
  /** One human sentence: what was verified, or what failed and why, or what could not be checked. */
  reason: string;
  issuer: string;
  /** The recipient as shown: email, DID, "hashed email", or the subject's name. */
  recipient: string;
  /** The achievement's name, else its id. */
  achievement: string;
  /** Undefined when the input could not be parsed at all. */
  badge?: ParsedBadge;
}

/** A JSON Web Key Set as published at an issuer's jwks_uri and given by the user. */
export interface JWKS {
  keys: Array<Record<string, unknown>>;
}

export interface VerifyOptions {
  /**
   * Validity dates are compared as of this day (SPEC §3: current when issuedOn ≤ D ≤ expiresOn): a
   * credential valid at any moment of the day (UTC) is valid over that day.
   */
  asOf: IsoDate;
  /**
   * Verify at this moment (ms since 1970) instead of over the day: `nbf`/`exp` and validity
   * date-times are compared as instants, so an `exp` an hour ago has expired. The CLI sets it
   * when no --as-of is given.
   */
  now?: number;
  expectedRecipientEmail?: string;
  jwks?: JWKS;
  /** did:web documents pinned by the user, keyed by DID (`did:web:example.com`). */
  didDocuments?: Record<string, unknown>;
  /** Status list credentials pinned by the user, keyed by the URL credentials point to. */
  statusLists?: Record<string, unknown>;
}
