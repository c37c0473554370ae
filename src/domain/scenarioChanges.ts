// What a what-if draft changes against the stored organisation (SPEC §7 Roles & catalog), one
// sentence per change, so the banner and the audit log say exactly what differs: "Data Engineer:
// SQL 3 → 5, critical" rather than "requirements changed". Roles and credentials are matched by id;
// a draft that leaves one of them out keeps the stored one (the what-if state does the same).
import type { Credential, Organisation, Requirement, Role, Weight } from './schema';

export interface ScenarioEdits {
  roles?: readonly Role[];
  credentials?: readonly Credential[];
}

const WEIGHT_WORDS: Readonly<Record<Weight, string>> = { critical: 'critical', important: 'important', 'nice-to-have': 'nice to have' };

/** Every change the draft makes, roles first (in the draft's order), then the catalog. */
export function describeScenarioChanges(base: Organisation, draft: ScenarioEdits): string[] {
  const skillName = new Map(base.skills.map((skill) => [skill.id, skill.name]));
  const nameOfSkill = (id: string) => skillName.get(id) ?? id;
  return [
    ...(draft.roles ? roleChanges(base.roles, draft.roles, nameOfSkill) : []),
    ...(draft.credentials ? credentialChanges(base.credentials, draft.credentials, nameOfSkill) : []),
  ];
}

function requirementWords(requirement: Requirement, nameOfSkill: (id: string) => string): string {
  return `${nameOfSkill(requirement.skill)} ${requirement.level}, ${WEIGHT_WORDS[requirement.weight]}`;
}

function roleChanges(stored: readonly Role[], drafted: readonly Role[], nameOfSkill: (id: string) => string): string[] {
  const changes: string[] = [];
  const storedById = new Map(stored.map((role) => [role.id, role]));
  const draftedIds = new Set(drafted.map((role) => role.id));
  for (const role of drafted) {
    const before = storedById.get(role.id);
    if (!before) {
      const listed = role.requirements.map((requirement) => requirementWords(requirement, nameOfSkill)).join('; ');
      changes.push(`Role ${role.name} added${listed ? `: ${listed}` : ', with no requirements'}`);
      continue;
    }
    if (before.name !== role.name) changes.push(`Role ${before.name} renamed ${role.name}`);
    const wasRequired = new Map(before.requirements.map((requirement) => [requirement.skill, requirement]));
    const isRequired = new Set(role.requirements.map((requirement) => requirement.skill));
    for (const requirement of before.requirements) {
      if (!isRequired.has(requirement.skill)) changes.push(`${role.name}: ${nameOfSkill(requirement.skill)} no longer required (was ${requirement.level}, ${WEIGHT_WORDS[requirement.weight]})`);
    }
    for (const requirement of role.requirements) {
      const was = wasRequired.get(requirement.skill);
      if (!was) {
        changes.push(`${role.name}: ${nameOfSkill(requirement.skill)} added at ${requirement.level}, ${WEIGHT_WORDS[requirement.weight]}`);
        continue;
      }
      if (was.level === requirement.level && was.weight === requirement.weight) continue;
      const level = was.level === requirement.level ? `${requirement.level}` : `${was.level} → ${requirement.level}`;
      const weight = was.weight === requirement.weight ? WEIGHT_WORDS[requirement.weight] : `${WEIGHT_WORDS[was.weight]} → ${WEIGHT_WORDS[requirement.weight]}`;
      changes.push(`${role.name}: ${nameOfSkill(requirement.skill)} ${level}, ${weight}`);
    }
  }
  for (const role of stored) if (!draftedIds.has(role.id)) changes.push(`Role ${role.name} removed`);
  return changes;
}

function credentialChanges(stored: readonly Credential[], drafted: readonly Credential[], nameOfSkill: (id: string) => string): string[] {
  const changes: string[] = [];
  const storedById = new Map(stored.map((credential) => [credential.id, credential]));
  const nameOfCredential = (id: string) => drafted.find((credential) => credential.id === id)?.name ?? storedById.get(id)?.name ?? id;
  const draftedIds = new Set(drafted.map((credential) => credential.id));
  for (const credential of drafted) {
    const before = storedById.get(credential.id);
    if (!before) {
      changes.push(`Credential ${credential.name} added to the catalog`);
      continue;
    }
    const details = credentialDetailChanges(before, credential, nameOfSkill, nameOfCredential);
    if (details.length) changes.push(`Credential ${before.name}: ${details.join('; ')}`);
  }
  for (const credential of stored) if (!draftedIds.has(credential.id)) changes.push(`Credential ${credential.name} removed from the catalog`);
  return changes;
}

function credentialDetailChanges(before: Credential, after: Credential, nameOfSkill: (id: string) => string, nameOfCredential: (id: string) => string): string[] {
  const details: string[] = [];
  const orNone = (value: string | number | undefined) => (value === undefined || value === '' ? 'none' : String(value));
  const changed = (label: string, from: string | number | undefined, to: string | number | undefined, words = orNone) => {
    if (from !== to) details.push(`${label} ${words(from)} → ${words(to)}`);
  };
  changed('renamed', before.name, after.name);
  changed('issuer', before.issuer, after.issuer);
  changed('cost', before.cost, after.cost);
  changed('currency', before.currency, after.currency);
  changed('hours', before.hours, after.hours);
  changed('valid for', before.validityMonths, after.validityMonths, (months) => (months === undefined ? 'no expiry' : `${months} months`));
  changed('address', before.url, after.url);
  const granted = new Map(before.grants.map((grant) => [grant.skill, grant.level]));
  const grants = new Set(after.grants.map((grant) => grant.skill));
  for (const grant of after.grants) {
    const was = granted.get(grant.skill);
    if (was === undefined) details.push(`grants ${nameOfSkill(grant.skill)} ${grant.level}`);
    else if (was !== grant.level) details.push(`grants ${nameOfSkill(grant.skill)} ${was} → ${grant.level}`);
  }
  for (const grant of before.grants) if (!grants.has(grant.skill)) details.push(`no longer grants ${nameOfSkill(grant.skill)}`);
  const components = new Set(after.components ?? []);
  const wereComponents = new Set(before.components ?? []);
  for (const component of components) if (!wereComponents.has(component)) details.push(`stacks ${nameOfCredential(component)}`);
  for (const component of wereComponents) if (!components.has(component)) details.push(`no longer stacks ${nameOfCredential(component)}`);
  return details;
}
