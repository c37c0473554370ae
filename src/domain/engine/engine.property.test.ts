import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Assessment, Award, Credential, Goal, Organisation, Role } from '../schema';
import { addDays, addMonths, dayNumberAfterMonths, dayNumberPlusMonths, fromDayNumber, isoDayNumber, toDayNumber } from '../dates';
import { compareOrdinal } from '../reports';
import { WEIGHT_VALUE } from '../weights';
import { awardExpiry, isAwardCurrent } from './awards';
import { gapReportLong, employeeReadiness, requirementStatuses, type RequirementStatus } from './gaps';
import { orgReadiness, pooledReadiness, pooledReadinessSeries, teamReadiness, teamSkillStats } from './coverage';
import { goalStates } from './goals';
import { heldCredentials } from './holdings';
import { prepareOrganisation } from './prepare';

// Random small organisations (stacks, nested and cyclic; unknown credentials and roles; undated
// assessments) checked against a plain, slow reading of SPEC §3 written here from the rules.
const BASE = '2025-01-01';
const SKILLS = ['sk0', 'sk1', 'sk2', 'sk3'];
const CREDENTIALS = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
const EMPLOYEES = ['e0', 'e1', 'e2', 'e3', 'e4', 'e5'];
const date = (offset: number) => addDays(BASE, offset);

const credentialArb = (id: string) =>
  fc.record({
    grants: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS, 'sk-extra'), level: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 2 }),
    validityMonths: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    components: fc.option(fc.uniqueArray(fc.constantFrom(...CREDENTIALS, 'ghost'), { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 2 }),
  }).map(({ grants, validityMonths, components }): Credential => {
    const credential: Credential = { id, name: id.toUpperCase(), issuer: 'Issuer', grants };
    if (validityMonths !== undefined) credential.validityMonths = validityMonths;
    if (components !== undefined) credential.components = components;
    return credential;
  });

const roleArb = (id: string) =>
  fc
    .uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }), weight: fc.constantFrom('critical' as const, 'important' as const, 'nice-to-have' as const) }), {
      maxLength: 4,
      selector: (r) => r.skill,
    })
    .map((requirements): Role => ({ id, name: id, requirements }));

const awardArb = fc
  .record({
    employee: fc.constantFrom(...EMPLOYEES, 'nobody'),
    credential: fc.constantFrom(...CREDENTIALS, 'ghost'),
    issued: fc.integer({ min: 0, max: 120 }),
    length: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  })
  .map(({ employee, credential, issued, length }): Award => {
    const award: Award = { employee, credential, issuedOn: date(issued), verification: 'unverified' };
    if (length !== undefined) award.expiresOn = date(issued + length);
    return award;
  });

const assessmentArb = fc
  .record({ employee: fc.constantFrom(...EMPLOYEES), skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 0, max: 5 }), day: fc.option(fc.constantFrom(0, 30, 31, 60, 90, 120), { nil: undefined }) })
  .map(({ employee, skill, level, day }): Assessment => {
    const assessment: Assessment = { employee, skill, level, source: 'manager' };
    if (day !== undefined) assessment.assessedOn = date(day);
    return assessment;
  });

const goalArb = fc
  .record({ employee: fc.constantFrom(...EMPLOYEES), credential: fc.constantFrom(...CREDENTIALS), created: fc.integer({ min: 0, max: 120 }), due: fc.integer({ min: 0, max: 60 }) })
  .map(({ employee, credential, created, due }): Goal => ({
    id: `${employee}-${credential}-${created}`,
    employee,
    credential,
    createdOn: date(created),
    dueOn: date(created + due),
    kind: 'personal',
    status: 'assigned',
    assignedBy: 'HR',
  }));

const organisationArb = fc
  .record({
    credentials: fc.tuple(...CREDENTIALS.map(credentialArb)),
    roles: fc.tuple(roleArb('r0'), roleArb('r1'), roleArb('r2')),
    teams: fc.tuple(...EMPLOYEES.map(() => fc.constantFrom('t0', 't1', 'T10'))),
    employeeRoles: fc.tuple(...EMPLOYEES.map(() => fc.constantFrom('r0', 'r1', 'r2', 'ghost-role'))),
    awards: fc.array(awardArb, { maxLength: 16 }),
    assessments: fc.array(assessmentArb, { maxLength: 12 }),
    goals: fc.array(goalArb, { maxLength: 4 }),
  })
  .map(
    ({ credentials, roles, teams, employeeRoles, awards, assessments, goals }): Organisation => ({
      skills: SKILLS.map((id) => ({ id, name: `Skill ${id}`, category: 'technical' })),
      credentials,
      roles,
      employees: EMPLOYEES.map((id, i) => ({ id, name: id, team: teams[i]!, role: employeeRoles[i]! })),
      awards,
      assessments,
      goals: goals.filter((g, i) => goals.findIndex((h) => h.id === g.id) === i),
      interests: [],
    }),
  );

// --- The reference reading of the rules ------------------------------------------------------
function heldAt(org: Organisation, employeeId: string, asOf: string): Set<string> {
  const catalog = new Map(org.credentials.map((c) => [c.id, c]));
  const held = new Set(org.awards.filter((a) => a.employee === employeeId && isAwardCurrent(a, catalog.get(a.credential), asOf)).map((a) => a.credential));
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of org.credentials) {
      if (!held.has(c.id) && c.components && c.components.length > 0 && c.components.every((k) => held.has(k))) {
        held.add(c.id);
        changed = true;
      }
    }
  }
  return held;
}

function referenceStatuses(org: Organisation, employeeId: string, asOf: string): RequirementStatus[] {
  const employee = org.employees.find((e) => e.id === employeeId)!;
  const role = org.roles.find((r) => r.id === employee.role);
  const held = heldAt(org, employeeId, asOf);
  return (role?.requirements ?? []).map((req) => {
    let verified = 0;
    for (const c of org.credentials) if (held.has(c.id)) for (const g of c.grants) if (g.skill === req.skill) verified = Math.max(verified, g.level);
    let best: { key: string; level: number } | undefined;
    for (const a of org.assessments) {
      if (a.employee !== employeeId || a.skill !== req.skill || (a.assessedOn !== undefined && a.assessedOn > asOf)) continue;
      const key = a.assessedOn ?? ''; // undated sorts before every date
      if (!best || key > best.key || (key === best.key && a.level > best.level)) best = { key, level: a.level };
    }
    const assessed = best?.level ?? 0;
    const effective = Math.max(verified, assessed);
    const gap = Math.max(0, req.level - effective);
    return { skill: req.skill, weight: req.weight, required: req.level, verified, assessed, effective, gap, weightedGap: WEIGHT_VALUE[req.weight] * gap, met: effective >= req.level };
  });
}

describe('the engine against a plain reading of the rules, on random organisations', () => {
  const asOfArb = fc.integer({ min: 0, max: 150 }).map(date);

  it('gives a readiness series equal, day by day, to readiness computed for each day on its own', () => {
    fc.assert(
      fc.property(organisationArb, fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }), fc.boolean(), (org, offsets, scoped) => {
        const eo = prepareOrganisation(org);
        const days = offsets.sort((a, b) => a - b).map((offset) => toDayNumber(date(offset)));
        const mask = scoped ? Uint8Array.from(eo.employees, (_, e) => e % 2) : null;
        expect(pooledReadinessSeries(eo, mask, days)).toEqual(days.map((day) => pooledReadiness(eo, mask, day)));
      }),
      // Days land on an award's last day or an assessment's day often enough only with many runs.
      { numRuns: 400 },
    );
  });

  it('gives every employee the requirement statuses of the rules, and the long report agrees with them', () => {
    fc.assert(
      fc.property(organisationArb, asOfArb, (org, asOf) => {
        const eo = prepareOrganisation(org);
        const rows = gapReportLong(eo, asOf);
        for (const employee of org.employees) {
          const statuses = requirementStatuses(eo, employee.id, asOf);
          expect(statuses).toEqual(referenceStatuses(org, employee.id, asOf));
          const expectedRows = [...statuses]
            .sort((a, b) => compareOrdinal(a.skill, b.skill))
            .map((s) => [s.skill, s.weight, s.required, s.verified, s.assessed, s.effective, s.gap, s.met ? 'met' : 'gap']);
          const ownRows = rows.filter((r) => r.employee_id === employee.id);
          expect(ownRows.map((r) => [r.skill_id, r.weight, r.required_level, r.verified_level, r.assessed_level, r.effective_level, r.gap, r.status])).toEqual(expectedRows);
          for (const r of ownRows) {
            expect(r.gap).toBe(Math.max(0, r.required_level - r.effective_level));
            expect(r.effective_level).toBe(Math.max(r.verified_level, r.assessed_level));
          }
          const readiness = employeeReadiness(eo, employee.id, asOf);
          expect(readiness).toBeGreaterThanOrEqual(0);
          expect(readiness).toBeLessThanOrEqual(1);
        }
        const keys = rows.map((r) => [r.team, r.employee_id, r.skill_id]);
        const sorted = [...keys].sort((a, b) => compareOrdinal(a[0]!, b[0]!) || compareOrdinal(a[1]!, b[1]!) || compareOrdinal(a[2]!, b[2]!));
        expect(keys).toEqual(sorted);
      }),
    );
  });

  it('keeps team and org readiness within [0, 1] and team figures equal to the rules', () => {
    fc.assert(
      fc.property(organisationArb, asOfArb, (org, asOf) => {
        const eo = prepareOrganisation(org);
        const org01 = orgReadiness(eo, asOf);
        expect(org01).toBeGreaterThanOrEqual(0);
        expect(org01).toBeLessThanOrEqual(1);
        for (const team of new Set(org.employees.map((e) => e.team))) {
          const readiness = teamReadiness(eo, team, asOf);
          expect(readiness).toBeGreaterThanOrEqual(0);
          expect(readiness).toBeLessThanOrEqual(1);
          const members = org.employees.filter((e) => e.team === team);
          const statuses = new Map(members.map((e) => [e.id, referenceStatuses(org, e.id, asOf)]));
          for (const stat of teamSkillStats(eo, team, asOf)) {
            const requiring = members.flatMap((e) => statuses.get(e.id)!.filter((s) => s.skill === stat.skill));
            expect(stat.requiredCount).toBe(requiring.length);
            expect(stat.metCount).toBe(requiring.filter((s) => s.met).length);
            expect(stat.highestRequired).toBe(Math.max(...requiring.map((s) => s.required)));
            const effective = (id: string) => {
              const held = heldAt(org, id, asOf);
              const verified = Math.max(0, ...org.credentials.filter((c) => held.has(c.id)).flatMap((c) => c.grants.filter((g) => g.skill === stat.skill).map((g) => g.level)));
              const withAssessment = referenceStatuses({ ...org, roles: [{ id: 'probe', name: 'probe', requirements: [{ skill: stat.skill, level: 1, weight: 'important' }] }], employees: org.employees.map((e) => ({ ...e, role: 'probe' })) }, id, asOf)[0]!;
              return Math.max(verified, withAssessment.assessed);
            };
            expect(stat.benchMembers).toEqual(members.filter((e) => effective(e.id) >= stat.highestRequired).map((e) => e.id).sort(compareOrdinal));
          }
        }
      }),
    );
  });

  it('completes a goal on the first day, day by day, that the credential is held since its creation', () => {
    fc.assert(
      fc.property(organisationArb, asOfArb, (org, asOf) => {
        const eo = prepareOrganisation(org);
        for (const state of goalStates(eo, asOf)) {
          let first: string | undefined;
          for (let day = state.goal.createdOn; day <= asOf; day = addDays(day, 1)) {
            if (heldAt(org, state.goal.employee, day).has(state.goal.credential)) {
              first = day;
              break;
            }
          }
          expect(state.completedOn).toBe(first);
          expect(state.overdue).toBe(first === undefined && asOf > state.goal.dueOn);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('holds an award with a validity in the engine exactly when rule 1 says it is current', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 4000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: -2, max: 2000 }), (issued, months, probe) => {
        const credential: Credential = { id: 'c', name: 'C', issuer: 'I', grants: [{ skill: 'sk0', level: 1 }], validityMonths: months };
        const award: Award = { employee: 'e0', credential: 'c', issuedOn: date(issued), verification: 'unverified' };
        const org: Organisation = { skills: [], roles: [], employees: [{ id: 'e0', name: 'E', team: 't', role: 'r' }], credentials: [credential], awards: [award], assessments: [], goals: [], interests: [] };
        const asOf = date(issued + probe);
        const held = heldCredentials(prepareOrganisation(org), 'e0', asOf);
        expect(held.length === 1).toBe(isAwardCurrent(award, credential, asOf));
        if (held.length === 1) expect(held[0]?.expiresOn).toBe(awardExpiry(award, credential));
      }),
    );
  });
});

describe('the day arithmetic the engine uses', () => {
  const dayArb = fc.integer({ min: -30_000, max: 90_000 }); // 1887 … 2216

  it('turns an ISO date into the same day number as toDayNumber', () => {
    fc.assert(
      fc.property(dayArb, (day) => {
        expect(isoDayNumber(fromDayNumber(day))).toBe(day);
      }),
    );
    expect(isoDayNumber('2024-02-29')).toBe(toDayNumber('2024-02-29'));
    expect(isoDayNumber('1970-01-01')).toBe(0);
    expect(isoDayNumber('2000-03-01')).toBe(11_017);
  });

  it('adds calendar months exactly as addMonths does', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 240 }), (day, months) => {
      const date = fromDayNumber(day);
      expect(dayNumberAfterMonths(date, months)).toBe(toDayNumber(addMonths(date, months)));
    }));
  });

  it('adds calendar months to a day number as to its date, clamped to the month end', () => {
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 240 }), (day, months) => {
      expect(dayNumberPlusMonths(day, months)).toBe(toDayNumber(addMonths(fromDayNumber(day), months)));
    }));
    // 2024-01-31 (day 19,753) + 1 month = 2024-02-29 (19,782); + 13 months = 2025-02-28 (20,147).
    expect(dayNumberPlusMonths(19_753, 1)).toBe(19_782);
    expect(dayNumberPlusMonths(19_753, 13)).toBe(20_147);
    // 1969-12-31 (day -1) + 2 months = 1970-02-28 (day 58).
    expect(dayNumberPlusMonths(-1, 2)).toBe(58);
  });
});
