// Credential goals over HTTP: assign to one person or many (a cohort), change a status, export.
// Managers act only on their own team; HR only reads and exports.
import { route, json } from './routeTable';
import { findEmployee, goalExportRows, goalPairKey, openGoalsByPair, type EngineOrganisation } from '../../domain/engine';
import { goalsCsv } from '../../domain/csv';
import type { Goal, IsoDate } from '../../domain/schema';
import { assignGoalsRequestSchema, updateGoalRequestSchema, type AssignGoalsResponse } from '../../api/contract';
import type { Caller } from '../auth/caller';
import type { WhatIfState } from '../state/whatIf';
import { goalsReportTable } from '../../domain/xlsx';
import { xlsxReportResponse, type ExportHost } from './xlsxExport';
import { personRef, type AuditLog } from '../store/auditLog';
import { auditedChange, draftIdOf, asOfOf, assertMaySeeTeam, csvOptionsOf, csvResponse, forbidden, guarded, notFound, param, callerOf, RequestRefused, scopeOf, viewOf } from './requestContext';

/** Admins set goals for anyone, managers for the people in their teams (checked per person); HR only reads. */
function assertMaySetGoals(caller: Caller) {
  if (caller.role === 'hr') throw new RequestRefused(403, 'forbidden', 'HR can read and export goals, not assign or change them.');
}

async function jsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new RequestRefused(400, 'bad-body', 'The request body is not JSON.');
  }
}

/**
 * Assigns goals for many (employee, credential, due date) triples as ONE change of the organisation
 * (one stored revision, one audit entry): a cohort, or a whole training plan. A pair that already has
 * an open goal is skipped; anything unknown, past or out of the caller's scope refuses it all.
 */
export async function assignGoalPairs(
  state: WhatIfState,
  audit: AuditLog,
  request: Request,
  eo: EngineOrganisation,
  pairs: readonly { employee: string; credential: string; dueOn: IsoDate }[],
  kind: Goal['kind'],
  subject: string,
): Promise<AssignGoalsResponse> {
  const caller = callerOf(request);
  assertMaySetGoals(caller);
  const today = state.today();
  for (const { employee: id, credential, dueOn } of pairs) {
    if (!eo.credentialIndex.has(credential)) throw new RequestRefused(400, 'unknown-credential', `There is no credential ${credential} in the catalog.`);
    if (dueOn < today) throw new RequestRefused(400, 'past-due-date', `The due date ${dueOn} is in the past: choose today or later.`);
    const employee = findEmployee(eo, id);
    if (!employee) {
      // A manager guessing ids learns nothing: unknown is answered as out of scope.
      if (caller.scope !== 'all') throw forbidden();
      throw new RequestRefused(400, 'unknown-employee', `There is no employee with id ${id}.`);
    }
    assertMaySeeTeam(caller, employee.team);
  }
  const existing = new Set(eo.org.goals.map((goal) => goal.id));
  const open = new Set(openGoalsByPair(eo.org.goals).keys());
  const created: Goal[] = [];
  const skipped: AssignGoalsResponse['skipped'] = [];
  for (const { employee, credential, dueOn } of pairs) {
    const key = goalPairKey(employee, credential);
    if (open.has(key)) {
      skipped.push({ employee, credential, reason: 'already has an open goal for this credential' });
      continue;
    }
    open.add(key); // the same pair twice in one request makes one goal
    let id = `${employee}:${credential}:${today}`;
    for (let n = 2; existing.has(id); n++) id = `${employee}:${credential}:${today}:${n}`;
    existing.add(id);
    created.push({ id, employee, credential, dueOn, kind, status: 'assigned', assignedBy: caller.displayName, createdOn: today });
  }
  if (created.length > 0) {
    const credentials = [...new Set(created.map((goal) => goal.credential))];
    const dueDates = [...new Set(created.map((goal) => goal.dueOn))];
    // People by pseudonym only (goal ids embed employee ids, so they stay out of the row).
    const audited = auditedChange(audit, state.store, request, 'goals-assigned', () => ({
      subject,
      detail: {
        ...(credentials.length === 1 ? { credential: credentials[0] } : { credentials }),
        ...(dueDates.length === 1 ? { dueOn: dueDates[0] } : { dueDates }),
        kind,
        goals: created.map((goal) => (credentials.length === 1 ? { employee: personRef(goal.employee), createdOn: goal.createdOn } : { employee: personRef(goal.employee), credential: goal.credential, dueOn: goal.dueOn, createdOn: goal.createdOn })),
      },
    }));
    await state.replace({ ...eo.org, goals: [...eo.org.goals, ...created] }, `Assigned ${created.length} goal${created.length === 1 ? '' : 's'}`, { draftId: draftIdOf(request), audit: audited.row });
    await audited.after();
  }
  return { created, skipped };
}

export function createGoalRoutes(state: WhatIfState, audit: AuditLog, host: ExportHost = 'browser') {
  return [
    route.post('/api/goals', guarded(async ({ request }) => {
      const caller = callerOf(request);
      assertMaySetGoals(caller);
      const parsed = assignGoalsRequestSchema.safeParse(await jsonBody(request));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      const { dueOn, kind } = parsed.data;
      const data = parsed.data;
      let pairs: { employee: string; credential: string }[];
      if ('pairs' in data) pairs = data.pairs;
      else {
        const credential = data.credential;
        pairs = data.employees.map((employee) => ({ employee, credential }));
      }
      const credentials = [...new Set(pairs.map((pair) => pair.credential))];
      const eo = await state.current(draftIdOf(request));
      const result = await assignGoalPairs(state, audit, request, eo, pairs.map((pair) => ({ ...pair, dueOn })), kind, credentials.join(', '));
      return json<AssignGoalsResponse>(result, { status: 201 });
    })),

    route.patch('/api/goals/:id', guarded(async ({ request, params }) => {
      const caller = callerOf(request);
      assertMaySetGoals(caller);
      const parsed = updateGoalRequestSchema.safeParse(await jsonBody(request));
      if (!parsed.success) throw new RequestRefused(400, 'bad-request', 'status must be assigned, in-progress, completed or cancelled.');
      const eo = await state.current(draftIdOf(request));
      const id = param(params.id);
      const goal = eo.org.goals.find((candidate) => candidate.id === id);
      if (!goal) return notFound(caller, `There is no goal ${id}.`);
      assertMaySeeTeam(caller, findEmployee(eo, goal.employee)?.team ?? '');
      const updated = { ...goal, status: parsed.data.status };
      const audited = auditedChange(audit, state.store, request, 'goal-status-changed', () => ({ subject: goal.credential, detail: { employee: personRef(goal.employee), credential: goal.credential, createdOn: goal.createdOn, from: goal.status, to: updated.status } }));
      await state.replace({ ...eo.org, goals: eo.org.goals.map((candidate) => (candidate.id === id ? updated : candidate)) }, `Goal ${id} set to ${parsed.data.status}`, { draftId: draftIdOf(request), audit: audited.row });
      await audited.after();
      return json({ goal: updated });
    })),

    route.get('/api/reports/goals', guarded(async ({ request }) => {
      const eo = await viewOf(request, state);
      const { scope, label } = scopeOf(request, eo, callerOf(request));
      const asOf = asOfOf(request, state);
      const url = new URL(request.url);
      const format = url.searchParams.get('format') ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') throw new RequestRefused(400, 'bad-format', `format must be csv or xlsx, not "${format}".`);
      const rows = goalExportRows(eo, asOf, scope);
      if (format === 'xlsx') {
        const about = { title: 'Credential goals, with status and overdue flag', asOf, scope: label, filters: {}, host };
        return xlsxReportResponse(request, about, goalsReportTable(rows), `goals-${asOf}.xlsx`);
      }
      return csvResponse(goalsCsv(rows, csvOptionsOf(url)), `goals-${asOf}.csv`);
    })),
  ];
}
