// A realistic synthetic organisation from a seed (SPEC §7 demo data, §6 `gapmap generate`): the
// same options always give the same records. Pure and fast enough for 100,000 employees.
import type {
  Assessment,
  AssessmentSource,
  Award,
  Credential,
  Employee,
  Goal,
  Grant,
  Interest,
  IsoDate,
  Organisation,
  Requirement,
  Role,
  Skill,
  Weight,
} from '../schema';
import { addMonths, fromDayNumber as isoDateOf, toDayNumber } from '../dates';
import { seededRandom, type Random } from './random';
import {
  BADGE_KINDS,
  FIRST_NAMES,
  ISSUERS,
  LAST_NAMES,
  LOCATIONS,
  ROLE_TEMPLATES,
  SKILL_CATEGORIES,
  SKILL_NAMES,
  TEAM_TEMPLATES,
  TIER_WORDS,
  type SkillCategory,
} from './vocabulary';

export interface GenerateOptions {
  employees: number;
  seed?: number;
  asOf: IsoDate;
  teams?: number;
  roles?: number;
  skills?: number;
  credentials?: number;
  /** Mean number of awards per employee (renewals and stack components included). */
  awardsPerEmployee?: number;
  /**
   * Share (0–1) of each employee's required skills their manager rated in the last annual review,
   * mostly near the required level. 0 (the default) adds none. Drawn from its own random stream so
   * the rest of the organisation is the same whatever the share.
   */
  annualReviewShare?: number;
}

/** Organisations at least this large get the benchmark's catalog sizes by default. */
const LARGE_ORGANISATION = 10_000;
const EMAIL_DOMAIN = 'northwind.example';
const HISTORY_DAYS = 3 * 365;

/** The organisation the app opens on: ~300 employees, 12 teams, 15 roles, 60 skills, 80 credentials. */
export function demoOrganisation(asOf: IsoDate): Organisation {
  return generateOrganisation({
    employees: 300,
    seed: 2026,
    asOf,
    teams: 12,
    roles: 15,
    skills: 60,
    credentials: 80,
    awardsPerEmployee: 6,
    // Real teams mostly meet their roles: managers' reviews put readiness in a believable range.
    annualReviewShare: 0.75,
  });
}

export function generateOrganisation(options: GenerateOptions): Organisation {
  const large = options.employees >= LARGE_ORGANISATION;
  const employeeCount = Math.max(0, Math.floor(options.employees));
  const teamCount = Math.max(1, options.teams ?? Math.min(400, Math.max(1, Math.round(employeeCount / 25))));
  const roleCount = Math.max(1, options.roles ?? (large ? 40 : 15));
  const skillCount = Math.max(1, options.skills ?? (large ? 200 : 60));
  const credentialCount = Math.max(2, options.credentials ?? (large ? 520 : 80));
  const awardsPerEmployee = Math.max(0, options.awardsPerEmployee ?? (large ? 10 : 6));
  const random = seededRandom(options.seed ?? 1);
  const asOfDay = toDayNumber(options.asOf);

  const skills = buildSkills(skillCount, random);
  const categoryOf = new Map(skills.map((skill) => [skill.id, skill.category as SkillCategory]));
  const skillsByCategory = groupSkills(skills);
  const roles = buildRoles(roleCount, skills, skillsByCategory, random);
  const credentials = buildCatalog(credentialCount, skills, categoryOf, random);
  const teams = buildTeams(teamCount, roles, random);
  const employees = buildEmployees(employeeCount, teams, roles, random);
  const world: World = { random, asOfDay, asOf: options.asOf, skills, skillsByCategory, roles, credentials };
  const awards = buildAwards(employees, awardsPerEmployee, world);
  const assessments = buildAssessments(employees, world);
  if (options.annualReviewShare) {
    assessments.push(...buildAnnualReview(employees, options.annualReviewShare, { ...world, random: seededRandom((options.seed ?? 1) + 7919) }, assessments));
  }
  const goals = buildGoals(employees, awards, world);
  const interests = buildInterests(employees, world);
  return { skills, roles, employees, credentials, awards, assessments, goals, interests };
}

interface World {
  random: Random;
  asOf: IsoDate;
  asOfDay: number;
  skills: Skill[];
  skillsByCategory: Map<SkillCategory, Skill[]>;
  roles: Role[];
  credentials: Credential[];
}

interface Team {
  name: string;
  roleIds: string[];
  location: string;
}

// ---------------------------------------------------------------- skills

function buildSkills(count: number, random: Random): Skill[] {
  const skills: Skill[] = [];
  const usedIds = new Set<string>();
  // Round-robin over the categories so every size keeps the mix; past the vocabulary, variants.
  const prefixes = ['', 'Applied ', 'Enterprise ', 'Strategic '];
  for (let round = 0; skills.length < count; round++) {
    const prefix = prefixes[round % prefixes.length] ?? '';
    const generation = Math.floor(round / prefixes.length);
    let added = false;
    const longest = Math.max(...SKILL_CATEGORIES.map((category) => SKILL_NAMES[category].length));
    for (let index = 0; index < longest && skills.length < count; index++) {
      for (const category of SKILL_CATEGORIES) {
        if (skills.length >= count) break;
        const base = SKILL_NAMES[category][index];
        if (base === undefined) continue;
        const name = generation === 0 ? `${prefix}${base}` : `${prefix}${base} ${generation + 1}`;
        const id = uniqueId(slug(name), usedIds);
        const skill: Skill = { id, name, category };
        // About half carry an external code, as an ESCO export would.
        if (random.chance(0.55)) skill.code = `http://data.europa.eu/esco/skill/${uuidLike(random)}`;
        if (random.chance(0.3)) skill.description = `Applies ${name} in day-to-day work (${category}).`;
        skills.push(skill);
        added = true;
      }
    }
    if (!added) break;
  }
  return skills;
}

function groupSkills(skills: readonly Skill[]): Map<SkillCategory, Skill[]> {
  const groups = new Map<SkillCategory, Skill[]>();
  for (const category of SKILL_CATEGORIES) groups.set(category, []);
  for (const skill of skills) groups.get(skill.category as SkillCategory)?.push(skill);
  return groups;
}

// ---------------------------------------------------------------- roles

const SENIORITY = ['', 'Senior ', 'Lead ', 'Principal ', 'Junior '] as const;

function buildRoles(
  count: number,
  skills: readonly Skill[],
  byCategory: Map<SkillCategory, Skill[]>,
  random: Random,
): Role[] {
  const roles: Role[] = [];
  const usedIds = new Set<string>();
  for (let index = 0; index < count; index++) {
    const template = ROLE_TEMPLATES[index % ROLE_TEMPLATES.length] as (typeof ROLE_TEMPLATES)[number];
    const round = Math.floor(index / ROLE_TEMPLATES.length);
    const seniority = SENIORITY[round % SENIORITY.length] ?? '';
    const generation = Math.floor(round / SENIORITY.length);
    const name = `${seniority}${template.name}${generation > 0 ? ` ${generation + 1}` : ''}`;
    const levelBoost = seniority === 'Senior ' || seniority === 'Lead ' || seniority === 'Principal ' ? 1 : seniority === 'Junior ' ? -1 : 0;
    const target = Math.min(random.int(6, 15), skills.length);
    const chosen = new Set<string>();
    const requirements: Requirement[] = [];
    const add = (skill: Skill, weight: Weight, low: number, high: number) => {
      if (chosen.has(skill.id) || requirements.length >= target) return;
      chosen.add(skill.id);
      const level = clamp(random.int(low, high) + levelBoost, 2, 5);
      requirements.push({ skill: skill.id, level, weight });
    };
    const core = byCategory.get(template.core) ?? [];
    for (const skill of random.sample(core, Math.ceil(target * 0.4))) {
      add(skill, random.chance(0.6) ? 'critical' : 'important', 3, 5);
    }
    for (const category of template.supporting) {
      const pool = byCategory.get(category) ?? [];
      for (const skill of random.sample(pool, random.int(1, 3))) {
        add(skill, random.chance(0.55) ? 'important' : 'nice-to-have', 2, 4);
      }
    }
    // Top up from anywhere (a compliance course everybody needs, a soft skill) until the target.
    for (let attempt = 0; requirements.length < target && attempt < target * 20; attempt++) {
      add(random.pick(skills), random.chance(0.7) ? 'nice-to-have' : 'important', 2, 3);
    }
    requirements.sort((a, b) => (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
    roles.push({ id: uniqueId(slug(name), usedIds), name, requirements });
  }
  return roles;
}

// ---------------------------------------------------------------- catalog

const ISSUERS_BY_CATEGORY: Readonly<Record<SkillCategory, readonly string[]>> = {
  technical: ['Kestrel Code Academy', 'Riverside Polytechnic', 'Skyline Academy'],
  data: ['Open Data Guild', 'Brightpath University', 'Meridian Learning'],
  cloud: ['Cobalt Cloud School', 'Skyline Academy', 'Northbridge Institute'],
  security: ['Harbor Security Lab', 'Northbridge Institute'],
  soft: ['Meridian Learning', 'Summit Professional Education', 'Brightpath University'],
  compliance: ['Lighthouse Compliance College', 'Summit Professional Education'],
  leadership: ['Atlas Leadership Forum', 'Summit Professional Education'],
};

/** Chance that a badge of this category expires (security and compliance certifications do). */
const VALIDITY_CHANCE: Readonly<Record<SkillCategory, number>> = {
  technical: 0.5, data: 0.5, cloud: 0.8, security: 0.9, soft: 0.15, compliance: 0.95, leadership: 0.2,
};

function buildCatalog(
  count: number,
  skills: readonly Skill[],
  categoryOf: Map<string, SkillCategory>,
  random: Random,
): Credential[] {
  const stackCount = Math.max(2, Math.round(count * 0.1));
  const nestedCount = Math.max(1, Math.round(stackCount * 0.2));
  const badgeCount = Math.max(1, count - stackCount);
  const usedNames = new Set<string>();
  const badges: Credential[] = [];
  // Each skill gets a badge before any gets a second, at rising levels, so most gaps are closable
  // and some level-5 requirements are not (the "no credential grants…" warnings are real).
  const skillOrder = random.sample(skills, skills.length);
  for (let index = 0; index < badgeCount; index++) {
    const skill = skillOrder[index % skillOrder.length] as Skill;
    const generation = Math.floor(index / skillOrder.length);
    const category = categoryOf.get(skill.id) ?? 'technical';
    const level = clamp(generation === 0 ? random.int(2, 4) : random.int(3, 5), 1, 5);
    const grants: Grant[] = [{ skill: skill.id, level }];
    const siblings = skills.filter((other) => other.category === skill.category && other.id !== skill.id);
    for (const sibling of random.sample(siblings, random.chance(0.4) ? (random.chance(0.3) ? 2 : 1) : 0)) {
      grants.push({ skill: sibling.id, level: Math.max(1, level - 1) });
    }
    const issuer = random.pick(ISSUERS_BY_CATEGORY[category] ?? ISSUERS);
    const id = `BDG-${pad(index + 1, 4)}`;
    const hours = clamp(level * 7 + random.int(-6, 12), 2, 60);
    const cost = random.chance(0.15) ? 0 : Math.min(1500, Math.round((hours * random.int(8, 28) + random.int(0, 150)) / 5) * 5);
    const credential: Credential = {
      id,
      name: uniqueName(`${skill.name} ${TIER_WORDS[level]}`, BADGE_KINDS, usedNames, random),
      issuer,
      grants,
      hours,
      cost,
      currency: 'EUR',
      url: `https://learn.${slug(issuer)}.example/courses/${id.toLowerCase()}`,
    };
    if (random.chance(VALIDITY_CHANCE[category])) credential.validityMonths = random.pick([12, 24, 36]);
    badges.push(credential);
  }

  const stacks: Credential[] = [];
  const simpleStacks = Math.max(1, stackCount - nestedCount);
  for (let index = 0; index < simpleStacks; index++) {
    const category = SKILL_CATEGORIES[index % SKILL_CATEGORIES.length] as SkillCategory;
    let pool = badges.filter((badge) => categoryOf.get(badge.grants[0]?.skill ?? '') === category);
    if (pool.length < 2) pool = badges;
    const components = random.sample(pool, random.int(2, 4));
    const first = components[0] as Credential;
    const firstSkill = skills.find((skill) => skill.id === first.grants[0]?.skill);
    // Completing the pathway is worth more than its parts: one level up on each core skill.
    const grants = mergeGrants(components.map((component) => {
      const grant = component.grants[0] as Grant;
      return { skill: grant.skill, level: Math.min(5, grant.level + 1) };
    }));
    stacks.push({
      id: `CERT-${pad(index + 1, 3)}`,
      name: uniqueName(`${firstSkill?.name ?? capitalise(category)} Professional`, ['Certificate', 'Certificate Pathway'], usedNames, random),
      issuer: first.issuer,
      grants,
      components: components.map((component) => component.id),
    });
  }
  for (let index = 0; index < nestedCount; index++) {
    // A diploma stacks certificates (and sometimes a badge): implied stacks nest.
    const parts = random.sample(stacks.filter((stack) => !stack.id.startsWith('DIPL')), random.int(1, 2));
    if (parts.length < 2) parts.push(...random.sample(badges, 2 - parts.length));
    const grants = mergeGrants(parts.flatMap((part) => part.grants));
    const first = parts[0] as Credential;
    stacks.push({
      id: `DIPL-${pad(index + 1, 3)}`,
      name: uniqueName(`${first.name.replace(/ Professional Certificate.*$/, '')} Career`, ['Diploma', 'Advanced Diploma'], usedNames, random),
      issuer: first.issuer,
      grants,
      components: parts.map((part) => part.id),
    });
  }
  return [...badges, ...stacks];
}

function mergeGrants(grants: readonly Grant[]): Grant[] {
  const best = new Map<string, number>();
  for (const grant of grants) best.set(grant.skill, Math.max(best.get(grant.skill) ?? 0, grant.level));
  return [...best].map(([skill, level]) => ({ skill, level }));
}

// ---------------------------------------------------------------- teams and people

function buildTeams(count: number, roles: readonly Role[], random: Random): Team[] {
  const teams: Team[] = [];
  const baseName = (role: Role) => role.name.replace(/^(Senior|Lead|Principal|Junior) /, '').replace(/ \d+$/, '');
  for (let index = 0; index < count; index++) {
    const template = TEAM_TEMPLATES[index % TEAM_TEMPLATES.length] as (typeof TEAM_TEMPLATES)[number];
    const round = Math.floor(index / TEAM_TEMPLATES.length);
    const name = round === 0 ? template.name : `${template.name} Squad ${round + 1}`;
    const wanted = new Set(template.roles);
    let roleIds = roles.filter((role) => wanted.has(baseName(role))).map((role) => role.id);
    if (roleIds.length > 6) roleIds = random.sample(roleIds, 6);
    while (roleIds.length < Math.min(3, roles.length)) {
      const extra = random.pick(roles).id;
      if (!roleIds.includes(extra)) roleIds.push(extra);
    }
    teams.push({ name, roleIds, location: random.pick(LOCATIONS) });
  }
  return teams;
}

function buildEmployees(count: number, teams: readonly Team[], roles: readonly Role[], random: Random): Employee[] {
  const width = Math.max(5, String(count).length);
  const emailCounts = new Map<string, number>();
  const leadOf = new Map<string, string>();
  const leadershipRoles = new Set(
    roles.filter((role) => /Manager|Lead|Officer/.test(role.name)).map((role) => role.id),
  );
  const employees: Employee[] = [];
  // Team sizes vary: each team gets a weight, and the first `teams` people seed one team each.
  const weights = teams.map(() => 0.4 + random.next() * 1.2);
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  for (let index = 0; index < count; index++) {
    let teamIndex = index;
    if (index >= teams.length) {
      const draw = random.next() * total;
      teamIndex = lowerBound(cumulative, draw);
    }
    const team = teams[teamIndex] as Team;
    const id = `E${pad(index + 1, width)}`;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const lead = leadOf.get(team.name);
    let role: string;
    if (lead === undefined) {
      role = team.roleIds.find((roleId) => leadershipRoles.has(roleId)) ?? random.pick(team.roleIds);
    } else {
      role = random.pick(team.roleIds);
    }
    const employee: Employee = {
      id,
      name: `${first} ${last}`,
      email: uniqueEmail(first, last, emailCounts),
      team: team.name,
      role,
      location: random.chance(0.75) ? team.location : random.pick(LOCATIONS),
    };
    if (lead === undefined) {
      leadOf.set(team.name, id);
      // Team leads report to the first team's lead, who heads the organisation.
      const head = leadOf.get((teams[0] as Team).name);
      if (head !== undefined && head !== id) employee.manager = head;
    } else {
      employee.manager = lead;
    }
    employees.push(employee);
  }
  return employees;
}

// ---------------------------------------------------------------- awards

interface CredentialFacts {
  credential: Credential;
  /** Leaf badges a holder needs for an implied stack (nested stacks flattened). */
  leaves: Credential[];
}

function buildAwards(employees: readonly Employee[], mean: number, world: World): Award[] {
  const { random, asOfDay, credentials } = world;
  const byId = new Map(credentials.map((credential) => [credential.id, credential]));
  const badges = credentials.filter((credential) => credential.components === undefined);
  const stacks: CredentialFacts[] = credentials
    .filter((credential) => credential.components !== undefined)
    .map((credential) => ({ credential, leaves: leavesOf(credential, byId) }));
  const relevantByRole = relevantBadges(world.roles, badges);
  const awards: Award[] = [];

  const award = (employee: Employee, credential: Credential, issuedDay: number, held: Set<string>) => {
    held.add(credential.id);
    const issuedOn = fromDayNumber(issuedDay);
    const record: Award = { employee: employee.id, credential: credential.id, issuedOn, verification: 'unverified' };
    const validity = credential.validityMonths;
    let expiresDay = Number.POSITIVE_INFINITY;
    if (validity !== undefined) {
      const expiresOn = addMonths(issuedOn, validity);
      expiresDay = toDayNumber(expiresOn);
      // Badge platforms often export the expiry; spreadsheets usually leave it blank.
      if (random.chance(0.35)) record.expiresOn = expiresOn;
    }
    if (random.chance(0.5)) {
      record.evidenceUrl = `https://badges.${slug(credential.issuer)}.example/assertions/${random.hex(12)}`;
      if (random.chance(0.6)) record.verification = 'verified';
    }
    awards.push(record);
    // Some people renew an expired credential shortly before or after it lapsed.
    if (expiresDay <= asOfDay && random.chance(0.3)) {
      const renewedDay = expiresDay - random.int(0, 20);
      if (renewedDay > issuedDay && renewedDay <= asOfDay) {
        const renewed: Award = { employee: employee.id, credential: credential.id, issuedOn: fromDayNumber(renewedDay), verification: 'unverified' };
        awards.push(renewed);
      }
    }
  };

  for (const employee of employees) {
    const held = new Set<string>();
    let remaining = random.int(0, Math.round(2 * mean));
    const relevant = relevantByRole.get(employee.role) ?? badges;
    // A quarter complete a whole stack pathway: their certificate is implied by the badges.
    if (remaining >= 2 && stacks.length > 0 && random.chance(0.25)) {
      const stack = random.pick(stacks);
      let day = asOfDay - random.int(60, HISTORY_DAYS);
      for (const leaf of stack.leaves) {
        if (held.has(leaf.id)) continue;
        award(employee, leaf, Math.min(day, asOfDay), held);
        day += random.int(5, 60);
        remaining--;
      }
      if (random.chance(0.2)) award(employee, stack.credential, Math.min(day, asOfDay), held);
    }
    for (let attempt = 0; remaining > 0 && attempt < remaining * 4 + 8; attempt++) {
      const credential = random.chance(0.7) && relevant.length > 0 ? random.pick(relevant) : random.pick(badges);
      if (held.has(credential.id)) continue;
      award(employee, credential, asOfDay - random.int(1, HISTORY_DAYS), held);
      remaining--;
    }
  }
  return awards;
}

function leavesOf(credential: Credential, byId: Map<string, Credential>, depth = 0): Credential[] {
  if (credential.components === undefined || depth > 8) return [credential];
  return credential.components.flatMap((id) => {
    const component = byId.get(id);
    return component === undefined ? [] : leavesOf(component, byId, depth + 1);
  });
}

/** Per role, the badges that grant at least one of its required skills. */
function relevantBadges(roles: readonly Role[], badges: readonly Credential[]): Map<string, Credential[]> {
  const bySkill = new Map<string, Credential[]>();
  for (const badge of badges) {
    for (const grant of badge.grants) {
      const list = bySkill.get(grant.skill) ?? [];
      list.push(badge);
      bySkill.set(grant.skill, list);
    }
  }
  const result = new Map<string, Credential[]>();
  for (const role of roles) {
    const set = new Set<Credential>();
    for (const requirement of role.requirements) for (const badge of bySkill.get(requirement.skill) ?? []) set.add(badge);
    result.set(role.id, [...set]);
  }
  return result;
}

// ---------------------------------------------------------------- assessments, goals, interests

function buildAssessments(employees: readonly Employee[], world: World): Assessment[] {
  const { random, asOfDay, skills } = world;
  const roleById = new Map(world.roles.map((role) => [role.id, role]));
  const sources: readonly AssessmentSource[] = ['self', 'self', 'manager', 'manager', 'test'];
  const assessments: Assessment[] = [];
  for (const employee of employees) {
    const requirements = roleById.get(employee.role)?.requirements ?? [];
    const count = random.int(0, 6);
    const seen = new Set<string>();
    for (let index = 0; index < count; index++) {
      const requirement = requirements.length > 0 && random.chance(0.8) ? random.pick(requirements) : undefined;
      const skill = requirement?.skill ?? random.pick(skills).id;
      if (seen.has(skill)) continue;
      seen.add(skill);
      const base = requirement?.level ?? random.int(1, 4);
      const level = clamp(base + random.int(-2, 1), 1, 5);
      const source = random.pick(sources);
      // Undated rows come from a skills-matrix spreadsheet: older than any dated assessment.
      if (random.chance(0.15)) {
        assessments.push({ employee: employee.id, skill, level, source: source === 'test' ? 'manager' : source });
        continue;
      }
      const day = asOfDay - random.int(0, HISTORY_DAYS);
      assessments.push({ employee: employee.id, skill, level, source, assessedOn: fromDayNumber(day) });
      if (random.chance(0.2)) {
        // A second opinion from another source: the same day (a tie), or a later one. One
        // assessment per (employee, skill, day, source), the key an import merges on.
        const sameDay = random.chance(0.5);
        const laterDay = sameDay ? day : Math.min(asOfDay, day + random.int(1, 300));
        const otherSource: AssessmentSource = source === 'manager' ? 'test' : 'manager';
        assessments.push({
          employee: employee.id,
          skill,
          level: clamp(level + random.int(-1, 1), 1, 5),
          source: sameDay || laterDay === day ? otherSource : random.pick(sources),
          assessedOn: fromDayNumber(laterDay),
        });
      }
    }
  }
  return assessments;
}

/**
 * A manager's annual review: each required skill rated with probability `share`, within a level of
 * the requirement — never on a day the same manager rating exists already (the key an import merges on).
 */
function buildAnnualReview(employees: readonly Employee[], share: number, world: World, existing: readonly Assessment[]): Assessment[] {
  const { random, asOfDay } = world;
  const taken = new Set(existing.map((assessment) => `${assessment.employee}\u0000${assessment.skill}\u0000${assessment.assessedOn ?? ''}\u0000${assessment.source}`));
  const roleById = new Map(world.roles.map((role) => [role.id, role]));
  const reviews: Assessment[] = [];
  for (const employee of employees) {
    // Before the 12-month trend window, so the trend shows learning, not the arrival of the review.
    const reviewDay = asOfDay - random.int(380, 760);
    for (const requirement of roleById.get(employee.role)?.requirements ?? []) {
      if (!random.chance(share)) continue;
      const level = clamp(requirement.level + random.pick([-1, 0, 0, 1]), 1, 5);
      if (taken.has(`${employee.id}\u0000${requirement.skill}\u0000${fromDayNumber(reviewDay)}\u0000manager`)) continue;
      reviews.push({ employee: employee.id, skill: requirement.skill, level, source: 'manager', assessedOn: fromDayNumber(reviewDay) });
    }
  }
  return reviews;
}

function buildGoals(employees: readonly Employee[], awards: readonly Award[], world: World): Goal[] {
  const { random, asOfDay } = world;
  const badges = world.credentials.filter((credential) => credential.components === undefined);
  const relevant = relevantBadges(world.roles, badges);
  const recentAwardsOf = new Map<string, Award[]>();
  const heldBy = new Map<string, Set<string>>();
  for (const award of awards) {
    const held = heldBy.get(award.employee) ?? new Set<string>();
    held.add(award.credential);
    heldBy.set(award.employee, held);
    if (toDayNumber(award.issuedOn) >= asOfDay - 365) {
      const list = recentAwardsOf.get(award.employee) ?? [];
      list.push(award);
      recentAwardsOf.set(award.employee, list);
    }
  }
  const goals: Goal[] = [];
  const width = Math.max(6, String(employees.length).length + 1);
  for (const employee of employees) {
    const goalCount = random.chance(0.35) ? (random.chance(0.25) ? 2 : 1) : 0;
    for (let index = 0; index < goalCount; index++) {
      const personal = random.chance(0.25);
      const assignedBy = personal ? employee.id : (employee.manager ?? 'hr');
      const kind = personal ? 'personal' : 'organisational';
      const draw = random.next();
      const recent = recentAwardsOf.get(employee.id) ?? [];
      const id = `G${pad(goals.length + 1, width)}`;
      if (draw < 0.35 && recent.length > 0) {
        // Completed: assigned some weeks before the award that completed it.
        const award = random.pick(recent);
        const createdDay = toDayNumber(award.issuedOn) - random.int(7, 120);
        goals.push({
          id, employee: employee.id, credential: award.credential, kind, assignedBy, status: 'completed',
          createdOn: fromDayNumber(createdDay), dueOn: fromDayNumber(createdDay + random.int(30, 180)),
        });
        continue;
      }
      const held = heldBy.get(employee.id) ?? new Set<string>();
      const candidates = (relevant.get(employee.role) ?? badges).filter((badge) => !held.has(badge.id));
      if (candidates.length === 0) continue;
      const credential = random.pick(candidates).id;
      if (draw < 0.55) {
        // Overdue: due date passed, never completed.
        const createdDay = asOfDay - random.int(100, 300);
        goals.push({
          id, employee: employee.id, credential, kind, assignedBy, status: random.chance(0.5) ? 'assigned' : 'in-progress',
          createdOn: fromDayNumber(createdDay), dueOn: fromDayNumber(createdDay + random.int(30, 90)),
        });
      } else if (draw < 0.9) {
        const createdDay = asOfDay - random.int(1, 90);
        goals.push({
          id, employee: employee.id, credential, kind, assignedBy, status: random.chance(0.6) ? 'in-progress' : 'assigned',
          createdOn: fromDayNumber(createdDay), dueOn: fromDayNumber(asOfDay + random.int(7, 150)),
        });
      } else {
        const createdDay = asOfDay - random.int(30, 400);
        goals.push({
          id, employee: employee.id, credential, kind, assignedBy, status: 'cancelled',
          createdOn: fromDayNumber(createdDay), dueOn: fromDayNumber(createdDay + random.int(30, 120)),
        });
      }
    }
  }
  return goals;
}

function buildInterests(employees: readonly Employee[], world: World): Interest[] {
  const { random, skills, skillsByCategory } = world;
  const coreOf = new Map<string, SkillCategory>();
  world.roles.forEach((role, index) => {
    coreOf.set(role.id, (ROLE_TEMPLATES[index % ROLE_TEMPLATES.length] as (typeof ROLE_TEMPLATES)[number]).core);
  });
  const interests: Interest[] = [];
  for (const employee of employees) {
    const count = random.int(0, 3);
    const chosen = new Set<string>();
    const core = skillsByCategory.get(coreOf.get(employee.role) ?? 'technical') ?? [];
    for (let index = 0; index < count; index++) {
      const skill = core.length > 0 && random.chance(0.5) ? random.pick(core) : random.pick(skills);
      if (chosen.has(skill.id)) continue;
      chosen.add(skill.id);
      interests.push({ employee: employee.id, skill: skill.id });
    }
  }
  return interests;
}

// ---------------------------------------------------------------- small helpers

/** Day number → ISO date, memoised: a million awards fall on a few thousand distinct days. */
const isoDateCache = new Map<number, IsoDate>();
function fromDayNumber(day: number): IsoDate {
  let date = isoDateCache.get(day);
  if (date === undefined) {
    date = isoDateOf(day);
    if (isoDateCache.size > 100_000) isoDateCache.clear();
    isoDateCache.set(day, date);
  }
  return date;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Index of the first entry ≥ value in an ascending list (the last index when none). */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** ASCII, lower-case, hyphenated: `C#` → `csharp`, `CI/CD pipelines` → `ci-cd-pipelines`. */
export function slug(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/\+\+/g, 'plusplus')
    .replace(/#/g, 'sharp')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function asciiFold(text: string): string {
  // NFD splits accents off (é → e); the letters NFD keeps whole are mapped by hand.
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ł/g, 'l');
}

function uniqueEmail(first: string, last: string, counts: Map<string, number>): string {
  const local = `${asciiFold(first)}.${asciiFold(last)}`.toLowerCase().replace(/[^a-z0-9.-]/g, '');
  const seen = (counts.get(local) ?? 0) + 1;
  counts.set(local, seen);
  return seen === 1 ? `${local}@${EMAIL_DOMAIN}` : `${local}${seen}@${EMAIL_DOMAIN}`;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base.length > 0 ? base : 'item';
  for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
  used.add(id);
  return id;
}

function uniqueName(stem: string, kinds: readonly string[], used: Set<string>, random: Random): string {
  const first = random.pick(kinds);
  const ordered = [first, ...kinds.filter((kind) => kind !== first)];
  for (const kind of ordered) {
    const name = `${stem} ${kind}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  for (let suffix = 2; ; suffix++) {
    const name = `${stem} ${first} ${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function uuidLike(random: Random): string {
  return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${random.hex(4)}-${random.hex(12)}`;
}
