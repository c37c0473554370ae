// The JSON-LD contexts bundled for offline canonicalisation (SPEC §6 `verify`: no network), keyed by
// the URL credentials name them by; see SOURCES.md for where each exact text comes from.
import type { JsonLd, RemoteDocument } from 'jsonld/jsonld-spec';
import credentialsV1 from './credentials-v1.json';
import credentialsV2 from './credentials-v2.json';
import dataIntegrityV1 from './data-integrity-v1.json';
import dataIntegrityV2 from './data-integrity-v2.json';
import ed25519Signature2020V1 from './ed25519-2020-v1.json';
import bitstringStatusListV1 from './bitstring-status-list-v1.json';
import dccV1 from './dcc-v1.json';
import openBadges300 from './ob-3.0.0.json';
import openBadges301 from './ob-3.0.1.json';
import openBadges302 from './ob-3.0.2.json';
import openBadges303 from './ob-3.0.3.json';
import openBadgesExtensions from './ob-extensions.json';

export const bundledContexts: Readonly<Record<string, object>> = {
  'https://www.w3.org/2018/credentials/v1': credentialsV1,
  'https://www.w3.org/ns/credentials/v2': credentialsV2,
  'https://w3id.org/security/data-integrity/v1': dataIntegrityV1,
  'https://w3id.org/security/data-integrity/v2': dataIntegrityV2,
  'https://w3id.org/security/suites/ed25519-2020/v1': ed25519Signature2020V1,
  'https://www.w3.org/ns/credentials/status/v1': bitstringStatusListV1,
  'https://w3id.org/dcc/v1': dccV1,
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': openBadges300,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': openBadges301,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': openBadges302,
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': openBadges303,
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': openBadgesExtensions,
};

/** A jsonld documentLoader that only ever answers from the bundle: it never touches the network. */
export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  const document = bundledContexts[url];
  // Thrown inside jsonld only: the verifier turns this message into an `unverified` result.
  if (document === undefined) throw new Error(`JSON-LD context ${url} is not bundled and cannot be fetched offline`);
  return { documentUrl: url, document: document as JsonLd };
}
