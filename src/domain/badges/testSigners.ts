// Test-only issuers: fresh Ed25519 keys that sign Data Integrity proofs (eddsa-rdfc-2022,
// Ed25519Signature2020) with the verifier's own offline canonicalisation, and VC-JWTs with jose.
import jsonld from 'jsonld';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base58, base64urlnopad } from '@scure/base';
import { SignJWT, importJWK } from 'jose';
import type { JWTPayload } from 'jose';
import { offlineDocumentLoader } from './contexts';
import { ed25519ToJwk } from './resolveKey';

export interface TestIssuer {
  did: string;
  verificationMethod: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export function newIssuer(): TestIssuer {
  const secretKey = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  const multibase = `z${base58.encode(new Uint8Array([0xed, 0x01, ...publicKey]))}`;
  const did = `did:key:${multibase}`;
  return { did, verificationMethod: `${did}#${multibase}`, publicKey, secretKey };
}

async function canonicalHash(document: Record<string, unknown>): Promise<Uint8Array> {
  const options: jsonld.Options.Normalize & { safe: boolean } = { format: 'application/n-quads', documentLoader: offlineDocumentLoader, safe: true };
  return sha256(new TextEncoder().encode(await jsonld.canonize(document as jsonld.JsonLdDocument, options)));
}

/** Adds a proof by `signer`; `claimedMethod` lets a test claim someone else's key. */
export async function signDataIntegrity(
  credential: Record<string, unknown>,
  signer: TestIssuer,
  suite: 'eddsa-rdfc-2022' | 'Ed25519Signature2020' = 'eddsa-rdfc-2022',
  claimedMethod: string = signer.verificationMethod,
): Promise<Record<string, unknown>> {
  const proofOptions: Record<string, unknown> = {
    type: suite === 'eddsa-rdfc-2022' ? 'DataIntegrityProof' : 'Ed25519Signature2020',
    ...(suite === 'eddsa-rdfc-2022' ? { cryptosuite: 'eddsa-rdfc-2022' } : {}),
    created: '2026-03-02T09:00:00Z',
    verificationMethod: claimedMethod,
    proofPurpose: 'assertionMethod',
  };
  const hashes = [await canonicalHash({ ...proofOptions, '@context': credential['@context'] }), await canonicalHash(credential)];
  const signature = ed25519.sign(new Uint8Array([...hashes[0]!, ...hashes[1]!]), signer.secretKey);
  return { ...credential, proof: { ...proofOptions, proofValue: `z${base58.encode(signature)}` } };
}

export async function signJwt(
  payload: JWTPayload,
  signer: TestIssuer,
  header: { kid?: string; jwk?: Record<string, unknown>; typ?: string } = { kid: signer.verificationMethod },
): Promise<string> {
  const key = await importJWK({ ...ed25519ToJwk(signer.publicKey), d: base64urlnopad.encode(signer.secretKey) }, 'EdDSA');
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(key);
}
