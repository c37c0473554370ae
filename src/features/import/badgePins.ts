// What the user pins for offline verification of badges (SPEC §6 verify, no network): an issuer's
// JWKS (or one JWK), did:web documents and status list credentials, read from files they provide.
import type { BadgePins } from '../../api/badgeContract';

export type PinnedFile =
  | { fileName: string; kind: 'jwks'; keys: Array<Record<string, unknown>> }
  | { fileName: string; kind: 'did-document'; did: string; document: Record<string, unknown> }
  /** `url` is where credentials point to it: its own id unless the user says otherwise. */
  | { fileName: string; kind: 'status-list'; url: string; list: Record<string, unknown> }
  | { fileName: string; kind: 'unknown'; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(value: Record<string, unknown>): string[] {
  const type = value.type;
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Reads one pinned file: a JWKS or JWK, a DID document, or a status list credential. */
export function readPinnedFile(fileName: string, text: string): PinnedFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { fileName, kind: 'unknown', problem: 'not valid JSON' };
  }
  if (!isRecord(json)) return { fileName, kind: 'unknown', problem: 'not a JSON object' };
  if (Array.isArray(json.keys)) return { fileName, kind: 'jwks', keys: json.keys.filter(isRecord) };
  if (typeof json.kty === 'string') return { fileName, kind: 'jwks', keys: [json] };
  if (typeof json.id === 'string' && json.id.startsWith('did:')) return { fileName, kind: 'did-document', did: json.id, document: json };
  if (typesOf(json).some((type) => /StatusList/i.test(type))) {
    return { fileName, kind: 'status-list', url: typeof json.id === 'string' ? json.id : '', list: json };
  }
  return { fileName, kind: 'unknown', problem: 'neither a JWKS, a DID document nor a status list credential' };
}

/** The pins of the files, merged: the keys of every JWKS in one set. */
export function pinsOf(files: readonly PinnedFile[]): BadgePins {
  const pins: BadgePins = {};
  for (const file of files) {
    if (file.kind === 'jwks') pins.jwks = { keys: [...(pins.jwks?.keys ?? []), ...file.keys] };
    else if (file.kind === 'did-document') pins.didDocuments = { ...pins.didDocuments, [file.did]: file.document };
    else if (file.kind === 'status-list' && file.url !== '') pins.statusLists = { ...pins.statusLists, [file.url]: file.list };
  }
  return pins;
}
