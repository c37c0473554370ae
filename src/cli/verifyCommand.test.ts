import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVerify } from './verifyCommand';

const FIXTURES = join(__dirname, '../../tests/fixtures/vc-test-fixtures');
const VALID = join(FIXTURES, 'v2/ed25519/didKey/legacy-noStatus-noExpiry.json');
const EXPIRED = join(FIXTURES, 'v1/ed25519/didKey/oidf-noStatus-expired.json');
const DID_WEB = join(FIXTURES, 'v1/ed25519/didWeb/legacy-revokedStatus-noExpiry.json');
const LEGACY_DID = join(FIXTURES, 'dids/legacy/did.json');
const STATUS_LIST = join(FIXTURES, 'statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj');
const STATUS_URL = 'https://digitalcredentials.github.io/vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runVerify(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
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
