// The organisation turned once into compact, interned indexes (ids → integers, awards and
// assessments grouped per employee, levels in typed arrays) so every rule of SPEC §3 can be asked
// at any as-of date quickly, up to 100,000 employees and 1,000,000 awards.
import type { Credential, Employee, Organisation, Requirement, Role, Weight } from '../schema';
import { dayNumberAfterMonths, dayNumberPlusMonths, isoDayNumber } from '../dates';
import { WEIGHT_VALUE } from '../weights';
import { compareOrdinal } from '../reports';
import { groupBy } from '../groupBy';

/** Day number standing for "never expires". */
export const NEVER = 0x7fffffff;
/** Day number of an undated assessment: older than any dated one (SPEC §3 rule 3). */
export const UNDATED = -0x80000000;

/**
 * Reusable per-evaluation buffers. A slot belongs to the current evaluation only when its stamp
 * equals `stamp`, so nothing is cleared between employees.
 */
export interface Scratch {
  stamp: number;
  /** Credentials held in the last evaluation: the first `directCount` by award, then implied stacks. */
  heldCount: number;
  directCount: number;
  readonly heldList: Int32Array;
  readonly heldStamp: Int32Array;
  readonly verifiedStamp: Int32Array;
  readonly verified: Int8Array;
  readonly assessedStamp: Int32Array;
  readonly assessedDay: Int32Array;
  readonly assessedLevel: Int8Array;
  /** Position (in the engine's assessment arrays) of the assessment that gives the assessed level. */
  readonly assessedAt: Int32Array;
}

export interface EngineOrganisation {
  readonly org: Organisation;

  // Skills: every id in the skills list, then any id only named by a role, grant or assessment.
  readonly skillIds: readonly string[];
  readonly skillNames: readonly string[];
  readonly skillIndex: ReadonlyMap<string, number>;

  // Credentials: the catalog, then ids only named by awards, components or goals (they grant nothing).
  readonly credentialIds: readonly string[];
  readonly credentialIndex: ReadonlyMap<string, number>;
  readonly credentials: readonly (Credential | undefined)[];
  readonly grantStart: Int32Array;
  readonly grantSkill: Int32Array;
  readonly grantLevel: Int8Array;
  /** Components of each stack (empty for a plain credential). */
  readonly componentStart: Int32Array;
  readonly componentList: Int32Array;
  /** Stacks each credential is a component of, for the implied-stack worklist. */
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;

  // Roles: requirements in role order (one per skill), plus each role's order by skill id.
  readonly roles: readonly Role[];
  readonly roleIndex: ReadonlyMap<string, number>;
  readonly requirementStart: Int32Array;
  readonly requirementSkill: Int32Array;
  readonly requirementLevel: Int8Array;
  readonly requirementWeight: Int8Array;
  readonly requirementWeightName: readonly Weight[];
  readonly requirementsBySkillId: Int32Array;

  // Employees, and teams sorted with their members sorted by id (the export order of SPEC §5).
  readonly employees: readonly Employee[];
  readonly employeeIndex: ReadonlyMap<string, number>;
  readonly employeeRole: Int32Array;
  readonly employeeTeam: Int32Array;
  readonly teams: readonly string[];
  readonly teamIndex: ReadonlyMap<string, number>;
  readonly memberStart: Int32Array;
  readonly memberList: Int32Array;

  // Awards grouped by employee, with day numbers and the expiry of rule 1 precomputed.
  readonly awardStart: Int32Array;
  readonly awardCredential: Int32Array;
  readonly awardIssued: Int32Array;
  readonly awardExpires: Int32Array;
  readonly awardRecord: Int32Array;

  // Assessments grouped by employee.
  readonly assessmentStart: Int32Array;
  readonly assessmentSkill: Int32Array;
  readonly assessmentDay: Int32Array;
  readonly assessmentLevel: Int8Array;
  readonly assessmentRecord: Int32Array;

  readonly scratch: Scratch;
}

/**
 * The index of an employee id, or -1; the last answer is kept because awards and assessments come
 * grouped by employee (as files list them), so most look-ups repeat the one before.
 */
function employeeLookup(employeeIndex: ReadonlyMap<string, number>): (id: string) => number {
  let lastId: string | undefined;
  let lastIndex = -1;
  return (id) => {
    if (id !== lastId) {
      lastId = id;
      lastIndex = employeeIndex.get(id) ?? -1;
    }
    return lastIndex;
  };
}

/**
 * Awards already read as columns (the CLI reads a million of them straight from CSV text): row i
 * is held by org.employees[employee[i]], of org.credentials[credential[i]], issued on day number
 * issued[i], with expires_on on day number expires[i] or UNDATED when that cell was blank (the
 * catalog's validity then applies, as for an Award without expiresOn).
 */
export interface AwardColumns {
  length: number;
  employee: Int32Array;
  credential: Int32Array;
  issued: Int32Array;
  expires: Int32Array;
}

/** Assessments as columns: org.employees[employee[i]] at level[i] in org.skills[skill[i]], on day[i] (UNDATED: undated). */
export interface AssessmentColumns {
  length: number;
  employee: Int32Array;
  skill: Int32Array;
  day: Int32Array;
  level: Int8Array;
}

/** Build once per organisation (and again after an edit); every query then takes an as-of date. */
export function prepareOrganisation(org: Organisation): EngineOrganisation {
  return prepare(org, undefined);
}

/**
 * prepareOrganisation for an organisation whose awards and assessments come as columns instead
 * of org.awards and org.assessments (which are not read). The result answers every gap and
 * coverage query the same; awardRecord and assessmentRecord then index the columns' rows, so the
 * queries that hand back Award or Assessment records (holdings, expiry, proficiency) need
 * prepareOrganisation.
 */
export function prepareOrganisationFromColumns(org: Organisation, awards: AwardColumns, assessments: AssessmentColumns): EngineOrganisation {
  return prepare(org, { awards, assessments });
}

/** Maps positions in a list of records with ids to the engine's index of each id (the first record with it). */
function firstIndexOf(records: readonly { id: string }[], index: ReadonlyMap<string, number>): Int32Array {
  const first = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) first[i] = index.get(records[i]!.id) ?? -1;
  return first;
}

function prepare(org: Organisation, columns: { awards: AwardColumns; assessments: AssessmentColumns } | undefined): EngineOrganisation {
  // Skills.
  const skillIndex = new Map<string, number>();
  const skillIds: string[] = [];
  const skillNames: string[] = [];
  for (const skill of org.skills) {
    if (!skillIndex.has(skill.id)) {
      skillIndex.set(skill.id, skillIds.length);
      skillIds.push(skill.id);
      skillNames.push(skill.name);
    }
  }
  const internSkill = (id: string): number => {
    let index = skillIndex.get(id);
    if (index === undefined) {
      index = skillIds.length;
      skillIndex.set(id, index);
      skillIds.push(id);
      skillNames.push(id); // a skill named only elsewhere is shown by its id (SPEC §4)
    }
    return index;
  };

  // Credentials.
  const credentialIndex = new Map<string, number>();
  const credentialIds: string[] = [];
  const credentials: (Credential | undefined)[] = [];
  for (const credential of org.credentials) {
    if (!credentialIndex.has(credential.id)) {
      credentialIndex.set(credential.id, credentialIds.length);
      credentialIds.push(credential.id);
      credentials.push(credential);
    }
  }
  const catalogSize = credentialIds.length;
  const internCredential = (id: string): number => {
    let index = credentialIndex.get(id);
    if (index === undefined) {
      index = credentialIds.length;
      credentialIndex.set(id, index);
      credentialIds.push(id);
    }
    return index;
  };
  for (let c = 0; c < catalogSize; c++) for (const id of credentials[c]!.components ?? []) internCredential(id);
  for (const goal of org.goals) internCredential(goal.credential);

  // Employees are needed to group awards; teams and roles are resolved further down.
  const employees = org.employees;
  const employeeIndex = new Map<string, number>();
  for (let e = 0; e < employees.length; e++) {
    const id = employees[e]!.id;
    if (!employeeIndex.has(id)) employeeIndex.set(id, e);
  }

  // Awards, in one pass in input order: owner, credential and the day numbers of rule 1. An award
  // of an unknown employee concerns nobody in the organisation. Validity is looked up from the
  // catalog only: a credential first named here has none.
  const awards = org.awards;
  const rawAwardCount = columns ? columns.awards.length : awards.length;
  const awardOwner = new Int32Array(rawAwardCount);
  const rawCredential = new Int32Array(rawAwardCount);
  const rawIssued = new Int32Array(rawAwardCount);
  const rawExpires = new Int32Array(rawAwardCount);
  const ownerOf = employeeLookup(employeeIndex);
  // Columns name employees by position: the engine's index is that of the first one with the id.
  const ownerOfRow = columns ? firstIndexOf(employees, employeeIndex) : undefined;
  if (columns && ownerOfRow) {
    const { employee, credential, issued, expires } = columns.awards;
    const credentialOfRow = firstIndexOf(org.credentials, credentialIndex);
    for (let a = 0; a < rawAwardCount; a++) {
      awardOwner[a] = ownerOfRow[employee[a]!]!;
      const c = credentialOfRow[credential[a]!]!;
      rawCredential[a] = c;
      const day = issued[a]!;
      rawIssued[a] = day;
      const months = credentials[c]!.validityMonths ?? 0;
      rawExpires[a] = expires[a] !== UNDATED ? expires[a]! : months > 0 ? dayNumberPlusMonths(day, months) : NEVER;
    }
  } else {
    for (let a = 0; a < awards.length; a++) {
      const award = awards[a]!;
      awardOwner[a] = ownerOf(award.employee);
      const c = internCredential(award.credential);
      rawCredential[a] = c;
      rawIssued[a] = isoDayNumber(award.issuedOn);
      const months = c < catalogSize ? (credentials[c]!.validityMonths ?? 0) : 0;
      rawExpires[a] = award.expiresOn !== undefined ? isoDayNumber(award.expiresOn) : months > 0 ? dayNumberAfterMonths(award.issuedOn, months) : NEVER;
    }
  }
  const credentialCount = credentialIds.length;
  while (credentials.length < credentialCount) credentials.push(undefined);

  const grantStart = new Int32Array(credentialCount + 1);
  const grantSkillList: number[] = [];
  const grantLevelList: number[] = [];
  const componentStart = new Int32Array(credentialCount + 1);
  const componentArray: number[] = [];
  for (let c = 0; c < credentialCount; c++) {
    const credential = credentials[c];
    grantStart[c] = grantSkillList.length;
    componentStart[c] = componentArray.length;
    if (!credential) continue;
    for (const grant of credential.grants) {
      grantSkillList.push(internSkill(grant.skill));
      grantLevelList.push(grant.level);
    }
    // An empty component list is not a stack: nobody holds it by holding nothing.
    const seen = new Set<number>();
    for (const id of credential.components ?? []) {
      const component = credentialIndex.get(id)!;
      if (!seen.has(component)) {
        seen.add(component);
        componentArray.push(component);
      }
    }
  }
  grantStart[credentialCount] = grantSkillList.length;
  componentStart[credentialCount] = componentArray.length;
  const componentList = Int32Array.from(componentArray);
  // Parents: for each credential, the stacks that list it as a component.
  const parentGroups = groupBy(componentList, credentialCount);
  const stackOfSlot = new Int32Array(componentList.length);
  for (let c = 0; c < credentialCount; c++) {
    for (let k = componentStart[c]!; k < componentStart[c + 1]!; k++) stackOfSlot[k] = c;
  }
  const parentList = new Int32Array(parentGroups.order.length);
  for (let i = 0; i < parentList.length; i++) parentList[i] = stackOfSlot[parentGroups.order[i]!]!;

  // Roles: the first role with an id wins; a skill listed twice in a role is one requirement with
  // the higher level (then the heavier weight), since R(e,s) is one number.
  const roleIndex = new Map<string, number>();
  const roles: Role[] = [];
  for (const role of org.roles) {
    if (!roleIndex.has(role.id)) {
      roleIndex.set(role.id, roles.length);
      roles.push(role);
    }
  }
  const requirementStart = new Int32Array(roles.length + 1);
  const requirementList: Requirement[] = [];
  const requirementSkillList: number[] = [];
  for (let r = 0; r < roles.length; r++) {
    requirementStart[r] = requirementList.length;
    const bySkill = new Map<number, number>();
    for (const requirement of roles[r]!.requirements) {
      const skill = internSkill(requirement.skill);
      const earlier = bySkill.get(skill);
      if (earlier === undefined) {
        bySkill.set(skill, requirementList.length);
        requirementList.push(requirement);
        requirementSkillList.push(skill);
      } else {
        const kept = requirementList[earlier]!;
        if (requirement.level > kept.level || (requirement.level === kept.level && WEIGHT_VALUE[requirement.weight] > WEIGHT_VALUE[kept.weight])) {
          requirementList[earlier] = requirement;
        }
      }
    }
  }
  requirementStart[roles.length] = requirementList.length;
  const requirementSkill = Int32Array.from(requirementSkillList);
  const requirementLevel = Int8Array.from(requirementList, (requirement) => requirement.level);
  const requirementWeight = Int8Array.from(requirementList, (requirement) => WEIGHT_VALUE[requirement.weight]);
  const requirementWeightName = requirementList.map((requirement) => requirement.weight);
  const requirementsBySkillId = new Int32Array(requirementList.length);
  for (let r = 0; r < roles.length; r++) {
    const positions: number[] = [];
    for (let q = requirementStart[r]!; q < requirementStart[r + 1]!; q++) positions.push(q);
    positions.sort((a, b) => compareOrdinal(skillIds[requirementSkill[a]!]!, skillIds[requirementSkill[b]!]!));
    requirementsBySkillId.set(positions, requirementStart[r]!);
  }

  // Teams. The first employee with an id is the one looked up by id.
  const employeeRole = new Int32Array(employees.length);
  const employeeTeam = new Int32Array(employees.length);
  const teamSet = new Set<string>();
  for (let e = 0; e < employees.length; e++) teamSet.add(employees[e]!.team);
  const teams = [...teamSet].sort(compareOrdinal);
  const teamIndex = new Map<string, number>(teams.map((team, t) => [team, t]));
  for (let e = 0; e < employees.length; e++) {
    const employee = employees[e]!;
    employeeRole[e] = roleIndex.get(employee.role) ?? -1;
    employeeTeam[e] = teamIndex.get(employee.team)!;
  }
  const members = groupBy(employeeTeam, teams.length);
  for (let t = 0; t < teams.length; t++) {
    const slice = members.order.subarray(members.start[t]!, members.start[t + 1]!);
    // Stable in input order for duplicate ids, so the report order never depends on the engine.
    const sorted = Array.from(slice).sort((a, b) => compareOrdinal(employees[a]!.id, employees[b]!.id) || a - b);
    slice.set(sorted);
  }

  const awardGroups = groupBy(awardOwner, employees.length);
  const awardCount = awardGroups.order.length;
  const awardCredential = new Int32Array(awardCount);
  const awardIssued = new Int32Array(awardCount);
  const awardExpires = new Int32Array(awardCount);
  for (let i = 0; i < awardCount; i++) {
    const a = awardGroups.order[i]!;
    awardCredential[i] = rawCredential[a]!;
    awardIssued[i] = rawIssued[a]!;
    awardExpires[i] = rawExpires[a]!;
  }

  // Assessments, read in input order first (the records are scattered in memory), then grouped.
  const assessments = org.assessments;
  const rawAssessmentCount = columns ? columns.assessments.length : assessments.length;
  const assessmentOwner = new Int32Array(rawAssessmentCount);
  const rawSkill = new Int32Array(rawAssessmentCount);
  const rawDay = new Int32Array(rawAssessmentCount);
  const rawLevel = new Int8Array(rawAssessmentCount);
  if (columns && ownerOfRow) {
    const { employee, skill, day, level } = columns.assessments;
    const skillOfRow = firstIndexOf(org.skills, skillIndex);
    for (let a = 0; a < rawAssessmentCount; a++) {
      assessmentOwner[a] = ownerOfRow[employee[a]!]!;
      rawSkill[a] = skillOfRow[skill[a]!]!;
      rawDay[a] = day[a]!;
      rawLevel[a] = level[a]!;
    }
  } else {
    for (let a = 0; a < assessments.length; a++) {
      const assessment = assessments[a]!;
      assessmentOwner[a] = ownerOf(assessment.employee);
      rawSkill[a] = internSkill(assessment.skill);
      rawDay[a] = assessment.assessedOn === undefined ? UNDATED : isoDayNumber(assessment.assessedOn);
      rawLevel[a] = assessment.level;
    }
  }
  const assessmentGroups = groupBy(assessmentOwner, employees.length);
  const assessmentCount = assessmentGroups.order.length;
  const assessmentSkill = new Int32Array(assessmentCount);
  const assessmentDay = new Int32Array(assessmentCount);
  const assessmentLevel = new Int8Array(assessmentCount);
  for (let i = 0; i < assessmentCount; i++) {
    const a = assessmentGroups.order[i]!;
    assessmentSkill[i] = rawSkill[a]!;
    assessmentDay[i] = rawDay[a]!;
    assessmentLevel[i] = rawLevel[a]!;
  }

  const skillCount = skillIds.length;
  const scratch: Scratch = {
    stamp: 0,
    heldCount: 0,
    directCount: 0,
    heldList: new Int32Array(credentialCount),
    heldStamp: new Int32Array(credentialCount),
    verifiedStamp: new Int32Array(skillCount),
    verified: new Int8Array(skillCount),
    assessedStamp: new Int32Array(skillCount),
    assessedDay: new Int32Array(skillCount),
    assessedLevel: new Int8Array(skillCount),
    assessedAt: new Int32Array(skillCount),
  };

  return {
    org,
    skillIds,
    skillNames,
    skillIndex,
    credentialIds,
    credentialIndex,
    credentials,
    grantStart,
    grantSkill: Int32Array.from(grantSkillList),
    grantLevel: Int8Array.from(grantLevelList),
    componentStart,
    componentList,
    parentStart: parentGroups.start,
    parentList,
    roles,
    roleIndex,
    requirementStart,
    requirementSkill,
    requirementLevel,
    requirementWeight,
    requirementWeightName,
    requirementsBySkillId,
    employees,
    employeeIndex,
    employeeRole,
    employeeTeam,
    teams,
    teamIndex,
    memberStart: members.start,
    memberList: members.order,
    awardStart: awardGroups.start,
    awardCredential,
    awardIssued,
    awardExpires,
    awardRecord: awardGroups.order,
    assessmentStart: assessmentGroups.start,
    assessmentSkill,
    assessmentDay,
    assessmentLevel,
    assessmentRecord: assessmentGroups.order,
    scratch,
  };
}
