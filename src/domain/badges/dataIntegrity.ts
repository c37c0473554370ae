// Verifies the embedded proofs of a JSON-LD credential (OB 3.0 / VC v1 and v2): Data Integrity
// eddsa-rdfc-2022 and Ed25519Signature2020, canonicalised offline with the bundled contexts (SPEC §6).
import jsonld from 'jsonld';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58 } from '@scure/base';
import { offlineDocumentLoader } from './contexts';
import { didOf, resolveVerificationMethod } from './resolveKey';
import { isRecord } from './json';
import type { JsonObject } from './json';

export type ProofOutcome =
  | { outcome: 'verified'; reason: string }
  | { outcome: 'failed'; check: 'signature' | 'malformed'; reason: string }
  | { outcome: 'unverified'; reason: string };

/** Suites we verify: both sign sha256(canonical proof options) ‖ sha256(canonical document) with Ed25519. */
function suiteOf(proof: JsonObject): 'Ed25519Signature2020' | 'eddsa-rdfc-2022' | undefined {
  if (proof.type === 'Ed25519Signature2020') return 'Ed25519Signature2020';
  if (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') return 'eddsa-rdfc-2022';
  return undefined;
}

function describeSuite(proof: JsonObject): string {
  return typeof proof.cryptosuite === 'string' ? `${String(proof.type)} (${proof.cryptosuite})` : String(proof.type);
}

/** The issuer's id as the credential states it (a string or a Profile object with an id). */
export function issuerIdOf(credential: JsonObject): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (isRecord(issuer) && typeof issuer.id === 'string') return issuer.id;
  return undefined;
}

/** Why canonicalisation failed, as an outcome: a context we do not have offline, or a document JSON-LD rejects. */
function canonicalisationProblem(error: unknown): ProofOutcome {
  const text = errorText(error);
  const missing = /JSON-LD context (\S+) is not bundled/.exec(text);
  if (missing) return { outcome: 'unverified', reason: `the JSON-LD context ${missing[1]} is not available offline` };
  return { outcome: 'failed', check: 'malformed', reason: `the credential is not valid JSON-LD (${firstLine(text)})` };
}

function errorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  // jsonld wraps the loader's error in details.cause; walk the chain so the real cause is seen.
  for (let depth = 0; depth < 6 && current !== undefined && current !== null; depth++) {
    if (current instanceof Error) parts.push(current.message);
    const details: unknown = isRecord(current) ? current.details : undefined;
    current = isRecord(details) ? details.cause : isRecord(current) ? current.cause : undefined;
  }
  return parts.join(' / ');
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.slice(0, 160) ?? '';
}

async function canonicalHash(document: JsonObject): Promise<Uint8Array> {
  // safe mode: a term the contexts do not define would be dropped silently, so refuse it instead.
  const options: jsonld.Options.Normalize & { safe: boolean } = {
    // RDFC-1.0 (jsonld's default algorithm) is URDNA2015 under its standard name: both suites use it.
    format: 'application/n-quads',
    documentLoader: offlineDocumentLoader,
    safe: true,
  };
  const nquads = await jsonld.canonize(document as jsonld.JsonLdDocument, options);
  return sha256(new TextEncoder().encode(nquads));
}

async function verifyOneProof(
  unsecured: JsonObject,
  proof: JsonObject,
  issuerId: string | undefined,
  didDocuments: Record<string, unknown> | undefined,
): Promise<ProofOutcome> {
  const suite = suiteOf(proof);
  if (!suite) return { outcome: 'unverified', reason: `proof type ${describeSuite(proof)} is not supported offline` };
  const methodId = proof.verificationMethod;
  const proofValue = proof.proofValue;
  if (typeof methodId !== 'string' || typeof proofValue !== 'string') {
    return { outcome: 'failed', check: 'malformed', reason: 'the proof has no verificationMethod or proofValue' };
  }
  if (proof.proofPurpose !== 'assertionMethod') {
    return { outcome: 'failed', check: 'signature', reason: `the proof's purpose is ${String(proof.proofPurpose)}, not assertionMethod` };
  }
  // A valid signature by someone else's key proves nothing about the stated issuer.
  if (issuerId !== undefined && didOf(methodId) !== issuerId) {
    return { outcome: 'failed', check: 'signature', reason: `signed with ${methodId}, which does not belong to the issuer ${issuerId}` };
  }
  const resolved = resolveVerificationMethod(methodId, didDocuments);
  if (!resolved.ok) {
    return resolved.problem === 'unavailable'
      ? { outcome: 'unverified', reason: resolved.reason }
      : { outcome: 'failed', check: 'signature', reason: resolved.reason };
  }
  if (resolved.key.kind !== 'ed25519') {
    return { outcome: 'failed', check: 'signature', reason: `${methodId} is not an Ed25519 key, which ${suite} requires` };
  }
  let signature: Uint8Array;
  try {
    if (!proofValue.startsWith('z')) throw new Error('not base58btc');
    signature = base58.decode(proofValue.slice(1));
  } catch {
    return { outcome: 'failed', check: 'signature', reason: 'the proofValue is not a base58btc multibase signature' };
  }
  const { proofValue: _omitted, ...proofOptions } = proof;
  let hashes: [Uint8Array, Uint8Array];
  try {
    hashes = await Promise.all([
      canonicalHash({ ...proofOptions, '@context': unsecured['@context'] }),
      canonicalHash(unsecured),
    ]);
  } catch (error) {
    return canonicalisationProblem(error);
  }
  const signed = new Uint8Array(64);
  signed.set(hashes[0], 0);
  signed.set(hashes[1], 32);
  const valid = signature.length === 64 && ed25519.verify(signature, signed, resolved.key.bytes, { zip215: false });
  return valid
    ? { outcome: 'verified', reason: `${describeSuite(proof)} signature by ${methodId} verified` }
    : { outcome: 'failed', check: 'signature', reason: `the ${describeSuite(proof)} signature does not match the credential (it was changed after signing, or signed with another key)` };
}

/**
 * Verifies every proof of `credential`. Failed when any supported proof fails; verified when at least
 * one verifies and none fails; unverified when there is no proof or none can be checked offline.
 */
export async function verifyEmbeddedProofs(credential: JsonObject, didDocuments?: Record<string, unknown>): Promise<ProofOutcome> {
  const { proof, ...unsecured } = credential;
  const proofs = (Array.isArray(proof) ? proof : proof === undefined ? [] : [proof]).filter(isRecord);
  if (proofs.length === 0) return { outcome: 'unverified', reason: 'the credential carries no proof' };
  const issuerId = issuerIdOf(credential);
  const outcomes: ProofOutcome[] = [];
  for (const each of proofs) outcomes.push(await verifyOneProof(unsecured, each, issuerId, didDocuments));
  const failed = outcomes.find((outcome) => outcome.outcome === 'failed');
  if (failed) return failed;
  const verified = outcomes.filter((outcome) => outcome.outcome === 'verified');
  if (verified.length > 0) {
    return { outcome: 'verified', reason: verified.map((outcome) => outcome.reason).join('; ') };
  }
  return outcomes[0] ?? { outcome: 'unverified', reason: 'the credential carries no proof' };
}
