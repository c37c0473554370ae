// Random secrets that stand for a person (session ids, API tokens, the setup link): 32 random bytes,
// shown to their holder once and stored only as a SHA-256 digest, so a copy of the database
// does not let anyone sign in.
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
