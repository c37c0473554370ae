// Reads an earned badge in any of the standard forms — Open Badges 2.0 assertion (JSON or signed JWS),
// Open Badges 3.0 / W3C VC with an embedded proof, compact VC-JWT — into one ParsedBadge (SPEC §2 Award).
import { base64urlnopad } from '@scure/base';
import type { BadgeRecipient, HashedIdentity, ParsedBadge } from './types';
import { instantOf, utcDayOf, utcDayOfEpochSeconds } from './validity';
import { isRecord, typesOf } from './json';
import type { JsonObject } from './json';

export type ParseResult = { ok: true; badge: ParsedBadge } | { ok: false; reason: string };

function contextsOf(value: JsonObject): string[] {
  const context = value['@context'];
  const list = Array.isArray(context) ? context : [context];
  return list.filter((c): c is string => typeof c === 'string');
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  // OB 3.0 allows language maps for names ({ "en": "…" }): show the first.
  if (isRecord(value)) {
    const first = Object.values(value).find((v) => typeof v === 'string');
    return typeof first === 'string' ? first : undefined;
  }
  return undefined;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function looksLikeCompactJws(input: string): boolean {
  return COMPACT_JWS.test(input.trim());
}

/** Decodes a compact JWS's header and payload (no verification: that is verifyBadge's job). */
export function decodeCompactJws(jws: string): { header: JsonObject; payload: JsonObject } | undefined {
  const [header, payload] = jws.trim().split('.');
  try {
    const decode = (part: string | undefined): unknown => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64urlnopad.decode(part ?? '')));
    const decodedHeader = decode(header);
    const decodedPayload = decode(payload);
    return isRecord(decodedHeader) && isRecord(decodedPayload) ? { header: decodedHeader, payload: decodedPayload } : undefined;
  } catch {
    return undefined;
  }
}

function isOpenBadge2(value: JsonObject): boolean {
  return (
    typesOf(value).includes('Assertion') ||
    contextsOf(value).some((c) => c.startsWith('https://w3id.org/openbadges/v2')) ||
    (isRecord(value.recipient) && value.badge !== undefined)
  );
}

function isVerifiableCredential(value: JsonObject): boolean {
  return typesOf(value).includes('VerifiableCredential') || contextsOf(value).some((c) => c.includes('/credentials/'));
}

/** OB 2.0 / OB 3.0 hashed identities read `sha256$<hex>` (or `md5$…`). */
function hashedIdentity(identity: string, salt: unknown): HashedIdentity {
  const dollar = identity.indexOf('$');
  const algorithm = dollar === -1 ? 'sha256' : identity.slice(0, dollar).toLowerCase();
  const hash = (dollar === -1 ? identity : identity.slice(dollar + 1)).toLowerCase();
  return typeof salt === 'string' ? { hash, salt, algorithm } : { hash, algorithm };
}

function dateField(value: unknown, field: string): { ok: true; day?: string } | { ok: false; reason: string } {
  if (value === undefined || value === null) return { ok: true };
  // OB 1.x/2.0 also allowed Unix timestamps.
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, day: utcDayOfEpochSeconds(value) };
  if (typeof value === 'string') {
    const day = utcDayOf(value);
    if (day !== undefined) return { ok: true, day };
  }
  return { ok: false, reason: `${field} is not a date: ${JSON.stringify(value)}` };
}

function withDates(
  badge: Omit<ParsedBadge, 'issuedOn' | 'validFrom' | 'expiresOn'>,
  fields: { issuedOn?: [unknown, string]; validFrom?: [unknown, string]; expiresOn?: [unknown, string] },
): ParseResult {
  const result: ParsedBadge = { ...badge };
  for (const key of ['issuedOn', 'validFrom', 'expiresOn'] as const) {
    const field = fields[key];
    if (!field) continue;
    const parsed = dateField(field[0], field[1]);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    if (parsed.day !== undefined) result[key] = parsed.day;
  }
  return { ok: true, badge: result };
}

function parseOpenBadge2(assertion: JsonObject, jwt?: string): ParseResult {
  const recipientField = assertion.recipient;
  if (!isRecord(recipientField) || typeof recipientField.identity !== 'string') {
    return { ok: false, reason: 'the Open Badges 2.0 assertion has no recipient identity' };
  }
  const recipient: BadgeRecipient = {};
  const identityType = typeof recipientField.type === 'string' ? recipientField.type : 'email';
  if (recipientField.hashed === true || /^(sha256|md5)\$/i.test(recipientField.identity)) {
    recipient.hashed = hashedIdentity(recipientField.identity, recipientField.salt);
  } else if (identityType === 'email') {
    recipient.email = recipientField.identity.trim();
  } else {
    recipient.id = recipientField.identity;
  }
  const badgeClass = assertion.badge;
  const achievement = isRecord(badgeClass)
    ? { id: text(badgeClass.id), name: text(badgeClass.name) }
    : { id: text(badgeClass) };
  const issuerField = isRecord(badgeClass) ? badgeClass.issuer : undefined;
  const verification = isRecord(assertion.verification) ? assertion.verification : {};
  const issuerId = isRecord(issuerField) ? text(issuerField.id) : text(issuerField);
  const issuerName = isRecord(issuerField) ? text(issuerField.name) : undefined;
  const issuer = issuerId ?? issuerName ?? text(verification.creator) ?? '';
  return withDates(
    { format: 'ob2', issuer, ...(issuerName ? { issuerName } : {}), recipient, achievement: dropEmpty(achievement), raw: assertion, ...(jwt ? { jwt } : {}) },
    { issuedOn: [assertion.issuedOn, 'issuedOn'], expiresOn: [assertion.expires, 'expires'] },
  );
}

function dropEmpty(achievement: { id?: string | undefined; name?: string | undefined }): { id?: string; name?: string } {
  const out: { id?: string; name?: string } = {};
  if (achievement.id !== undefined) out.id = achievement.id;
  if (achievement.name !== undefined) out.name = achievement.name;
  return out;
}

function recipientOfSubject(subject: JsonObject): BadgeRecipient {
  const recipient: BadgeRecipient = {};
  const id = text(subject.id);
  if (id?.startsWith('did:')) recipient.did = id;
  else if (id?.toLowerCase().startsWith('mailto:')) recipient.email = id.slice('mailto:'.length);
  else if (id !== undefined) recipient.id = id;
  const name = text(subject.name);
  if (name !== undefined) recipient.name = name;
  // OB 3.0 IdentityObject(s): an email in clear or hashed with a salt.
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier : subject.identifier === undefined ? [] : [subject.identifier];
  for (const identifier of identifiers) {
    if (!isRecord(identifier) || typeof identifier.identityHash !== 'string') continue;
    const type = typeof identifier.identityType === 'string' ? identifier.identityType : '';
    if (identifier.hashed === true) {
      if (type === 'emailAddress' || type === '') recipient.hashed ??= hashedIdentity(identifier.identityHash, identifier.salt);
    } else if (type === 'emailAddress') {
      recipient.email ??= identifier.identityHash.trim();
    } else if (type === 'name') {
      recipient.name ??= identifier.identityHash;
    }
  }
  if (typeof subject.email === 'string') recipient.email ??= subject.email.trim();
  return recipient;
}

function parseCredential(credential: JsonObject, format: 'ob3-vc' | 'vc-jwt', jwt?: string, claims?: JsonObject): ParseResult {
  const subjectField = credential.credentialSubject;
  const subject = Array.isArray(subjectField) ? subjectField[0] : subjectField;
  if (!isRecord(subject)) return { ok: false, reason: 'the credential has no credentialSubject' };
  const issuerField = credential.issuer ?? claims?.iss;
  const issuerId = isRecord(issuerField) ? text(issuerField.id) : text(issuerField);
  const issuerName = isRecord(issuerField) ? text(issuerField.name) : undefined;
  if (issuerId === undefined && issuerName === undefined) return { ok: false, reason: 'the credential has no issuer' };
  const recipient = recipientOfSubject(claims && subject.id === undefined && typeof claims.sub === 'string' ? { ...subject, id: claims.sub } : subject);
  const achievementField = subject.achievement;
  const achievement = isRecord(achievementField)
    ? dropEmpty({ id: text(achievementField.id), name: text(achievementField.name) })
    : dropEmpty({ name: text(credential.name) });
  // VC v1 issuanceDate is also the start of validity; v2 has validFrom. JWT claims stand in when absent.
  const pick = (names: string[]): [unknown, string] | undefined => {
    for (const name of names) {
      if (credential[name] !== undefined) return [credential[name], name];
      const claim = claims?.[name.slice('claim:'.length)];
      if (name.startsWith('claim:') && claim !== undefined) return [claim, `the JWT ${name.slice('claim:'.length)} claim`];
    }
    return undefined;
  };
  const issued = pick(['issuanceDate', 'validFrom', 'awardedDate', 'claim:nbf', 'claim:iat']);
  // Both the credential's own bounds and the JWT's nbf/exp hold: the later start, the earlier end.
  const starts = [pick(['validFrom', 'issuanceDate']), claims?.nbf !== undefined ? ([claims.nbf, 'the JWT nbf claim'] as [unknown, string]) : undefined];
  const ends = [pick(['validUntil', 'expirationDate']), claims?.exp !== undefined ? ([claims.exp, 'the JWT exp claim'] as [unknown, string]) : undefined];
  const validFrom = latest(starts, 'start');
  const expires = latest(ends, 'end');
  const dated = withDates(
    {
      format,
      issuer: issuerId ?? issuerName ?? '',
      ...(issuerName !== undefined ? { issuerName } : {}),
      recipient,
      achievement,
      raw: credential,
      ...(jwt ? { jwt } : {}),
    },
    { ...(issued ? { issuedOn: issued } : {}), ...(validFrom ? { validFrom: validFrom.field } : {}), ...(expires ? { expiresOn: expires.field } : {}) },
  );
  if (!dated.ok) return dated;
  return {
    ok: true,
    badge: {
      ...dated.badge,
      ...(validFrom?.instant !== undefined ? { validFromInstant: validFrom.instant } : {}),
      ...(expires?.instant !== undefined ? { expiresAtInstant: expires.instant } : {}),
    },
  };
}

/** Of several bounds, the binding one: the latest start, or the earliest end. */
function latest(candidates: ([unknown, string] | undefined)[], bound: 'start' | 'end'): { field: [unknown, string]; instant: number | undefined } | undefined {
  let chosen: { field: [unknown, string]; instant: number | undefined } | undefined;
  for (const candidate of candidates) {
    if (!candidate) continue;
    const instant = instantOf(candidate[0], bound);
    if (!chosen || (instant !== undefined && (chosen.instant === undefined || (bound === 'start' ? instant > chosen.instant : instant < chosen.instant)))) {
      chosen = { field: candidate, instant };
    }
  }
  return chosen;
}

function parseObject(value: JsonObject): ParseResult {
  if (isVerifiableCredential(value)) return parseCredential(value, 'ob3-vc');
  if (isOpenBadge2(value)) return parseOpenBadge2(value);
  return { ok: false, reason: 'not an Open Badge or verifiable credential (no VerifiableCredential type, no OB 2.0 recipient and badge)' };
}

function parseJws(jws: string): ParseResult {
  const decoded = decodeCompactJws(jws);
  if (!decoded) return { ok: false, reason: 'the JWT does not decode to a JSON header and payload' };
  const { payload } = decoded;
  // VC-JWT (VC Data Model 1.1 §6.3.1): the credential sits in the `vc` claim.
  if (isRecord(payload.vc)) return parseCredential(payload.vc, 'vc-jwt', jws.trim(), payload);
  // VC-JOSE-COSE (v2): the payload is the credential itself.
  if (isVerifiableCredential(payload)) return parseCredential(payload, 'vc-jwt', jws.trim(), payload);
  // A signed OB 2.0 assertion is a JWS whose payload is the assertion.
  if (isOpenBadge2(payload)) return parseOpenBadge2(payload, jws.trim());
  return { ok: false, reason: 'the JWT carries neither a verifiable credential nor an Open Badges assertion' };
}

/** Parses one credential given as text (JSON or compact JWT) or as already-decoded JSON. */
export function parseBadge(input: string | unknown): ParseResult {
  if (typeof input === 'string') {
    const trimmed = input.trim().replace(/^\uFEFF/, '');
    if (looksLikeCompactJws(trimmed)) return parseJws(trimmed);
    if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
      let json: unknown;
      try {
        json = JSON.parse(trimmed);
      } catch (error) {
        return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : 'parse error'})` };
      }
      return parseBadge(json);
    }
    return { ok: false, reason: 'neither JSON nor a compact JWT' };
  }
  if (isRecord(input)) return parseObject(input);
  return { ok: false, reason: 'a credential must be a JSON object or a compact JWT' };
}

/**
 * The credentials in a file's text, in order: a JSON array holds several, anything else is one
 * (a file that is not JSON is passed on whole, so that parseBadge can say why it is malformed).
 */
export function splitCredentials(fileText: string): unknown[] {
  const trimmed = fileText.trim().replace(/^\uFEFF/, '');
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      return [fileText];
    }
  }
  return [fileText];
}
