// Verifies badges signed as compact JWS: VC-JWT (OB 3.0 / VC v1 `vc` claim, VC-JOSE-COSE v2) and signed
// Open Badges 2.0 assertions, with jose, using keys had offline: did:key, did:jwk, pinned did:web or a JWKS.
import { compactVerify, decodeProtectedHeader, errors, importJWK } from 'jose';
import type { ProofOutcome } from './dataIntegrity';
import { didOf, ed25519ToJwk, resolveVerificationMethod } from './resolveKey';
import type { PublicKey } from './resolveKey';
import type { JWKS, ParsedBadge } from './types';
import { isRecord } from './json';

type Candidate = { label: string; jwk: Record<string, unknown> };

function jwkOf(key: PublicKey): Record<string, unknown> {
  return key.kind === 'ed25519' ? ed25519ToJwk(key.bytes) : key.jwk;
}

async function verifyWith(jws: string, candidate: Candidate, alg: string): Promise<'valid' | 'invalid' | 'unsupported'> {
  try {
    const key = await importJWK(candidate.jwk, alg);
    await compactVerify(jws, key, { algorithms: [alg] });
    return 'valid';
  } catch (error) {
    if (error instanceof errors.JOSENotSupported) return 'unsupported';
    return 'invalid';
  }
}

/** Keys from the user's JWKS: those with the JWT's kid, or all of them when the JWT names none. */
function jwksCandidates(jwks: JWKS | undefined, kid: string | undefined): Candidate[] {
  if (!jwks) return [];
  return jwks.keys
    .filter((key) => kid === undefined || key.kid === undefined || key.kid === kid)
    .map((key) => ({ label: `the provided JWKS key ${typeof key.kid === 'string' ? key.kid : '(no kid)'}`, jwk: key }));
}

export async function verifyJwsBadge(
  badge: ParsedBadge,
  jws: string,
  options: { jwks?: JWKS; didDocuments?: Record<string, unknown> },
): Promise<ProofOutcome> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jws) as Record<string, unknown>;
  } catch {
    return { outcome: 'failed', check: 'malformed', reason: 'the JWS header cannot be decoded' };
  }
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === 'none') {
    return { outcome: 'failed', check: 'signature', reason: 'the JWT is unsigned (alg none or missing)' };
  }
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const issuer = badge.issuer;
  let candidates: Candidate[] = [];

  if (issuer.startsWith('did:')) {
    // A DID issuer's key comes from its DID, never from the user's JWKS or the token itself.
    const methodId = kid === undefined ? issuer : kid.startsWith('#') ? `${issuer}${kid}` : kid;
    if (methodId.startsWith('did:') && didOf(methodId) !== issuer) {
      return { outcome: 'failed', check: 'signature', reason: `signed with ${methodId}, which does not belong to the issuer ${issuer}` };
    }
    const resolved = resolveVerificationMethod(methodId, options.didDocuments);
    if (!resolved.ok) {
      return resolved.problem === 'unavailable'
        ? { outcome: 'unverified', reason: resolved.reason }
        : { outcome: 'failed', check: 'signature', reason: resolved.reason };
    }
    candidates = [{ label: methodId, jwk: jwkOf(resolved.key) }];
  } else {
    candidates = jwksCandidates(options.jwks, kid);
  }

  if (candidates.length === 0) {
    const embedded = isRecord(header.jwk) ? header.jwk : undefined;
    if (embedded) {
      // The token's own key shows it was not altered, but anyone can sign with a key of their own.
      const outcome = await verifyWith(jws, { label: 'the key embedded in the JWT', jwk: embedded }, alg);
      if (outcome === 'invalid') return { outcome: 'failed', check: 'signature', reason: 'the JWT signature does not match the key embedded in it' };
      return {
        outcome: 'unverified',
        reason: `the signature only matches the key embedded in the token, which does not prove that ${issuer || 'the issuer'} signed it; provide the issuer's JWKS`,
      };
    }
    const creator = isRecord(badge.raw) && isRecord(badge.raw.verification) ? badge.raw.verification.creator : undefined;
    const where = typeof creator === 'string' ? ` (published at ${creator})` : '';
    return options.jwks
      ? { outcome: 'failed', check: 'signature', reason: `no key in the provided JWKS has kid ${kid ?? '(none)'}` }
      : { outcome: 'unverified', reason: `the issuer's key${where} cannot be fetched offline; provide it as a JWKS` };
  }

  let unsupported = 0;
  for (const candidate of candidates) {
    const outcome = await verifyWith(jws, candidate, alg);
    if (outcome === 'valid') return { outcome: 'verified', reason: `${alg} signature by ${candidate.label} verified` };
    if (outcome === 'unsupported') unsupported += 1;
  }
  if (unsupported === candidates.length) return { outcome: 'unverified', reason: `the signature algorithm ${alg} cannot be verified here` };
  return {
    outcome: 'failed',
    check: 'signature',
    reason: 'the JWT signature does not match the issuer\'s key (it was changed after signing, or signed with another key)',
  };
}
