// Revocation and suspension through Bitstring Status List (and StatusList2021) entries, from status
// list credentials the user pinned; anything not at hand is "status unknown offline" (SPEC §6).
import { base64urlnopad } from '@scure/base';
import type { IsoDate } from '../schema';
import { verifyEmbeddedProofs } from './dataIntegrity';
import { utcDayOf } from './validity';
import { concatBytes } from '../concatBytes';
import { isRecord, typesOf } from './json';
import type { JsonObject } from './json';

export type StatusOutcome =
  | { state: 'none' }
  | { state: 'good'; reason: string }
  | { state: 'revoked'; reason: string }
  /** The status could not be established offline: missing, untrustworthy or unreadable list. */
  | { state: 'unknown'; reason: string };

const ENTRY_TYPES = ['BitstringStatusListEntry', 'StatusList2021Entry'];
const LIST_TYPES = ['BitstringStatusListCredential', 'StatusList2021Credential'];

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes);
  const reader = new Blob([copy]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/** The list's bits: multibase base64url ('u…', Bitstring Status List) or bare base64url (StatusList2021), gzipped. */
async function decodeEncodedList(encoded: string): Promise<Uint8Array | undefined> {
  try {
    const text = encoded.startsWith('u') ? encoded.slice(1) : encoded;
    return await gunzip(base64urlnopad.decode(text.replace(/=+$/, '')));
  } catch {
    return undefined;
  }
}

/** Index 0 is the most significant bit of the first byte (Bitstring Status List §3.2). */
export function isBitSet(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  return byte !== undefined && (byte & (0x80 >> (index & 7))) !== 0;
}

interface Entry {
  listUrl: string;
  index: number;
  purpose: string;
}

function entriesOf(credential: JsonObject): Entry[] | string {
  const status = credential.credentialStatus;
  const raw = Array.isArray(status) ? status : status === undefined ? [] : [status];
  const entries: Entry[] = [];
  for (const entry of raw) {
    if (!isRecord(entry)) return 'a credentialStatus entry is not an object';
    if (!typesOf(entry).some((type) => ENTRY_TYPES.includes(type))) {
      return `status type ${typesOf(entry).join(', ') || '(none)'} cannot be checked offline`;
    }
    const index = Number(entry.statusListIndex);
    if (typeof entry.statusListCredential !== 'string' || !Number.isInteger(index) || index < 0) {
      return 'a status entry has no statusListCredential or a bad statusListIndex';
    }
    entries.push({ listUrl: entry.statusListCredential, index, purpose: typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'revocation' });
  }
  return entries;
}

async function checkEntry(
  entry: Entry,
  asOf: IsoDate,
  statusLists: Record<string, unknown> | undefined,
  didDocuments: Record<string, unknown> | undefined,
): Promise<StatusOutcome> {
  const unknown = (why: string): StatusOutcome => ({ state: 'unknown', reason: `status unknown offline: ${why}` });
  const list = statusLists?.[entry.listUrl];
  if (!isRecord(list)) return unknown(`the status list ${entry.listUrl} is not available`);
  if (!typesOf(list).some((type) => LIST_TYPES.includes(type))) {
    return unknown(`${entry.listUrl} is not a status list credential (its type says ${typesOf(list).join(', ')})`);
  }
  // An unsigned or altered list could be made to say anything, so it only counts once its proof verifies.
  const proof = await verifyEmbeddedProofs(list, didDocuments);
  if (proof.outcome !== 'verified') return unknown(`the status list ${entry.listUrl} could not be verified (${proof.reason})`);
  const validFrom = typeof list.validFrom === 'string' ? utcDayOf(list.validFrom) : undefined;
  const validUntil = typeof list.validUntil === 'string' ? utcDayOf(list.validUntil) : undefined;
  if (validFrom !== undefined && asOf < validFrom) return unknown(`the status list ${entry.listUrl} is not valid before ${validFrom}`);
  if (validUntil !== undefined && asOf > validUntil) return unknown(`the status list ${entry.listUrl} expired on ${validUntil}`);
  const subject = Array.isArray(list.credentialSubject) ? list.credentialSubject[0] : list.credentialSubject;
  if (!isRecord(subject) || typeof subject.encodedList !== 'string') return unknown(`the status list ${entry.listUrl} has no encodedList`);
  const purposes = Array.isArray(subject.statusPurpose) ? subject.statusPurpose : [subject.statusPurpose];
  if (!purposes.includes(entry.purpose)) return unknown(`the status list ${entry.listUrl} is not a ${entry.purpose} list`);
  const bits = await decodeEncodedList(subject.encodedList);
  if (!bits) return unknown(`the status list ${entry.listUrl} cannot be decoded`);
  if (entry.index >= bits.length * 8) return unknown(`index ${entry.index} is outside the status list ${entry.listUrl}`);
  if (isBitSet(bits, entry.index)) {
    const verb = entry.purpose === 'suspension' ? 'suspended' : 'revoked';
    return { state: 'revoked', reason: `${verb} by its issuer (status list ${entry.listUrl}, index ${entry.index})` };
  }
  return { state: 'good', reason: `not ${entry.purpose === 'suspension' ? 'suspended' : 'revoked'} (status list checked)` };
}

/** Checks every status entry of `credential`; revoked wins, then unknown, then good. */
export async function checkCredentialStatus(
  credential: JsonObject,
  asOf: IsoDate,
  statusLists?: Record<string, unknown>,
  didDocuments?: Record<string, unknown>,
): Promise<StatusOutcome> {
  const entries = entriesOf(credential);
  if (typeof entries === 'string') return { state: 'unknown', reason: `status unknown offline: ${entries}` };
  if (entries.length === 0) return { state: 'none' };
  const outcomes: StatusOutcome[] = [];
  for (const entry of entries) outcomes.push(await checkEntry(entry, asOf, statusLists, didDocuments));
  return (
    outcomes.find((outcome) => outcome.state === 'revoked') ??
    outcomes.find((outcome) => outcome.state === 'unknown') ??
    outcomes[0] ?? { state: 'none' }
  );
}
