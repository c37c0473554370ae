// Credly's files as awards (issue 14, SPEC §4 badge-platform exports): its issued-badges JSON read
// into award records, and the badge templates of its files (bulk-issue CSV or JSON) mapped to catalog
// credentials — by id or URL, by a mapping the user confirmed once (the badge imports' own
// achievement mappings), or by an exact name — with every template left to choose asked once.
import { resolveAchievement, type AchievementMapping } from '../badges/achievementMapping';
import type { Credential } from '../schema';
import { normaliseHeader } from './headers';
import type { ImportIssue, ParsedFile } from './types';

/** The columns the JSON's badges are read into, as an awards file with these headers would be. */
export const CREDLY_JSON_HEADERS = ['email', 'employee_name', 'credential_id', 'credential_name', 'issued_on', 'expires_on', 'evidence_url'] as const;

export interface CredlyJsonRecords {
  records: string[][];
  /** Template id → name, as the badges name them. */
  templates: Record<string, string>;
  /** Findings about entries that are no badge to import (revoked, or missing what an award needs). */
  issues: Omit<ImportIssue, 'file'>[];
}

type Json = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const objectOf = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);

/** The badges of Credly's issued-badges JSON (its `data` array, or a bare array), or null when the text is not that. */
export function credlyJsonRecords(source: string): CredlyJsonRecords | null {
  const trimmed = source.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return null;
  }
  const data = Array.isArray(parsed) ? parsed : objectOf(parsed)?.data;
  if (!Array.isArray(data) || !data.some((entry) => objectOf(objectOf(entry)?.badge_template) !== undefined)) return null;
  const records: string[][] = [[...CREDLY_JSON_HEADERS]];
  const templates: Record<string, string> = {};
  const issues: CredlyJsonRecords['issues'] = [];
  data.forEach((entry, index) => {
    // Entry i stands on row i + 2, as the i-th data row of a file with a header would.
    const row = index + 2;
    const badge = objectOf(entry);
    const template = objectOf(badge?.badge_template);
    const state = text(badge?.state);
    if (state === 'revoked' || state === 'rejected') {
      issues.push({ row, column: 'state', value: state, severity: 'warning', message: `this badge was ${state} on Credly, so it is not imported as an award` });
      records.push(['']);
      return;
    }
    const templateId = text(template?.id);
    const templateName = text(template?.name);
    if (templateId !== '' && templateName !== '') templates[templateId] = templateName;
    const evidence = Array.isArray(badge?.evidence) ? badge.evidence.map(objectOf).find((item) => /^https?:\/\//i.test(text(item?.url))) : undefined;
    const name = text(badge?.issued_to) || [text(badge?.issued_to_first_name), text(badge?.issued_to_last_name)].filter(Boolean).join(' ');
    records.push([
      text(badge?.recipient_email),
      name,
      templateId,
      templateName,
      text(badge?.issued_at_date) || text(badge?.issued_at),
      text(badge?.expires_at_date) || text(badge?.expires_at),
      text(evidence?.url),
    ]);
  });
  return { records, templates, issues };
}

/** Whether an awards file is Credly's: its credential column is a badge template id. */
export function isBadgeTemplateFile(file: ParsedFile): boolean {
  if (file.badgeTemplates !== undefined) return true;
  const index = file.mapping.credential_id;
  return file.kind === 'awards' && index !== undefined && normaliseHeader(file.headers[index] ?? '') === 'badgetemplateid';
}

/**
 * Maps the badge templates of a Credly file to catalog credentials, in place: each award's
 * credential becomes the catalog credential's id. A template no rule maps is one error and one
 * pending decision, and its awards wait (they are left out, so nothing else is reported for them).
 */
export function mapBadgeTemplates(file: ParsedFile, catalog: readonly Pick<Credential, 'id' | 'name' | 'url'>[], remembered: AchievementMapping = {}): void {
  if (!isBadgeTemplateFile(file) || file.records.kind !== 'awards') return;
  const names = file.badgeTemplates ?? {};
  const byName = new Map(catalog.map((credential) => [credential.name.trim().toLowerCase(), credential.id]));
  const resolved = new Map<string, string | undefined>();
  const resolve = (templateId: string): string | undefined => {
    if (resolved.has(templateId)) return resolved.get(templateId);
    const name = names[templateId];
    const found = resolveAchievement({ id: templateId, ...(name ? { name } : {}) }, catalog, remembered)?.credentialId
      ?? remembered[name ?? '']
      ?? (name ? byName.get(name.trim().toLowerCase()) : undefined);
    resolved.set(templateId, found);
    return found;
  };
  const { values, rows } = file.records;
  const keptValues: typeof values = [];
  const keptRows: number[] = [];
  const waiting = new Map<string, number[]>();
  values.forEach((award, index) => {
    const credential = resolve(award.credential);
    if (credential !== undefined) {
      keptValues.push({ ...award, credential });
      keptRows.push(rows[index]!);
      return;
    }
    const list = waiting.get(award.credential) ?? [];
    list.push(rows[index]!);
    waiting.set(award.credential, list);
  });
  file.records = { kind: 'awards', values: keptValues, rows: keptRows };
  const column = file.headers[file.mapping.credential_id ?? -1] ?? 'credential_id';
  for (const [templateId, waitingRows] of waiting) {
    const name = names[templateId];
    const described = name ? `"${name}" (${templateId})` : templateId;
    file.pending.push({ type: 'badge-template', column, templateId, ...(name ? { templateName: name } : {}), rows: waitingRows.length });
    file.issues.push({
      file: file.fileName,
      row: waitingRows[0]!,
      column,
      value: templateId,
      severity: 'error',
      message: `the Credly badge template ${described} is not a catalog credential yet (${waitingRows.length} award${waitingRows.length === 1 ? '' : 's'} wait for it): choose the catalog credential it is in the import wizard (remembered for later imports), or give gapmap --badge-templates FILE`,
    });
  }
}
