import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { demoOrganisation, generateOrganisation, slug } from './generate';
import { organisationSchema, type Credential, type Organisation } from '../schema';
import { addDays, addMonths } from '../dates';

const AS_OF = '2026-06-15';
const demo = demoOrganisation(AS_OF);

function expiryOf(org: Organisation, award: Organisation['awards'][number]): string | undefined {
  if (award.expiresOn !== undefined) return award.expiresOn;
  const months = org.credentials.find((credential) => credential.id === award.credential)?.validityMonths;
  return months === undefined ? undefined : addMonths(award.issuedOn, months);
}

describe('generateOrganisation', () => {
  it('gives identical output for identical options and different output for another seed', () => {
    const options = { employees: 120, seed: 42, asOf: AS_OF, teams: 5 };
    expect(generateOrganisation(options)).toEqual(generateOrganisation(options));
    expect(generateOrganisation({ ...options, seed: 43 }).employees).not.toEqual(generateOrganisation(options).employees);
  });

  it('builds the demo organisation at the advertised sizes', () => {
    expect(demo.employees).toHaveLength(300);
    expect(new Set(demo.employees.map((employee) => employee.team)).size).toBe(12);
    expect(demo.roles).toHaveLength(15);
    expect(demo.skills).toHaveLength(60);
    expect(demo.credentials).toHaveLength(80);
    expect(new Set(demo.skills.map((skill) => skill.category))).toEqual(
      new Set(['technical', 'data', 'cloud', 'security', 'soft', 'compliance', 'leadership']),
    );
    expect(demo.awards.length).toBeGreaterThan(1000);
  });

  it('honours explicit sizes for other organisations', () => {
    const small = generateOrganisation({ employees: 40, asOf: AS_OF, teams: 3, roles: 4, skills: 20, credentials: 25 });
    expect(small.employees).toHaveLength(40);
    expect(new Set(small.employees.map((employee) => employee.team)).size).toBe(3);
    expect(small.roles).toHaveLength(4);
    expect(small.skills).toHaveLength(20);
    expect(small.credentials).toHaveLength(25);
  });

  it('produces records that pass the shared schema', () => {
    expect(() => organisationSchema.parse(demo)).not.toThrow();
  });

  it('keeps every id unique and every email a unique first.last address', () => {
    for (const ids of [
      demo.employees.map((employee) => employee.id),
      demo.skills.map((skill) => skill.id),
      demo.roles.map((role) => role.id),
      demo.credentials.map((credential) => credential.id),
      demo.credentials.map((credential) => credential.name),
      demo.goals.map((goal) => goal.id),
    ]) {
      expect(new Set(ids).size).toBe(ids.length);
    }
    const emails = demo.employees.map((employee) => employee.email ?? '');
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z-]+\.[a-z-]+\d*@northwind\.example$/);
  });

  it('resolves every reference', () => {
    const employees = new Set(demo.employees.map((employee) => employee.id));
    const skills = new Set(demo.skills.map((skill) => skill.id));
    const roles = new Set(demo.roles.map((role) => role.id));
    const credentials = new Set(demo.credentials.map((credential) => credential.id));
    for (const employee of demo.employees) {
      expect(roles.has(employee.role)).toBe(true);
      if (employee.manager !== undefined) expect(employees.has(employee.manager)).toBe(true);
    }
    for (const role of demo.roles) for (const requirement of role.requirements) expect(skills.has(requirement.skill)).toBe(true);
    for (const credential of demo.credentials) {
      for (const grant of credential.grants) expect(skills.has(grant.skill)).toBe(true);
      for (const component of credential.components ?? []) expect(credentials.has(component)).toBe(true);
    }
    for (const award of demo.awards) {
      expect(employees.has(award.employee)).toBe(true);
      expect(credentials.has(award.credential)).toBe(true);
    }
    for (const assessment of demo.assessments) {
      expect(employees.has(assessment.employee)).toBe(true);
      expect(skills.has(assessment.skill)).toBe(true);
    }
    for (const goal of demo.goals) {
      expect(employees.has(goal.employee)).toBe(true);
      expect(credentials.has(goal.credential)).toBe(true);
      expect(goal.assignedBy === 'hr' || employees.has(goal.assignedBy)).toBe(true);
    }
    for (const interest of demo.interests) {
      expect(employees.has(interest.employee)).toBe(true);
      expect(skills.has(interest.skill)).toBe(true);
    }
  });

  it('gives every role 6 to 15 requirements at levels 2 to 5 mixing all three weights', () => {
    const weights = new Set<string>();
    for (const role of demo.roles) {
      expect(role.requirements.length).toBeGreaterThanOrEqual(6);
      expect(role.requirements.length).toBeLessThanOrEqual(15);
      expect(new Set(role.requirements.map((requirement) => requirement.skill)).size).toBe(role.requirements.length);
      for (const requirement of role.requirements) {
        expect(requirement.level).toBeGreaterThanOrEqual(2);
        expect(requirement.level).toBeLessThanOrEqual(5);
        weights.add(requirement.weight);
      }
    }
    expect(weights).toEqual(new Set(['critical', 'important', 'nice-to-have']));
  });

  it('prices badges between 0 and 1500 EUR for 2 to 60 hours, with validity of 12, 24 or 36 months or none', () => {
    const badges = demo.credentials.filter((credential) => credential.components === undefined);
    for (const badge of badges) {
      expect(badge.hours).toBeGreaterThanOrEqual(2);
      expect(badge.hours).toBeLessThanOrEqual(60);
      expect(badge.cost).toBeGreaterThanOrEqual(0);
      expect(badge.cost).toBeLessThanOrEqual(1500);
      expect([undefined, 12, 24, 36]).toContain(badge.validityMonths);
    }
    expect(badges.some((badge) => badge.validityMonths === undefined)).toBe(true);
    expect(badges.some((badge) => badge.cost === 0)).toBe(true);
  });

  it('includes stacks of 2 to 4 components with blank cost and hours, at least one nested, and no cycles', () => {
    const byId = new Map(demo.credentials.map((credential) => [credential.id, credential]));
    const stacks = demo.credentials.filter((credential) => credential.components !== undefined);
    expect(stacks.length).toBeGreaterThanOrEqual(3);
    for (const stack of stacks) {
      expect(stack.cost).toBeUndefined();
      expect(stack.hours).toBeUndefined();
      expect(stack.components?.length).toBeGreaterThanOrEqual(2);
      expect(stack.components?.length).toBeLessThanOrEqual(4);
    }
    const nested = stacks.filter((stack) => stack.components?.some((id) => byId.get(id)?.components !== undefined));
    expect(nested.length).toBeGreaterThanOrEqual(1);
    const reachesItself = (start: Credential): boolean => {
      const stackOf = [...(start.components ?? [])];
      const seen = new Set<string>();
      while (stackOf.length > 0) {
        const id = stackOf.pop() as string;
        if (id === start.id) return true;
        if (seen.has(id)) continue;
        seen.add(id);
        stackOf.push(...(byId.get(id)?.components ?? []));
      }
      return false;
    };
    for (const stack of stacks) expect(reachesItself(stack)).toBe(false);
  });

  it('lets some employees hold every component of a stack, so implied stacks occur', () => {
    const stacks = demo.credentials.filter((credential) => credential.components !== undefined);
    const held = new Map<string, Set<string>>();
    for (const award of demo.awards) {
      const set = held.get(award.employee) ?? new Set<string>();
      set.add(award.credential);
      held.set(award.employee, set);
    }
    const implied = [...held.values()].filter((set) =>
      stacks.some((stack) => !set.has(stack.id) && (stack.components ?? []).every((id) => set.has(id))),
    );
    expect(implied.length).toBeGreaterThan(10);
  });

  it('spreads awards over three years before the as-of date, some expired and about 5% expiring within 90 days', () => {
    const earliest = addDays(AS_OF, -3 * 365);
    let expired = 0;
    let expiringSoon = 0;
    const soonEnd = addDays(AS_OF, 90);
    for (const award of demo.awards) {
      expect(award.issuedOn >= earliest && award.issuedOn <= AS_OF).toBe(true);
      const expiresOn = expiryOf(demo, award);
      if (expiresOn === undefined) continue;
      expect(expiresOn > award.issuedOn).toBe(true);
      if (expiresOn < AS_OF) expired++;
      else if (expiresOn > AS_OF && expiresOn <= soonEnd) expiringSoon++;
    }
    expect(expired).toBeGreaterThan(demo.awards.length * 0.05);
    expect(expiringSoon / demo.awards.length).toBeGreaterThan(0.02);
    expect(expiringSoon / demo.awards.length).toBeLessThan(0.1);
    expect(demo.awards.some((award) => award.expiresOn !== undefined)).toBe(true);
  });

  it('records self, manager and test assessments, some undated and some tied on the same day', () => {
    expect(new Set(demo.assessments.map((assessment) => assessment.source))).toEqual(new Set(['self', 'manager', 'test']));
    expect(demo.assessments.some((assessment) => assessment.assessedOn === undefined)).toBe(true);
    const keys = demo.assessments
      .filter((assessment) => assessment.assessedOn !== undefined)
      .map((assessment) => `${assessment.employee}|${assessment.skill}|${assessment.assessedOn}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    for (const assessment of demo.assessments) if (assessment.assessedOn !== undefined) expect(assessment.assessedOn <= AS_OF).toBe(true);
    // One assessment per (employee, skill, date, source): the key an import merges on.
    const mergeKeys = demo.assessments.map((a) => `${a.employee}|${a.skill}|${a.assessedOn ?? ''}|${a.source}`);
    expect(new Set(mergeKeys).size).toBe(mergeKeys.length);
  });

  it('has goals completed by a later award, overdue goals and goals still in progress', () => {
    const completedByAward = demo.goals.filter(
      (goal) =>
        goal.status === 'completed' &&
        demo.awards.some((award) => award.employee === goal.employee && award.credential === goal.credential && award.issuedOn >= goal.createdOn),
    );
    const overdue = demo.goals.filter((goal) => (goal.status === 'assigned' || goal.status === 'in-progress') && goal.dueOn < AS_OF);
    const open = demo.goals.filter((goal) => goal.status === 'in-progress' && goal.dueOn >= AS_OF);
    expect(completedByAward.length).toBeGreaterThan(5);
    expect(overdue.length).toBeGreaterThan(5);
    expect(open.length).toBeGreaterThan(5);
    for (const goal of demo.goals) expect(goal.dueOn > goal.createdOn).toBe(true);
    expect(demo.interests.length).toBeGreaterThan(100);
  });

  it('resolves every reference and passes the schema for any seed and small size', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 3, max: 40 }),
        (seed, employees, teams, skills) => {
          const org = generateOrganisation({ employees, seed, asOf: AS_OF, teams, roles: 5, skills, credentials: 12 });
          expect(() => organisationSchema.parse(org)).not.toThrow();
          const ids = (list: readonly { id: string }[]) => new Set(list.map((item) => item.id));
          const [people, skillIds, roleIds, credentialIds] = [ids(org.employees), ids(org.skills), ids(org.roles), ids(org.credentials)];
          expect(people.size).toBe(employees);
          expect(skillIds.size).toBe(skills);
          for (const employee of org.employees) expect(roleIds.has(employee.role)).toBe(true);
          for (const role of org.roles) for (const requirement of role.requirements) expect(skillIds.has(requirement.skill)).toBe(true);
          for (const credential of org.credentials) {
            for (const grant of credential.grants) expect(skillIds.has(grant.skill)).toBe(true);
            for (const component of credential.components ?? []) expect(credentialIds.has(component)).toBe(true);
          }
          for (const award of org.awards) expect(people.has(award.employee) && credentialIds.has(award.credential)).toBe(true);
          for (const goal of org.goals) expect(people.has(goal.employee) && credentialIds.has(goal.credential)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('names employees with accented names but keeps their email addresses ASCII', () => {
    expect(demo.employees.some((employee) => [...employee.name].some((character) => character.charCodeAt(0) > 127))).toBe(true);
    expect(slug('C#')).toBe('csharp');
    expect(slug('CI/CD pipelines')).toBe('ci-cd-pipelines');
  });
});
