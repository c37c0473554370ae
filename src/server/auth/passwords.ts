// Local account passwords (SPEC §9): argon2id from @noble/hashes (pure JS; the native argon2 package
// crashes on this Node), a random salt per password, the parameters kept with the hash in the PHC
// string format, so stronger parameters later still verify the older hashes.
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Argon2Parameters {
  /** Memory in KiB. */
  m: number;
  /** Passes. */
  t: number;
  /** Lanes. */
  p: number;
}

/** OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). */
export const PASSWORD_PARAMETERS: Argon2Parameters = { m: 19_456, t: 2, p: 1 };

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 reads all of it: a megabyte-long "password" would be a cheap way to load the server. */
export const MAX_PASSWORD_LENGTH = 256;

const HASH_BYTES = 32;

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

export async function hashPassword(password: string, parameters: Argon2Parameters = PASSWORD_PARAMETERS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await argon2idAsync(password, salt, { ...parameters, dkLen: HASH_BYTES });
  return `$argon2id$v=19$m=${parameters.m},t=${parameters.t},p=${parameters.p}$${b64(salt)}$${b64(hash)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** True when `password` is the one `stored` was made from; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = Buffer.from(hash!, 'base64');
  const actual = await argon2idAsync(password, Buffer.from(salt!, 'base64'), { m: Number(m), t: Number(t), p: Number(p), dkLen: expected.length });
  return expected.length === actual.length && timingSafeEqual(expected, Buffer.from(actual));
}

/** A password an admin may set: long enough to resist guessing, short enough to hash cheaply. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  return undefined;
}

/** Hashed once at start: checking a password of an unknown account costs the same time as a known one. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('not a password of anyone');
  return decoy;
}
