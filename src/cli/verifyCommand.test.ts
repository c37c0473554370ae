import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify } from './verifyCommand';
import { newIssuer, signJwt } from '../domain/badges/testSigners';

const FIXTURES = join(__dirname, '../../tests/fixtures/vc-test-fixtures');
const VALID = join(FIXTURES, 'v2/ed25519/didKey/legacy-noStatus-noExpiry.json');
const EXPIRED = join(FIXTURES, 'v1/ed25519/didKey/oidf-noStatus-expired.json');
const DID_WEB = join(FIXTURES, 'v1/ed25519/didWeb/legacy-revokedStatus-noExpiry.json');
const LEGACY_DID = join(FIXTURES, 'dids/legacy/did.json');
const STATUS_LIST = join(FIXTURES, 'statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj');
const STATUS_URL = 'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj';

async function run(argv: string[], now?: number): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runVerify(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), ...(now !== undefined ? { now: () => now } : {}) });
  return { code, stdout, stderr };
}

function rows(csv: string): string[] {
  return csv.split('\r\n').filter((line) => line !== '');
}

describe('gapmap verify', () => {
  it('prints one CSV row per credential, in input order, and exits 0 when none failed', async () => {
    const { code, stdout, stderr } = await run([VALID, '--as-of', '2026-11-25']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = rows(stdout);
    expect(lines[0]).toBe('file,status,issuer,recipient,achievement,reason');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${VALID},verified,did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q,did:example:ebfeb1f712ebc6f1c276e12ec21,Teamwork,`));
  });

  it('exits 1 when any credential failed, and names the check in the reason', async () => {
    const { code, stdout } = await run([VALID, EXPIRED, '--as-of', '2026-11-25']);
    expect(code).toBe(1);
    const lines = rows(stdout);
    expect(lines[2]).toBe(`${EXPIRED},failed,did:key:z6MkjoriXdbyWD25YXTed114F8hdJrLXQ567xxPHAUKxpKkS,Jane Doe,Badge,expired: expired on 2025-01-09`);
  });

  it('uses pinned DID documents and status lists, and says unverified without them', async () => {
    const pinned = await run([DID_WEB, '--did-document', LEGACY_DID, '--status-list', `${STATUS_URL}=${STATUS_LIST}`, '--as-of', '2026-11-25']);
    expect(pinned.code).toBe(1);
    expect(rows(pinned.stdout)[1]).toContain(',failed,did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy,Taylor Tuna,Mock Bachelor of Science in Biology,"revoked: revoked by its issuer');
    const bare = await run([DID_WEB, '--as-of', '2026-11-25']);
    expect(bare.code).toBe(0);
    expect(rows(bare.stdout)[1]).toContain(',unverified,');
  });

  it('reads a JSON array as several credentials and checks the recipient email', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gapmap-verify-'));
    const bundle = join(folder, 'bundle.json');
    writeFileSync(bundle, JSON.stringify([JSON.parse(readFileSync(VALID, 'utf8')), 'not a credential']));
    const { code, stdout } = await run([bundle, '--email', 'alice@example.com', '--as-of', '2026-11-25']);
    expect(code).toBe(1);
    const lines = rows(stdout);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`${bundle},unverified,`);
    expect(lines[1]).toContain('names no email');
    expect(lines[2]).toBe(`${bundle},failed,,,,malformed: neither JSON nor a compact JWT`);
  });

  it('reports an unreadable file as a failed row', async () => {
    const { code, stdout } = await run(['/no/such/badge.json']);
    expect(code).toBe(1);
    expect(rows(stdout)[1]).toBe('/no/such/badge.json,failed,,,,malformed: cannot read the file: it does not exist');
  });

  it.each([
    [[], 'give at least one credential FILE'],
    [[VALID, '--as-of', '2026-02-30'], "--as-of must be a date as YYYY-MM-DD, got '2026-02-30'"],
    [[VALID, '--colour'], "Unknown option '--colour'"],
    [[VALID, '--jwks', '/no/such/jwks.json'], '--jwks /no/such/jwks.json: cannot read the file: it does not exist'],
    [[VALID, '--did-document', STATUS_LIST], 'not a DID document'],
  ])('exits 2 on a usage error (%j)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('prints its help with --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('gapmap verify FILE...');
  });
});

describe('gapmap verify: nbf and exp', () => {
  // The moment the tests run at, pinned: 2026-06-15 14:00 UTC.
  const NOW = Date.UTC(2026, 5, 15, 14, 0, 0);
  const HOUR = 3_600;
  const DAY = 86_400;

  /** A VC-JWT (VC Data Model 1.1 §6.3.1) whose credential says it was issued on 2026-06-01. */
  async function jwtFile(claims: { nbf?: number; exp?: number }): Promise<string> {
    const issuer = newIssuer();
    const vc = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential'],
      issuer: issuer.did,
      issuanceDate: '2026-06-01T00:00:00Z',
      credentialSubject: { id: 'did:example:alice', name: 'Alice' },
      name: 'Kubernetes Operator',
    };
    const jwt = await signJwt({ iss: issuer.did, sub: 'did:example:alice', vc, ...claims }, issuer);
    const file = join(mkdtempSync(join(tmpdir(), 'gapmap-verify-jwt-')), 'credential.jwt');
    writeFileSync(file, jwt);
    return file;
  }

  const statusAndReason = (stdout: string): [string, string] => {
    const fields = rows(stdout)[1]!.split(',');
    return [fields[1]!, fields.slice(5).join(',')];
  };

  it('fails a VC-JWT whose nbf is 30 days ahead as not yet valid, though its issuanceDate has passed', async () => {
    const nbf = NOW / 1000 + 30 * DAY;
    const { code, stdout } = await run([await jwtFile({ nbf })], NOW);
    expect(code).toBe(1);
    expect(statusAndReason(stdout)).toEqual(['failed', 'not yet valid: not valid before 2026-07-15T14:00:00Z']);
  });

  it('fails a VC-JWT whose exp passed an hour ago, the same day, as expired', async () => {
    const exp = NOW / 1000 - HOUR;
    const { code, stdout } = await run([await jwtFile({ exp })], NOW);
    expect(code).toBe(1);
    expect(statusAndReason(stdout)).toEqual(['failed', 'expired: expired at 2026-06-15T13:00:00Z']);
  });

  it('with --as-of the day of exp, checks over that day: valid, since it was valid during the day', async () => {
    const exp = NOW / 1000 - HOUR;
    const file = await jwtFile({ exp });
    const { code, stdout } = await run([file, '--as-of', '2026-06-15'], NOW);
    expect(code).toBe(0);
    expect(statusAndReason(stdout)).toEqual(['verified', expect.stringContaining('valid on 2026-06-15') as unknown as string]);
    // The next day it has expired.
    const after = await run([file, '--as-of', '2026-06-16'], NOW);
    expect(statusAndReason(after.stdout)).toEqual(['failed', 'expired: expired on 2026-06-15']);
  });

  it('verifies a VC-JWT within its nbf and exp at the current moment', async () => {
    const { code, stdout } = await run([await jwtFile({ nbf: NOW / 1000 - HOUR, exp: NOW / 1000 + HOUR })], NOW);
    expect(code).toBe(0);
    expect(statusAndReason(stdout)).toEqual(['verified', expect.stringContaining('valid at 2026-06-15T14:00:00Z') as unknown as string]);
  });
});
