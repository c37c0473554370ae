// The people behind every figure (issue 13): the Overview's four lists (JSON, sorted as the URL
// says, or CSV), a team's gaps in one skill, and search. Scoped like every view: a manager's
// lists, exports and search results never name anyone outside their team.
import { route, json } from './routeTable';
import {
  credentialsGranting, expiringAwards, overdueGoals, singlePointsOfFailure, teamsOf, unmetRequirements, type EngineOrganisation, type Scope,
} from '../../domain/engine';
import { toDayNumber } from '../../domain/dates';
import { compareOrdinal } from '../../domain/reports';
import { writeCsv, type CsvValue } from '../../domain/csv';
import { buildSearchIndex, searchEntries, type SearchIndex } from '../../domain/search/searchIndex';
import type { IsoDate } from '../../domain/schema';
import {
  LIST_SORT_COLUMNS, type CredentialOption, type CriticalGapList, type ExpiringList, type ListKind, type OverdueGoalList,
  type SearchResponse, type SinglePointOfFailureList, type SkillGaps,
} from '../../api/listContract';
import type { WhatIfState } from '../state/whatIf';
import { columnsOfCsv, type ReportTable } from '../../domain/xlsx';
import { xlsxReportResponse, type ExportHost } from './xlsxExport';
import { FORECAST_DAYS, lookups } from '../state/responses';
import {
  asOfOf, assertMaySeeTeam, baselineOf, draftIdOf, csvOptionsOf, csvResponse, errorResponse, guarded, param, callerOf, RequestRefused, scopeOf, viewOf, visibleTeams,
  limitParam,
} from './requestContext';

/** The JSON answer lists at most this many rows unless `limit` says otherwise; the CSV lists all. */
const DEFAULT_LIMIT = 500;

type Row = Record<string, unknown>;

/** The rows sorted by `sort` (`column` or `-column`), ties kept in the list's own order. */
function sortRows<T extends Row>(rows: T[], kind: ListKind, sort: string, valueOf: (row: T, column: string) => string | number): T[] {
  const descending = sort.startsWith('-');
  const column = descending ? sort.slice(1) : sort;
  const allowed: readonly string[] = LIST_SORT_COLUMNS[kind];
  if (!allowed.includes(column)) {
    throw new RequestRefused(400, 'bad-sort', `sort must be one of ${allowed.join(', ')} (with - in front for descending), not "${sort}".`);
  }
  const keyed = rows.map((row, position) => ({ row, position, key: valueOf(row, column) }));
  keyed.sort((a, b) => {
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : compareOrdinal(String(a.key), String(b.key));
    return (descending ? -order : order) || a.position - b.position;
  });
  return keyed.map((item) => item.row);
}

const limitOf = (url: URL) => limitParam(url, DEFAULT_LIMIT);

function formatOf(url: URL): 'json' | 'csv' | 'xlsx' {
  const format = url.searchParams.get('format');
  if (format === null || format === '' || format === 'json') return 'json';
  if (format === 'csv' || format === 'xlsx') return format;
  throw new RequestRefused(400, 'bad-format', `format must be json, csv or xlsx, not "${format}".`);
}

function credentialOption(eo: EngineOrganisation, id: string, skill?: string): CredentialOption {
  const credential = eo.org.credentials.find((candidate) => candidate.id === id);
  const option: CredentialOption = { id, name: credential?.name ?? id };
  const level = skill === undefined ? 0 : Math.max(0, ...(credential?.grants ?? []).filter((grant) => grant.skill === skill).map((grant) => grant.level));
  if (level > 0) option.level = level;
  if (credential?.cost !== undefined) option.cost = credential.cost;
  if (credential?.currency !== undefined) option.currency = credential.currency;
  if (credential?.hours !== undefined) option.hours = credential.hours;
  return option;
}

/** Credentials closing a gap in skill at level, computed once per (skill, level) of a list. */
function fixFinder(eo: EngineOrganisation) {
  const bySkillLevel = new Map<string, string[]>();
  const used = new Set<string>();
  return {
    fixes(skill: string, level: number): string[] {
      const key = `${skill}\u0000${level}`;
      let ids = bySkillLevel.get(key);
      if (!ids) {
        ids = credentialsGranting(eo, skill, level).map((credential) => credential.id);
        bySkillLevel.set(key, ids);
      }
      for (const id of ids) used.add(id);
      return ids;
    },
    options: (): CredentialOption[] => [...used].sort(compareOrdinal).map((id) => credentialOption(eo, id)),
  };
}

// The search index of each prepared organisation (the stored one, or a what-if scenario's), built on first use.
const searchIndexes = new WeakMap<EngineOrganisation, SearchIndex>();

function searchIndexOf(eo: EngineOrganisation): SearchIndex {
  let index = searchIndexes.get(eo);
  if (!index) {
    index = buildSearchIndex(eo.org);
    searchIndexes.set(eo, index);
  }
  return index;
}

/**
 * The stored organisation's side of a list under a what-if draft (see listBaselineSchema): its rows,
 * which row of the draft's is which of its (`keyOf`), and the figures a row shows baseline → draft.
 */
interface ListBaseline<T extends Row, Figures> {
  rows: T[];
  keyOf: (row: T) => string;
  figuresOf: (row: T) => Figures;
}

interface ListAnswer<T extends Row> {
  kind: ListKind;
  defaultSort: string;
  rows: T[];
  valueOf: (row: T, column: string) => string | number;
  csvColumns: readonly string[];
  csvRow: (row: T) => readonly CsvValue[];
  /** What the list is, for the About sheet of its workbook. */
  title: string;
  /** The JSON answer, given the sorted rows shown and the envelope. */
  body: (shown: T[], envelope: { asOf: IsoDate; scope: string; total: number; sort: string }) => unknown;
  /** Under a what-if draft, the stored organisation's list (JSON only: the exports list the draft's rows). */
  baseline?: ListBaseline<T, unknown>;
}

/**
 * The rows shown, each with its stored figures (null: new in the draft), and the envelope's
 * `baseline`: the stored total and the stored rows the draft makes disappear, sorted like the list.
 */
function comparedWithBaseline<T extends Row>(shown: T[], list: ListAnswer<T>, sort: string, limit: number) {
  const { baseline } = list;
  if (!baseline) return { rows: shown, envelope: {} };
  const stored = new Map(baseline.rows.map((row) => [baseline.keyOf(row), row]));
  const inDraft = new Set(list.rows.map(baseline.keyOf));
  const gone = sortRows(baseline.rows.filter((row) => !inDraft.has(baseline.keyOf(row))), list.kind, sort, list.valueOf);
  return {
    rows: shown.map((row) => {
      const before = stored.get(baseline.keyOf(row));
      return { ...row, baseline: before === undefined ? null : baseline.figuresOf(before) };
    }),
    envelope: { baseline: { total: baseline.rows.length, goneTotal: gone.length, gone: gone.slice(0, limit) } },
  };
}

function answerList<T extends Row>(request: Request, asOf: IsoDate, scope: string, host: ExportHost, list: ListAnswer<T>): Response {
  const url = new URL(request.url);
  const sort = url.searchParams.get('sort') || list.defaultSort;
  const format = formatOf(url);
  const sorted = sortRows(list.rows, list.kind, sort, list.valueOf);
  if (format === 'xlsx') {
    // The CSV's columns with readable headers: numbers stay numbers, `_on` columns become dates.
    const firstRow = sorted.length > 0 ? list.csvRow(sorted[0]!) : [];
    const numeric = new Set(list.csvColumns.filter((_, index) => typeof firstRow[index] === 'number'));
    const table: ReportTable = {
      name: list.title.length <= 31 ? list.title : list.kind,
      columns: columnsOfCsv(list.csvColumns, numeric),
      rowCount: sorted.length,
      rowAt: (i) => list.csvRow(sorted[i]!),
    };
    const about = { title: list.title, asOf, scope, filters: { sort: 'sorted by' }, host };
    return xlsxReportResponse(request, about, table, `${list.kind}-${asOf}.xlsx`);
  }
  if (format === 'csv') return csvResponse(writeCsv(list.csvColumns, sorted.map(list.csvRow), csvOptionsOf(url)), `${list.kind}-${asOf}.csv`);
  const limit = limitOf(url);
  const { rows, envelope } = comparedWithBaseline(sorted.slice(0, limit), list, sort, limit);
  return json({ ...(list.body(rows, { asOf, scope, total: sorted.length, sort }) as object), ...envelope });
}

// The rows of each list on one organisation (the draft's, or under a draft the stored one as well).

function criticalGapRows(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined, fixes: ReturnType<typeof fixFinder>) {
  const names = lookups(eo);
  return unmetRequirements(eo, asOf, scope, { weight: 'critical' }).map((gap) => ({
    employee: gap.employee,
    employeeName: names.employeeName(gap.employee),
    team: gap.team,
    role: gap.role,
    roleName: names.roleName(gap.role),
    skill: gap.skill,
    skillName: names.skillName(gap.skill),
    required: gap.required,
    verified: gap.verified,
    assessed: gap.assessed,
    effective: gap.effective,
    gap: gap.gap,
    fixes: fixes.fixes(gap.skill, gap.required),
  }));
}

function singlePointOfFailureRows(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined, fixes: ReturnType<typeof fixFinder>) {
  const names = lookups(eo);
  const person = (id: string) => ({ id, name: names.employeeName(id) });
  return singlePointsOfFailure(eo, asOf, scope).map((point) => ({
    team: point.team,
    skill: point.skill,
    skillName: names.skillName(point.skill),
    highestRequired: point.highestRequired,
    requiredCount: point.requiredCount,
    metCount: point.metCount,
    holders: point.benchMembers.map(person),
    candidates: point.candidates.map(person),
    fixes: fixes.fixes(point.skill, point.highestRequired),
  }));
}

function expiringRows(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined) {
  const names = lookups(eo);
  return expiringAwards(eo, asOf, FORECAST_DAYS, scope).map((item) => ({
    employee: item.employee,
    employeeName: names.employeeName(item.employee),
    team: names.employees.get(item.employee)?.team ?? '',
    credential: item.credential,
    credentialName: names.credentialName(item.credential),
    issuedOn: item.issuedOn,
    expiresOn: item.expiresOn,
  }));
}

function overdueGoalRows(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined) {
  const names = lookups(eo);
  const today = toDayNumber(asOf);
  return overdueGoals(eo, asOf, scope).map((goalState) => ({
    goal: goalState.goal.id,
    employee: goalState.goal.employee,
    employeeName: names.employeeName(goalState.goal.employee),
    team: names.employees.get(goalState.goal.employee)?.team ?? '',
    credential: goalState.goal.credential,
    credentialName: names.credentialName(goalState.goal.credential),
    createdOn: goalState.goal.createdOn,
    dueOn: goalState.goal.dueOn,
    daysOverdue: today - toDayNumber(goalState.goal.dueOn),
    status: goalState.status,
  }));
}

function figuresOfGap(gap: { required: number; effective: number; gap: number } | undefined) {
  return gap === undefined ? null : { required: gap.required, effective: gap.effective, gap: gap.gap };
}

export function createListRoutes(state: WhatIfState, host: ExportHost = 'browser') {
  return [
    route.get('/api/lists/critical-gaps', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const stored = await baselineOf(request, state);
      const asOf = asOfOf(request, state);
      const { scope, label } = scopeOf(request, eo, callerOf(request));
      const names = lookups(eo);
      const fixes = fixFinder(eo);
      const rows = criticalGapRows(eo, asOf, scope, fixes);
      return answerList(request, asOf, label, host, {
        kind: 'critical-gaps',
        title: 'Critical gaps',
        defaultSort: 'team',
        rows,
        valueOf: (row, column) => (column === 'employee' ? row.employeeName : column === 'skill' ? row.skillName : column === 'role' ? row.roleName : row[column as 'team' | 'required' | 'effective' | 'gap']),
        csvColumns: ['team', 'employee_id', 'employee_name', 'role', 'skill_id', 'skill_name', 'required_level', 'effective_level', 'gap', 'credentials_that_close_it'],
        csvRow: (row) => [row.team, row.employee, row.employeeName, row.roleName, row.skill, row.skillName, row.required, row.effective, row.gap, row.fixes.map(names.credentialName).join('; ')],
        body: (shown, envelope): CriticalGapList => ({ ...envelope, rows: shown, credentials: fixes.options() }),
        // A person's gap in a skill: the draft may change what their role requires, or (through the
        // catalog) the level their credentials give them. Rows gone under the draft offer no fix.
        baseline: stored && {
          rows: criticalGapRows(stored, asOf, scope, fixFinder(stored)),
          keyOf: (row) => `${row.employee}\u0000${row.skill}`,
          figuresOf: ({ required, effective, gap }) => ({ required, effective, gap }),
        },
      });
    })),

    route.get('/api/lists/single-points-of-failure', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const stored = await baselineOf(request, state);
      const asOf = asOfOf(request, state);
      const { scope, label } = scopeOf(request, eo, callerOf(request));
      const names = lookups(eo);
      const fixes = fixFinder(eo);
      const rows = singlePointOfFailureRows(eo, asOf, scope, fixes);
      return answerList(request, asOf, label, host, {
        kind: 'single-points-of-failure',
        title: 'Single points of failure',
        defaultSort: 'team',
        rows,
        valueOf: (row, column) => (column === 'skill' ? row.skillName : column === 'holders' ? row.holders.length : row[column as 'team' | 'highestRequired' | 'requiredCount' | 'metCount']),
        csvColumns: ['team', 'skill_id', 'skill_name', 'highest_required_level', 'people_requiring_it', 'people_meeting_it', 'held_by', 'credentials_that_close_it'],
        csvRow: (row) => [row.team, row.skill, row.skillName, row.highestRequired, row.requiredCount, row.metCount, row.holders.map((holder) => holder.name).join('; '), row.fixes.map(names.credentialName).join('; ')],
        body: (shown, envelope): SinglePointOfFailureList => ({ ...envelope, rows: shown, credentials: fixes.options() }),
        baseline: stored && {
          rows: singlePointOfFailureRows(stored, asOf, scope, fixFinder(stored)),
          keyOf: (row) => `${row.team}\u0000${row.skill}`,
          figuresOf: ({ highestRequired, requiredCount, metCount, holders }) => ({ highestRequired, requiredCount, metCount, holders: holders.length }),
        },
      });
    })),

    route.get('/api/lists/expiring', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const stored = await baselineOf(request, state);
      const asOf = asOfOf(request, state);
      const { scope, label } = scopeOf(request, eo, callerOf(request));
      const rows = expiringRows(eo, asOf, scope);
      return answerList(request, asOf, label, host, {
        kind: 'expiring',
        title: 'Expiring credentials',
        defaultSort: 'expiresOn',
        rows,
        valueOf: (row, column) => (column === 'employee' ? row.employeeName : column === 'credential' ? row.credentialName : row[column as 'expiresOn' | 'team' | 'issuedOn']),
        csvColumns: ['team', 'employee_id', 'employee_name', 'credential_id', 'credential_name', 'issued_on', 'expires_on'],
        csvRow: (row) => [row.team, row.employee, row.employeeName, row.credential, row.credentialName, row.issuedOn, row.expiresOn],
        body: (shown, envelope): ExpiringList => ({ ...envelope, horizonDays: FORECAST_DAYS, rows: shown }),
        // One award is one row: a draft changing the credential's validity moves its expiry date, in or out of the 90 days.
        baseline: stored && {
          rows: expiringRows(stored, asOf, scope),
          keyOf: (row) => `${row.employee}\u0000${row.credential}\u0000${row.issuedOn}`,
          figuresOf: ({ expiresOn }) => ({ expiresOn }),
        },
      });
    })),

    route.get('/api/lists/overdue-goals', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const stored = await baselineOf(request, state);
      const asOf = asOfOf(request, state);
      const { scope, label } = scopeOf(request, eo, callerOf(request));
      const rows = overdueGoalRows(eo, asOf, scope);
      return answerList(request, asOf, label, host, {
        kind: 'overdue-goals',
        title: 'Overdue goals',
        defaultSort: 'dueOn',
        rows,
        valueOf: (row, column) => (column === 'employee' ? row.employeeName : column === 'credential' ? row.credentialName : row[column as 'dueOn' | 'team' | 'daysOverdue']),
        csvColumns: ['team', 'employee_id', 'employee_name', 'goal_id', 'credential_id', 'credential_name', 'created_on', 'due_on', 'days_overdue'],
        csvRow: (row) => [row.team, row.employee, row.employeeName, row.goal, row.credential, row.credentialName, row.createdOn, row.dueOn, row.daysOverdue],
        body: (shown, envelope): OverdueGoalList => ({ ...envelope, rows: shown }),
        baseline: stored && { rows: overdueGoalRows(stored, asOf, scope), keyOf: (row) => row.goal, figuresOf: ({ daysOverdue }) => ({ daysOverdue }) },
      });
    })),

    route.get('/api/teams/:team/skills/:skill/gaps', guarded(async ({ request, params }) => {
      const eo = await viewOf(request, state);
      const asOf = asOfOf(request, state);
      const team = param(params.team);
      const skill = param(params.skill);
      assertMaySeeTeam(callerOf(request), team);
      if (!teamsOf(eo).includes(team)) return errorResponse(404, 'not-found', `There is no team called ${team}.`);
      if (!eo.skillIndex.has(skill)) return errorResponse(404, 'not-found', `There is no skill with id ${skill}.`);
      const names = lookups(eo);
      const gaps = unmetRequirements(eo, asOf, { teams: [team] }, { skill });
      // From the lowest level anyone here needs: a credential below someone's level still helps the others
      // (and each option says its level); from the highest, a level no course reaches would offer nothing.
      const level = gaps.length === 0 ? 1 : Math.min(...gaps.map((gap) => gap.required));
      const stored = await baselineOf(request, state);
      const storedGaps = stored && new Map(unmetRequirements(stored, asOf, { teams: [team] }, { skill }).map((gap) => [gap.employee, gap]));
      // Under a draft: those short as stored whom the draft no longer counts short (met, or no longer required).
      const shortNow = new Set(gaps.map((gap) => gap.employee));
      const gone = [...(storedGaps?.values() ?? [])].filter((gap) => !shortNow.has(gap.employee));
      return json<SkillGaps>({
        asOf,
        team,
        skill: names.skillRef(skill),
        people: gaps.map((gap) => ({
          employee: gap.employee,
          name: names.employeeName(gap.employee),
          roleName: names.roleName(gap.role),
          weight: gap.weight,
          required: gap.required,
          verified: gap.verified,
          assessed: gap.assessed,
          effective: gap.effective,
          gap: gap.gap,
          ...(storedGaps ? { baseline: figuresOfGap(storedGaps.get(gap.employee)) } : {}),
        })),
        ...(storedGaps
          ? {
              baseline: {
                total: storedGaps.size,
                gone: gone.map(({ employee, required, effective, gap }) => ({ employee, name: names.employeeName(employee), required, effective, gap })),
              },
            }
          : {}),
        credentials: credentialsGranting(eo, skill, level).map((credential) => credentialOption(eo, credential.id, skill)),
      });
    })),

    route.get('/api/search', guarded(async ({ request }) => {
      const eo = await state.current(draftIdOf(request));
      const caller = callerOf(request);
      const query = new URL(request.url).searchParams.get('q') ?? '';
      if (query.length > 200) throw new RequestRefused(400, 'bad-query', 'A search is at most 200 characters.');
      const teams = caller.scope === 'all' ? undefined : new Set(visibleTeams(eo, caller));
      const results = searchEntries(searchIndexOf(eo), query, { teams }).map(({ kind, id, label, detail, category }) => (category === undefined ? { kind, id, label, detail } : { kind, id, label, detail, category }));
      return json<SearchResponse>({ query, results });
    })),
  ];
}
