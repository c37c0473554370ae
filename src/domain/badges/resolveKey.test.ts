import { describe, expect, it } from 'vitest';
import { resolveVerificationMethod } from './resolveKey';

const KEY = 'z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ';
const DID = 'did:web:badges.northwind.example';

function didDocument(relations: Record<string, unknown>): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: DID,
    verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: KEY }],
    ...relations,
  };
}

describe('resolveVerificationMethod', () => {
  it('reads an Ed25519 did:key offline and refuses a fragment that is not its key', () => {
    expect(resolveVerificationMethod(`did:key:${KEY}#${KEY}`, undefined)).toMatchObject({ ok: true, key: { kind: 'ed25519' } });
    expect(resolveVerificationMethod(`did:key:${KEY}#other`, undefined)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('says a did:web key cannot be had offline unless its document is pinned', () => {
    expect(resolveVerificationMethod(`${DID}#key-1`, undefined)).toMatchObject({ ok: false, problem: 'unavailable' });
  });

  it('resolves a pinned did:web key referenced from assertionMethod, also by a relative id', () => {
    const documents = { [DID]: didDocument({ assertionMethod: ['#key-1'] }) };
    expect(resolveVerificationMethod(`${DID}#key-1`, documents)).toMatchObject({ ok: true, controller: DID });
    // A JWT without kid names only the DID: its first assertion key is meant.
    expect(resolveVerificationMethod(DID, documents)).toMatchObject({ ok: true });
  });

  it('refuses a key the DID document does not authorise for assertions', () => {
    const documents = { [DID]: didDocument({ authentication: [`${DID}#key-1`] }) };
    expect(resolveVerificationMethod(`${DID}#key-1`, documents)).toMatchObject({ ok: false, problem: 'invalid', reason: `${DID}#key-1 is not authorised for assertionMethod by ${DID}` });
  });

  it('does not trust a pinned document that describes another DID', () => {
    const documents = { [DID]: { ...didDocument({ assertionMethod: ['#key-1'] }), id: 'did:web:evil.example' } };
    expect(resolveVerificationMethod(`${DID}#key-1`, documents)).toMatchObject({ ok: false, problem: 'unavailable' });
  });
});
