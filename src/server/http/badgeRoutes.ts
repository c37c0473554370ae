// The badge endpoints of the standalone /api (SPEC §2 Award verification, §4 history and undo):
// earned badges and verifiable credentials are verified offline, matched to an employee by email
// and to a catalog credential, and committed as awards in one undoable change. Verification
// happens here, in the page (msw), so a real backend would re-verify rather than trust a client.
import { route, json } from './routeTable';
import {
  badgeCommitRequestSchema, rememberMappingRequestSchema,
  type AchievementMappings, type BadgeCommitResponse, type BadgeResult,
} from '../../api/badgeContract';
import type { NewEntry } from '../store/organisationDatabase';
import type { Award, Organisation } from '../../domain/schema';
import type { VerificationResult, VerifyOptions } from '../../domain/badges';
import type { OrganisationState } from '../state/organisationState';
import { defaultMappingStore, type AchievementMappingStore } from '../store/achievementMappingStore';
import { memoryAuditLog, type AuditLog } from '../store/auditLog';
import { auditedChange, recordChange, assertMayChangeData, guarded, callerOf, RequestRefused } from './requestContext';

// The verifier brings jsonld and the bundled contexts (~500 KB): loaded on the first badge only.
const loadBadges = () => import('../../domain/badges');

type BadgeDomain = Awaited<ReturnType<typeof loadBadges>>;

interface Evaluated {
  result: BadgeResult;
  award?: Award;
}

function evidenceUrlOf(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^https?:\/\//i.test(id) ? id : undefined;
}

/**
 * Verifies one credential as of `asOf`. An expired credential is checked again as of its expiry
 * date: a genuine one that has since expired stays evidence of what was held until then (SPEC §3
 * rule 1 makes it non-current by its expiresOn), rather than being recorded as failed.
 */
async function verifyAsAward(badges: BadgeDomain, credential: unknown, options: VerifyOptions): Promise<VerificationResult> {
  const result = await badges.verifyBadge(credential, options);
  const expiresOn = result.badge?.expiresOn;
  if (result.status !== 'failed' || result.check !== 'expired' || expiresOn === undefined) return result;
  const { now: _checkedNow, ...onDays } = options;
  const atExpiry = await badges.verifyBadge(credential, { ...onDays, asOf: expiresOn });
  if (atExpiry.status === 'failed') return result;
  return { ...atExpiry, reason: `${atExpiry.reason} (checked as of its expiry date: it expired on ${expiresOn})` };
}

function skipNote(result: VerificationResult, parts: { employee: boolean; credential: boolean; issuedOn: boolean }, importFailed: boolean): string | undefined {
  const badge = result.badge;
  if (!badge) return 'Not a credential Gapmap can read.';
  if (!parts.employee) {
    const named = result.recipient === '' ? 'no recipient' : result.recipient;
    return badge.recipient.email !== undefined || badge.recipient.hashed !== undefined
      ? `No employee matches the recipient (${named}).`
      : `The credential names no email (recipient: ${named}), so no employee matches.`;
  }
  if (!parts.credential) return 'Choose the catalog credential this achievement is.';
  if (!parts.issuedOn) return 'The credential has no issue date.';
  if (result.status === 'failed' && !importFailed) return 'Failed: not imported (tick “Also record failed credentials” to keep it as a failed award).';
  return undefined;
}

async function evaluate(
  badges: BadgeDomain,
  organisation: Organisation,
  remembered: Record<string, string>,
  files: ReadonlyArray<{ fileName: string; text: string }>,
  options: VerifyOptions,
  importFailed: boolean,
): Promise<Evaluated[]> {
  const employeeName = new Map(organisation.employees.map((employee) => [employee.id, employee.name]));
  const credentialName = new Map(organisation.credentials.map((credential) => [credential.id, credential.name]));
  const evaluated: Evaluated[] = [];
  for (const file of files) {
    const credentials = badges.splitCredentials(file.text);
    for (const [index, credential] of credentials.entries()) {
      const result = await verifyAsAward(badges, credential, options);
      const badge = result.badge;
      const employeeId = badge ? badges.matchRecipient(badge, organisation.employees) : undefined;
      const resolution = badge ? badges.resolveAchievement(badge.achievement, organisation.credentials, remembered) : undefined;
      const issuedOn = badge?.issuedOn ?? badge?.validFrom;
      const skipped = skipNote(result, { employee: employeeId !== undefined, credential: resolution !== undefined, issuedOn: issuedOn !== undefined }, importFailed);
      const employee = employeeId === undefined ? undefined : { id: employeeId, name: employeeName.get(employeeId) ?? employeeId };
      const catalogCredential = resolution ? { id: resolution.credentialId, name: credentialName.get(resolution.credentialId) ?? resolution.credentialId, via: resolution.via } : undefined;
      const award: Award | undefined =
        skipped === undefined && employee && catalogCredential && issuedOn
          ? {
              employee: employee.id,
              credential: catalogCredential.id,
              issuedOn,
              ...(badge?.expiresOn ? { expiresOn: badge.expiresOn } : {}),
              ...(evidenceUrlOf(badge?.raw) ? { evidenceUrl: evidenceUrlOf(badge?.raw) } : {}),
              verification: result.status,
              verificationReason: result.reason,
            }
          : undefined;
      evaluated.push({
        result: {
          fileName: file.fileName,
          position: index + 1,
          ...(badge ? { format: badge.format } : {}),
          issuer: badge?.issuerName ?? result.issuer,
          recipient: result.recipient,
          achievement: result.achievement,
          achievementRef: { ...(badge?.achievement.id ? { id: badge.achievement.id } : {}), ...(badge?.achievement.name ? { name: badge.achievement.name } : {}) },
          status: result.status,
          ...(result.check ? { check: result.check } : {}),
          reason: result.reason,
          ...(issuedOn ? { issuedOn } : {}),
          ...(badge?.expiresOn ? { expiresOn: badge.expiresOn } : {}),
          ...(employee ? { employee } : {}),
          ...(catalogCredential ? { credential: catalogCredential } : {}),
          outcome: award ? 'import' : 'skip',
          note: award
            ? `Becomes ${result.status === 'failed' ? 'a failed' : `an ${result.status === 'verified' ? 'verified' : 'unverified'}`} award of ${catalogCredential?.name} for ${employee?.name}.`
            : (skipped ?? ''),
        },
        ...(award ? { award } : {}),
      });
    }
  }
  return evaluated;
}

/** The awards with the new ones merged in: the same employee, credential and issue date is one award, updated. */
function mergeAwards(existing: readonly Award[], incoming: readonly Award[]): { awards: Award[]; added: number; updated: number } {
  const awards = [...existing];
  const key = (award: Award) => `${award.employee}\u0000${award.credential}\u0000${award.issuedOn}`;
  const at = new Map(awards.map((award, index) => [key(award), index]));
  let added = 0;
  let updated = 0;
  for (const award of incoming) {
    const index = at.get(key(award));
    if (index === undefined) {
      at.set(key(award), awards.length);
      awards.push(award);
      added++;
    } else {
      awards[index] = award;
      updated++;
    }
  }
  return { awards, added, updated };
}

function historyEntryOf(files: ReadonlyArray<{ fileName: string }>, evaluated: readonly Evaluated[], added: number, updated: number): NewEntry {
  const skipped = evaluated.filter((item) => item.result.outcome === 'skip');
  const names = files.map((file) => file.fileName).join(', ');
  return {
    source: 'import',
    label: `Badges: ${added} award${added === 1 ? '' : 's'} added${updated > 0 ? `, ${updated} updated` : ''} from ${names}`,
    mode: 'merge',
    validRowsOnly: false,
    files: files.map((file) => ({ fileName: file.fileName, kind: 'awards' as const, rows: evaluated.filter((item) => item.result.fileName === file.fileName).length, encoding: 'utf-8', delimiter: '' })),
    // Credentials left out: those that failed verification count as errors, the others as warnings.
    errors: skipped.filter((item) => item.result.status === 'failed').length,
    warnings: skipped.filter((item) => item.result.status !== 'failed').length,
    issues: skipped.map((item) => ({
      file: item.result.fileName,
      row: item.result.position,
      column: '',
      value: item.result.achievement,
      message: `${item.result.status}: ${item.result.reason}. ${item.result.note}`,
      severity: item.result.status === 'failed' ? ('error' as const) : ('warning' as const),
    })),
  };
}

export function createBadgeRoutes(state: OrganisationState, mappings: AchievementMappingStore = defaultMappingStore(), audit: AuditLog = memoryAuditLog()) {
  return [
    route.get('/api/badges/mappings', guarded(async ({ request }) => {
      callerOf(request);
      return json<AchievementMappings>({ mappings: await mappings.load() });
    })),

    route.put('/api/badges/mappings', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const parsed = rememberMappingRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', `The mapping is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
      const { achievement, credentialId } = parsed.data;
      const stored = (await state.store.load())?.organisation;
      if (!stored?.credentials.some((credential) => credential.id === credentialId)) {
        throw new RequestRefused(404, 'not-found', `There is no catalog credential with id ${credentialId}.`);
      }
      const key = achievement.id ?? achievement.name;
      if (key === undefined) throw new RequestRefused(400, 'bad-request', 'The achievement has neither an id nor a name to remember it by.');
      const next = { ...(await mappings.load()), [key]: credentialId };
      await mappings.save(next);
      await recordChange(audit, request, 'badge-mappings-changed', key, { achievement: key, credential: credentialId });
      return json<AchievementMappings>({ mappings: next });
    })),

    route.post('/api/badges/commit', guarded(async ({ request }) => {
      assertMayChangeData(callerOf(request));
      const parsed = badgeCommitRequestSchema.safeParse(await request.json().catch(() => undefined));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', `The badge import is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`);
      const body = parsed.data;
      await state.current(); // seeds the demo organisation on a first start
      const stored = (await state.store.load())?.organisation;
      if (!stored) throw new RequestRefused(409, 'no-organisation', 'There is no organisation to add awards to.');
      const options: VerifyOptions = {
        asOf: body.asOf ?? state.today(),
        // No day chosen: checked now, so a JWT whose exp passed an hour ago is expired.
        ...(body.asOf === undefined ? { now: Date.now() } : {}),
        ...(body.pins.jwks ? { jwks: body.pins.jwks } : {}),
        ...(body.pins.didDocuments ? { didDocuments: body.pins.didDocuments } : {}),
        ...(body.pins.statusLists ? { statusLists: body.pins.statusLists } : {}),
      };
      const evaluated = await evaluate(await loadBadges(), stored, await mappings.load(), body.files, options, body.importFailed);
      const results = evaluated.map((item) => item.result);
      const incoming = evaluated.flatMap((item) => (item.award ? [item.award] : []));
      const { awards, added, updated } = mergeAwards(stored.awards, incoming);
      if (body.dryRun || incoming.length === 0) return json<BadgeCommitResponse>({ committed: false, results, added, updated });
      const audited = auditedChange(audit, state.store, request, 'import', (entry) => ({ subject: entry?.label ?? 'badges', detail: { entry: entry?.id, files: body.files.length, added, updated } }));
      const { entry } = await state.store.commit({ awards }, historyEntryOf(body.files, evaluated, added, updated), { audit: audited.row });
      await audited.after(entry);
      return json<BadgeCommitResponse>({ committed: true, ...(entry ? { entry } : {}), results, added, updated });
    })),
  ];
}
