// Every credential of the public vc-test-fixtures suite (tests/fixtures/vc-test-fixtures, MIT) gives the
// result its file name says; the expectation is read from the name, never from the verifier.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyBadge } from './verifyBadge';
import type { VerificationCheck, VerificationStatus } from './types';

const ROOT = join(__dirname, '../../../tests/fixtures/vc-test-fixtures');
// Where the suite publishes statusLists/ and dids/; credentials point at these URLs.
const PUBLISHED_AT = 'https://digitalcredentials.github.io/vc-test-fixtures/';
const AS_OF = '2026-11-25';

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]))
    .sort();
}

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

const didDocuments = Object.fromEntries(filesUnder(join(ROOT, 'dids')).map((path) => {
  const document = readJson(path);
  return [document.id as string, document];
}));
const statusLists = Object.fromEntries(filesUnder(join(ROOT, 'statusLists')).map((path) => [`${PUBLISHED_AT}${relative(ROOT, path)}`, readJson(path)]));

const credentials = [...filesUnder(join(ROOT, 'v1')), ...filesUnder(join(ROOT, 'v2'))].map((path) => relative(ROOT, path));

type Expected = { status: VerificationStatus; check?: VerificationCheck; reason?: RegExp };

// One fixture's name disagrees with its content: it says noExpiry but its validUntil is 2010-01-02.
const NAME_DISAGREES_WITH_CONTENT: Record<string, Expected> = {
  'v2/dataIntegrityProof/didKey/noRegistry-revokedStatus-noExpiry.json': { status: 'failed', check: 'expired', reason: /expired on 2010-01-02/ },
};

function statusListIsPinned(path: string): boolean {
  const status = readJson(join(ROOT, path)).credentialStatus as { statusListCredential?: string } | undefined;
  return status?.statusListCredential !== undefined && status.statusListCredential in statusLists;
}

/** The result a fixture's name promises, with the did:web documents and status lists pinned or not. */
function expectedFromName(path: string, pinned: boolean): Expected {
  const override = NAME_DISAGREES_WITH_CONTENT[path];
  if (override) return override;
  const name = path.split('/').pop() ?? '';
  const parts = name.replace(/\.json$/, '').split('-');
  if (parts.includes('tampered')) return { status: 'failed', check: 'signature' };
  if (parts.includes('notYetValid')) return { status: 'failed', check: 'not yet valid' };
  const didWeb = /\/didweb\//i.test(path);
  if (name === 'badDidWeb.json' || (didWeb && !pinned)) {
    // Without the DID document the key cannot be had offline, whatever else the credential says…
    const expired = parts.includes('expired');
    // …except that an expired credential fails on its dates alone.
    return expired ? { status: 'failed', check: 'expired' } : { status: 'unverified', check: 'signature', reason: /not pinned/ };
  }
  const revoked = parts.includes('revokedStatus') || parts.includes('revokedStaus') || parts.includes('revoked');
  const listAvailable = pinned && statusListIsPinned(path);
  if (revoked && listAvailable) return { status: 'failed', check: 'revoked', reason: /revoked by its issuer/ };
  if (parts.includes('expired')) return { status: 'failed', check: 'expired' };
  if (revoked) return { status: 'unverified', check: 'revoked', reason: /status unknown offline/ };
  // A status list that is expired, not yet valid, altered or not a status list cannot be trusted.
  if (parts.some((part) => ['expiredStatus', 'missingTypeStatus', 'notYetValidStatus', 'tamperedStatus'].includes(part))) {
    return { status: 'unverified', check: 'revoked', reason: /status unknown offline/ };
  }
  if (parts.includes('validStatus') && !listAvailable) return { status: 'unverified', check: 'revoked', reason: /status unknown offline/ };
  return { status: 'verified' };
}

describe('the vc-test-fixtures credentials, with the did:web documents and status lists pinned', () => {
  it('covers every credential file of the suite', () => {
    expect(credentials.length).toBe(89);
  });

  it.each(credentials)('%s gives the result its name says', async (path) => {
    const result = await verifyBadge(readFileSync(join(ROOT, path), 'utf8'), { asOf: AS_OF, didDocuments, statusLists });
    const expected = expectedFromName(path, true);
    expect({ status: result.status, check: result.check }).toEqual({ status: expected.status, check: expected.check });
    if (expected.reason) expect(result.reason).toMatch(expected.reason);
  });
});

describe('the vc-test-fixtures credentials with nothing pinned (a verifier with no network)', () => {
  it.each(credentials)('%s is verified only as far as can be done offline', async (path) => {
    const result = await verifyBadge(readJson(join(ROOT, path)), { asOf: AS_OF });
    const expected = expectedFromName(path, false);
    expect({ status: result.status, check: result.check }).toEqual({ status: expected.status, check: expected.check });
    if (expected.reason) expect(result.reason).toMatch(expected.reason);
  });
});
