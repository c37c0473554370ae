// Finds the public key behind a proof's verification method or a JWT's kid, offline only: did:key and
// did:jwk carry the key in the identifier, did:web needs a document the user pinned (SPEC §6 `verify`).
import { base58, base64urlnopad } from '@scure/base';
import { isRecord } from './json';

export type PublicKey =
  | { kind: 'ed25519'; bytes: Uint8Array }
  /** A JWK to hand to jose (EC, RSA, OKP...). */
  | { kind: 'jwk'; jwk: Record<string, unknown> };

export type KeyResolution =
  | { ok: true; key: PublicKey; controller: string }
  /** `unavailable`: the key cannot be had offline (unverified); `invalid`: it does not exist or is unusable (failed). */
  | { ok: false; problem: 'unavailable' | 'invalid'; reason: string };

// Multicodec prefix of an Ed25519 public key (0xed as an unsigned varint).
const ED25519_PUB_PREFIX = [0xed, 0x01] as const;

export function didOf(verificationMethod: string): string {
  const hash = verificationMethod.indexOf('#');
  return hash === -1 ? verificationMethod : verificationMethod.slice(0, hash);
}

/** `z6Mk…` (multibase base58btc of multicodec ed25519-pub + 32 bytes) → the raw key, or undefined. */
export function decodeEd25519Multibase(multibase: string): Uint8Array | undefined {
  if (!multibase.startsWith('z')) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(multibase.slice(1));
  } catch {
    return undefined;
  }
  if (bytes.length !== 34 || bytes[0] !== ED25519_PUB_PREFIX[0] || bytes[1] !== ED25519_PUB_PREFIX[1]) return undefined;
  return bytes.slice(2);
}

export function ed25519ToJwk(bytes: Uint8Array): Record<string, unknown> {
  return { kty: 'OKP', crv: 'Ed25519', x: base64urlnopad.encode(bytes) };
}

function keyFromMethod(method: Record<string, unknown>): PublicKey | undefined {
  const multibase = method.publicKeyMultibase;
  if (typeof multibase === 'string') {
    const bytes = decodeEd25519Multibase(multibase);
    return bytes ? { kind: 'ed25519', bytes } : undefined;
  }
  if (isRecord(method.publicKeyJwk)) {
    const jwk = method.publicKeyJwk;
    if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
      try {
        const bytes = base64urlnopad.decode(jwk.x);
        if (bytes.length === 32) return { kind: 'ed25519', bytes };
      } catch {
        return undefined;
      }
      return undefined;
    }
    return { kind: 'jwk', jwk };
  }
  // Ed25519VerificationKey2018 keeps the raw key in base58.
  if (typeof method.publicKeyBase58 === 'string') {
    try {
      const bytes = base58.decode(method.publicKeyBase58);
      if (bytes.length === 32) return { kind: 'ed25519', bytes };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function resolveDidKey(did: string, fragment: string | undefined): KeyResolution {
  const multibase = did.slice('did:key:'.length);
  const bytes = decodeEd25519Multibase(multibase);
  if (!bytes) return { ok: false, problem: 'unavailable', reason: `${did} is not an Ed25519 did:key, the only kind verified offline` };
  // The one verification method of an Ed25519 did:key is `did#<multibase>`.
  if (fragment !== undefined && fragment !== multibase) {
    return { ok: false, problem: 'invalid', reason: `${did} has no verification method #${fragment}` };
  }
  return { ok: true, key: { kind: 'ed25519', bytes }, controller: did };
}

function resolveDidJwk(did: string): KeyResolution {
  try {
    const jwk: unknown = JSON.parse(new TextDecoder().decode(base64urlnopad.decode(did.slice('did:jwk:'.length))));
    if (!isRecord(jwk)) throw new Error('not an object');
    const key = keyFromMethod({ publicKeyJwk: jwk });
    if (key) return { ok: true, key, controller: did };
  } catch {
    // fall through: an undecodable did:jwk names no key
  }
  return { ok: false, problem: 'invalid', reason: `${did} does not decode to a public key` };
}

function methodsOf(document: Record<string, unknown>, relation: string): unknown[] {
  const value = document[relation];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function resolveFromDocument(did: string, methodId: string, document: Record<string, unknown>, purpose: string): KeyResolution {
  if (document.id !== did) {
    return { ok: false, problem: 'unavailable', reason: `the pinned document for ${did} describes ${String(document.id)}` };
  }
  const absolute = (id: unknown): string | undefined =>
    typeof id !== 'string' ? undefined : id.startsWith('#') ? `${did}${id}` : id;
  const declared = [...methodsOf(document, 'verificationMethod'), ...methodsOf(document, purpose)]
    .filter(isRecord)
    .find((method) => absolute(method.id) === methodId);
  if (!declared) return { ok: false, problem: 'invalid', reason: `${did} has no verification method ${methodId}` };
  // The key must be authorised for what it is used for (a badge is an assertion).
  const authorised = methodsOf(document, purpose).some((entry) => absolute(isRecord(entry) ? entry.id : entry) === methodId);
  if (!authorised) return { ok: false, problem: 'invalid', reason: `${methodId} is not authorised for ${purpose} by ${did}` };
  const key = keyFromMethod(declared);
  if (!key) return { ok: false, problem: 'unavailable', reason: `the key type of ${methodId} is not supported offline` };
  const controller = typeof declared.controller === 'string' ? declared.controller : did;
  return { ok: true, key, controller };
}

/**
 * The public key named by `methodId` (a DID URL such as `did:key:z6Mk…#z6Mk…`), authorised for
 * `purpose` (assertionMethod for credentials). did:web is resolved only from `didDocuments`.
 */
export function resolveVerificationMethod(
  methodId: string,
  didDocuments: Record<string, unknown> | undefined,
  purpose = 'assertionMethod',
): KeyResolution {
  const did = didOf(methodId);
  const fragment = methodId.includes('#') ? methodId.slice(methodId.indexOf('#') + 1) : undefined;
  if (did.startsWith('did:key:')) return resolveDidKey(did, fragment);
  if (did.startsWith('did:jwk:')) return resolveDidJwk(did);
  if (did.startsWith('did:web:')) {
    const document = didDocuments?.[did];
    if (!isRecord(document)) {
      return { ok: false, problem: 'unavailable', reason: `the DID document of ${did} is not pinned (did:web cannot be resolved offline)` };
    }
    // A bare DID (a JWT without kid) means the document's first key authorised for the purpose.
    const first = methodsOf(document, purpose)[0];
    const firstId = isRecord(first) ? first.id : first;
    const chosen = fragment !== undefined ? `${did}#${fragment}` : typeof firstId === 'string' ? (firstId.startsWith('#') ? `${did}${firstId}` : firstId) : methodId;
    return resolveFromDocument(did, chosen, document, purpose);
  }
  return { ok: false, problem: 'unavailable', reason: `the key ${methodId} cannot be resolved offline` };
}
