// Turns the files of one import into an Organisation (SPEC §4): resolves references by id, then
// name/email, creates missing skills, checks duplicates, unknown references and stacks, and applies
// `replace` (the kinds present are replaced) or `merge` (upsert by id or by natural key).
import { emptyOrganisation } from '../records';
import type { Assessment, Award, Credential, Employee, Goal, Grant, Interest, Organisation, RecordKind, Requirement, Role, Skill } from '../schema';
import type { CatalogRecord, ImportIssue, IssueCode, ParsedFile, RequirementRecord } from './types';
import { locateInSheets } from './sheetCells';

export interface AssembleResult {
  organisation: Organisation;
  issues: ImportIssue[];
  /** Records of each kind committed from the files (catalog: credentials; roles: roles; skills include created ones). */
  counts: Record<RecordKind, number>;
}

interface Origin {
  file: ParsedFile;
  row: number;
}

/** A record with where it came from; no origin = it was already in the organisation (`base`). */
interface Item<T> {
  value: T;
  origin?: Origin;
}

type Resolution = { id: string } | { problem: 'unknown' | 'ambiguous'; count: number };

interface RowAt {
  file: string;
  row: number;
}

/** Rows left out for an error, by the references (id, name, email) that would have reached them. */
class RowsWithErrors {
  private byRef = new Map<string, RowAt>();

  add(refs: readonly (string | undefined)[], file: string, row: number): void {
    for (const ref of refs) {
      if (!ref) continue;
      const key = ref.trim().toLowerCase();
      if (!this.byRef.has(key)) this.byRef.set(key, { file, row });
    }
  }

  find(ref: string): RowAt | undefined {
    return this.byRef.size === 0 ? undefined : this.byRef.get(ref.trim().toLowerCase());
  }
}

/** Two records read the same, field by field (lists by their items): an exact repeat. */
function sameRecord(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    const x = left[key];
    const y = right[key];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.join('\u0000') !== y.join('\u0000')) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/**
 * Resolves references by exact id, then case-insensitive id, then case-insensitive name or email.
 * The case-insensitive maps are built on the first reference that is not an exact id: files that
 * refer by id (100,000 employees, a million awards) never pay for lowercasing every name.
 */
class ReferenceIndex {
  /** Each id with its resolution made once, so resolving a million references allocates nothing. */
  private byId = new Map<string, { id: string }>();
  /** The last reference resolved: files list one employee's awards together, so it often repeats. */
  private lastRef: string | undefined;
  private lastResolution: Resolution = { problem: 'unknown', count: 0 };
  /** Ids with their names in the order added, for building the case-insensitive maps later. */
  private added: { id: string; names: readonly (string | undefined)[] }[] = [];
  private caseInsensitive: { byLowerId: Map<string, string[]>; byLowerName: Map<string, string[]> } | undefined;

  add(id: string, names: readonly (string | undefined)[]): void {
    if (this.byId.has(id)) return;
    this.byId.set(id, { id });
    this.added.push({ id, names });
    this.caseInsensitive = undefined;
    this.lastRef = undefined;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  resolve(ref: string): Resolution {
    if (ref !== this.lastRef) {
      this.lastRef = ref;
      this.lastResolution = this.byId.get(ref) ?? this.resolveIgnoringCase(ref);
    }
    return this.lastResolution;
  }

  private resolveIgnoringCase(ref: string): Resolution {
    const lower = ref.trim().toLowerCase();
    const { byLowerId, byLowerName } = this.caseInsensitiveMaps();
    for (const map of [byLowerId, byLowerName]) {
      const ids = map.get(lower);
      if (!ids) continue;
      const unique = [...new Set(ids)];
      if (unique.length === 1) return { id: unique[0]! };
      return { problem: 'ambiguous', count: unique.length };
    }
    return { problem: 'unknown', count: 0 };
  }

  private caseInsensitiveMaps(): { byLowerId: Map<string, string[]>; byLowerName: Map<string, string[]> } {
    if (this.caseInsensitive) return this.caseInsensitive;
    const byLowerId = new Map<string, string[]>();
    const byLowerName = new Map<string, string[]>();
    for (const { id, names } of this.added) {
      push(byLowerId, id.trim().toLowerCase(), id);
      for (const name of names) if (name) push(byLowerName, name.trim().toLowerCase(), id);
    }
    this.caseInsensitive = { byLowerId, byLowerName };
    return this.caseInsensitive;
  }
}

/**
 * What makes two records of a kind the same record (SPEC §4 merge keys): a group, the id or the
 * employee, and within a group `same` for the rest of the key (absent: the group is the whole key).
 * Grouping by the employee lets a million awards be deduplicated without building a key string each.
 */
interface RecordKey<T> {
  group: (value: T) => string;
  same?: (a: T, b: T) => boolean;
}

/** The position among `items` (listed in `members`) of the record that is the same as `value`, or -1. */
function samePosition<T>(key: RecordKey<T>, items: readonly Item<T>[], members: readonly number[] | undefined, value: T): number {
  if (members === undefined) return -1;
  if (key.same === undefined) return members[0]!;
  for (const position of members) if (key.same(items[position]!.value, value)) return position;
  return -1;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What one record of a kind is called in a message. */
const RECORD_NOUN: Record<RecordKind, string> = {
  employees: 'employee', skills: 'skill', roles: 'requirement', catalog: 'credential', awards: 'award',
  assessments: 'assessment', goals: 'goal', interests: 'interest',
};

const ORG_KEY = {
  employees: 'employees', skills: 'skills', roles: 'roles', catalog: 'credentials', awards: 'awards',
  assessments: 'assessments', goals: 'goals', interests: 'interests',
} as const satisfies Record<RecordKind, keyof Organisation>;

/**
 * Builds the organisation from parsed files over `base`. `replace` (default) replaces every kind
 * present in `files` and keeps the others from `base`; `merge` upserts into `base` by id (awards by
 * employee+credential+issuedOn, assessments by employee+skill+assessedOn+source, interests by
 * employee+skill). Rows with errors are left out and reported; the caller decides whether to
 * commit the valid rows or reject the import. Existing records whose references no longer resolve
 * are removed with one warning per kind.
 */
export function assembleOrganisation(files: readonly ParsedFile[], base: Organisation = emptyOrganisation(), mode: 'replace' | 'merge' = 'replace'): AssembleResult {
  const issues: ImportIssue[] = [];
  const dropped = new Map<RecordKind, Set<unknown>>();
  const counts: Record<RecordKind, number> = { employees: 0, skills: 0, roles: 0, catalog: 0, awards: 0, assessments: 0, goals: 0, interests: 0 };
  const byKind = new Map<RecordKind, ParsedFile[]>();
  for (const file of files) if (file.kind) push(byKind, file.kind, file);

  const columnOf = (origin: Origin, field: string): string => {
    const index = origin.file.mapping[field];
    return index === undefined ? field : (origin.file.headers[index] ?? field);
  };
  /**
   * Reports a problem with a record read from a file. A problem with an existing record (no origin)
   * is not reported row by row: the record is counted once by dropBase, for one summary warning.
   */
  const report = (kind: RecordKind, origin: Origin | undefined, column: string, value: string, message: string, severity: 'error' | 'warning' = 'error', code?: IssueCode): void => {
    void kind;
    if (!origin) return;
    const issue: ImportIssue = { file: origin.file.fileName, row: origin.row, column, value, message, severity };
    if (code) issue.code = code;
    issues.push(issue);
  };
  /** Counts an existing record left out because something it refers to is gone: records, not references. */
  const dropBase = (kind: RecordKind, item: { origin?: Origin | undefined; value: unknown }): void => {
    if (item.origin) return;
    let set = dropped.get(kind);
    if (!set) dropped.set(kind, (set = new Set()));
    set.add(item.value);
  };
  /** Rows left out for an error, by the ids other rows may use for them (read errors and those found here). */
  const withErrors = { employees: new RowsWithErrors(), skills: new RowsWithErrors(), catalog: new RowsWithErrors() };
  for (const file of files) {
    if (file.kind !== 'employees' && file.kind !== 'skills' && file.kind !== 'catalog') continue;
    for (const { row, refs } of file.rowsWithErrors ?? []) withErrors[file.kind].add(refs, file.fileName, row);
  }
  const leaveOut = (kind: 'employees' | 'skills' | 'catalog', origin: Origin | undefined, refs: readonly (string | undefined)[]): void => {
    if (origin) withErrors[kind].add(refs, origin.file.fileName, origin.row);
  };
  /** The warning for a row whose reference is a row left out for its own error: said once, there. */
  const refersToRowWithError = (kind: RecordKind, origin: Origin | undefined, column: string, ref: string, what: string, at: RowAt, done: string): void =>
    report(kind, origin, column, ref, `${what} "${ref}" on ${at.file}:${at.row} has an error, so ${done}: correct that row`, 'warning', 'refers-to-row-with-error');
  /** An exact repeat of a row: counted and skipped with a warning, since nothing is lost. */
  const repeatedRow = (kind: RecordKind, item: Item<unknown>, first: Origin, column: string, value: string): 'skip' => {
    report(kind, item.origin, column, value, `this row repeats ${where(first, item.origin!)} exactly, so it was skipped (nothing is lost): remove the repeat`, 'warning', 'duplicate-row');
    return 'skip';
  };
  const where = (origin: Origin, current: Origin): string =>
    origin.file === current.file ? `row ${origin.row}` : `row ${origin.row} of ${origin.file.fileName}`;

  /** The file items of a kind, or the base items when the kind is not being imported (or in merge mode, both). */
  function itemsOf<T>(kind: RecordKind, fileItems: () => Item<T>[], fromBase: (value: never) => T = (value) => value): { base: Item<T>[]; incoming: Item<T>[] } {
    const present = byKind.has(kind);
    const existing = (base[ORG_KEY[kind]] as readonly unknown[] as readonly never[]).map((value) => ({ value: fromBase(value) }));
    if (!present) return { base: existing, incoming: [] };
    return { base: mode === 'merge' ? existing : [], incoming: fileItems() };
  }

  /** Incoming items deduplicated by key (later duplicates reported), upserted into base items in merge mode. */
  function combine<T>(kind: RecordKind, base: Item<T>[], incoming: Item<T>[], key: RecordKey<T>, duplicate: (item: Item<T>, kept: Item<T> & { origin: Origin }) => 'skip' | 'replace'): Item<T>[] {
    const groups = new Map<string, number[]>();
    const kept: Item<T>[] = [];
    // Files list one employee's records together: the previous group is looked up only once.
    let lastGroup: string | undefined;
    let lastMembers: number[] | undefined;
    for (const item of incoming) {
      const group = key.group(item.value);
      let members = group === lastGroup ? lastMembers : groups.get(group);
      const first = samePosition(key, kept, members, item.value);
      if (first >= 0 && item.origin) {
        if (duplicate(item, kept[first]! as Item<T> & { origin: Origin }) === 'replace') kept[first] = item;
        continue;
      }
      // Only records read from a file can be duplicates of later ones (as before: the first one wins).
      if (item.origin && first < 0) {
        if (members) members.push(kept.length);
        else groups.set(group, (members = [kept.length]));
      }
      kept.push(item);
      lastGroup = group;
      lastMembers = members;
    }
    if (base.length === 0) return kept;
    // Merge: every base record stays; an incoming record replaces the base record with its key
    // (the last one, if base repeats a key) or is appended.
    const result = base.slice();
    groups.clear();
    result.forEach((item, index) => {
      const group = key.group(item.value);
      const members = groups.get(group);
      if (members === undefined) groups.set(group, [index]);
      else if (key.same === undefined) members[0] = index;
      else {
        const at = members.findIndex((position) => key.same!(result[position]!.value, item.value));
        if (at >= 0) members[at] = index;
        else members.push(index);
      }
    });
    for (const item of kept) {
      const group = key.group(item.value);
      const members = groups.get(group);
      const position = samePosition(key, result, members, item.value);
      if (position >= 0) {
        result[position] = item;
        continue;
      }
      if (members) members.push(result.length);
      else groups.set(group, [result.length]);
      result.push(item);
    }
    void kind;
    return result;
  }

  function fileItems<T>(kind: RecordKind, map: (value: unknown) => T = (value) => value as T): Item<T>[] {
    const items: Item<T>[] = [];
    for (const file of byKind.get(kind) ?? []) {
      const { values, rows } = file.records;
      for (let i = 0; i < values.length; i++) {
        // The item carries its file and row, so it is its own origin: one object per record
        // instead of two, for a million awards.
        const item = { value: map(values[i]), file, row: rows[i]!, origin: undefined as Origin | undefined };
        item.origin = item;
        items.push(item);
      }
    }
    return items;
  }

  // ---------------------------------------------------------------- skills
  const skillItems = itemsOf<Skill>('skills', () => fileItems('skills'));
  const skills = combine('skills', skillItems.base, skillItems.incoming, { group: (skill) => skill.id }, (item, kept) => {
    if (sameRecord(item.value, kept.value)) return repeatedRow('skills', item, kept.origin, columnOf(item.origin!, 'skill_id'), item.value.id);
    report('skills', item.origin, columnOf(item.origin!, 'skill_id'), item.value.id,
      `duplicate skill_id "${item.value.id}" (also on ${where(kept.origin, item.origin!)}): ids must be unique; this row was skipped`);
    return 'skip';
  });
  const skillIndex = new ReferenceIndex();
  for (const { value } of skills) skillIndex.add(value.id, [value.name]);
  const createdSkills: Skill[] = [];

  /** A skill reference as an id; a skill named but absent is created (name as id) with a warning. */
  const skillRef = (kind: RecordKind, ref: string, origin: Origin | undefined, column: string, create: boolean): string | null => {
    const found = skillIndex.resolve(ref);
    if ('id' in found) return found.id;
    if (found.problem === 'ambiguous') {
      report(kind, origin, column, ref, `"${ref}" matches ${found.count} skills by name: use the skill_id`);
      return null;
    }
    const withError = withErrors.skills.find(ref);
    if (!create) {
      if (withError) refersToRowWithError(kind, origin, column, ref, 'skill', withError, 'this row was left out too');
      else report(kind, origin, column, ref, `no skill "${ref}" (by id or name): add it to the skills file or correct the reference`);
      return null;
    }
    const skill: Skill = { id: ref, name: ref, category: '' };
    skillIndex.add(ref, [ref]);
    createdSkills.push(skill);
    if (withError) {
      refersToRowWithError(kind, origin, column, ref, 'skill', withError, `it was created with "${ref}" as its id and name for now`);
    } else {
      report(kind, origin, column, ref,
        `skill "${ref}" is not in the skills file, so it was created with "${ref}" as its id and name: add it to the skills file to give it a category`, 'warning', 'skill-created');
    }
    return ref;
  };
  const skillColumn = (origin: Origin | undefined, ref: string, field = 'skill'): string =>
    !origin ? '' : origin.file.wide ? ref : columnOf(origin, field);

  // ---------------------------------------------------------------- roles (before catalog: SPEC lists skills of roles first)
  interface RoleDraft {
    role: Role;
    requirementOrigins: (Origin | undefined)[];
  }
  const roleItems = itemsOf<RoleDraft>('roles', () => {
    const drafts = new Map<string, Item<RoleDraft>>();
    for (const { value, origin } of fileItems<RequirementRecord>('roles')) {
      let draft = drafts.get(value.role);
      if (!draft) {
        draft = { value: { role: { id: value.role, name: value.roleName, requirements: [] }, requirementOrigins: [] }, origin };
        drafts.set(value.role, draft);
      }
      if (value.skill === '') continue;
      draft.value.role.requirements.push({ skill: value.skill, level: value.level, weight: value.weight });
      draft.value.requirementOrigins.push(origin);
    }
    return [...drafts.values()];
  }, (role: Role): RoleDraft => ({ role, requirementOrigins: [] }));
  const roleDrafts = combine('roles', roleItems.base, roleItems.incoming,
    { group: (draft) => draft.role.id }, () => 'skip');
  const roles: Item<Role>[] = roleDrafts.map(({ value, origin }) => {
    const requirements: Requirement[] = [];
    const bySkill = new Map<string, { origin: Origin | undefined; requirement: Requirement }>();
    value.role.requirements.forEach((requirement, index) => {
      const reqOrigin = value.requirementOrigins[index] ?? origin;
      const skill = skillRef('roles', requirement.skill, reqOrigin, skillColumn(reqOrigin, requirement.skill), true);
      if (skill === null) return;
      const before = bySkill.get(skill);
      if (before) {
        const first = before.origin;
        if (first && reqOrigin && before.requirement.level === requirement.level && before.requirement.weight === requirement.weight) {
          repeatedRow('roles', { value: requirement, origin: reqOrigin }, first, skillColumn(reqOrigin, requirement.skill), requirement.skill);
          return;
        }
        report('roles', reqOrigin, skillColumn(reqOrigin, requirement.skill), requirement.skill,
          `role "${value.role.id}" requires skill "${skill}" twice${first && reqOrigin ? ` (also on ${where(first, reqOrigin)})` : ''}: keep one row; this one was skipped`);
        return;
      }
      const kept = { ...requirement, skill };
      bySkill.set(skill, { origin: reqOrigin, requirement: kept });
      requirements.push(kept);
    });
    return { value: { ...value.role, requirements }, origin };
  });

  // ---------------------------------------------------------------- catalog
  interface CredentialDraft {
    credential: Credential;
    grantOrigins: (Origin | undefined)[];
    componentsOrigin?: Origin;
  }
  const AGREEING = ['name', 'issuer', 'hours', 'cost', 'currency', 'validityMonths', 'components', 'url'] as const;
  const FIELD_COLUMN: Record<(typeof AGREEING)[number], string> = {
    name: 'name', issuer: 'issuer', hours: 'hours', cost: 'cost', currency: 'currency',
    validityMonths: 'validity_months', components: 'components', url: 'url',
  };
  const credentialItems = itemsOf<CredentialDraft>('catalog', () => {
    interface Building { entry: CatalogRecord; origins: Partial<Record<string, Origin>>; grants: Grant[]; grantOrigins: Origin[]; first: Origin }
    const building = new Map<string, Building>();
    for (const { value, origin } of fileItems<CatalogRecord>('catalog')) {
      const current = building.get(value.id);
      if (!current) {
        const origins: Partial<Record<string, Origin>> = {};
        for (const field of AGREEING) if (value[field] !== undefined) origins[field] = origin;
        building.set(value.id, {
          entry: { ...value }, origins, first: origin!,
          grants: value.grant ? [value.grant] : [], grantOrigins: value.grant ? [origin!] : [],
        });
        continue;
      }
      let agrees = true;
      for (const field of AGREEING) {
        const stated = value[field];
        if (stated === undefined) continue;
        const before = current.entry[field];
        const same = Array.isArray(stated) ? Array.isArray(before) && stated.join(';') === before.join(';') : stated === before;
        if (before === undefined) {
          (current.entry as unknown as Record<string, unknown>)[field] = stated;
          current.origins[field] = origin;
        } else if (!same) {
          agrees = false;
          const show = (v: unknown): string => (Array.isArray(v) ? v.join(';') : String(v));
          report('catalog', origin, columnOf(origin!, FIELD_COLUMN[field]), show(stated),
            `credential "${value.id}" has ${FIELD_COLUMN[field]} "${show(before)}" on ${where(current.origins[field]!, origin!)} but "${show(stated)}" here: a credential's fields must agree across its rows; this row was skipped`);
        }
      }
      if (!agrees || !value.grant) continue;
      current.grants.push(value.grant);
      current.grantOrigins.push(origin!);
    }
    const drafts: Item<CredentialDraft>[] = [];
    for (const { entry, grants, grantOrigins, first, origins } of building.values()) {
      if (entry.name === undefined) {
        report('catalog', first, columnOf(first, 'name'), '', `credential "${entry.id}" has no name on any of its rows: write its name`);
        leaveOut('catalog', first, [entry.id]);
        continue;
      }
      const credential: Credential = { id: entry.id, name: entry.name, issuer: entry.issuer ?? '', grants };
      if (entry.hours !== undefined) credential.hours = entry.hours;
      if (entry.cost !== undefined) credential.cost = entry.cost;
      if (entry.currency !== undefined) credential.currency = entry.currency;
      if (entry.validityMonths !== undefined) credential.validityMonths = entry.validityMonths;
      if (entry.components !== undefined) credential.components = entry.components;
      if (entry.url !== undefined) credential.url = entry.url;
      const draft: CredentialDraft = { credential, grantOrigins };
      if (origins.components) draft.componentsOrigin = origins.components;
      drafts.push({ value: draft, origin: first });
    }
    return drafts;
  }, (credential: Credential): CredentialDraft => ({ credential, grantOrigins: [] }));
  const credentialDrafts = combine('catalog', credentialItems.base, credentialItems.incoming, { group: (draft) => draft.credential.id }, () => 'skip');
  const credentialIndex = new ReferenceIndex();
  for (const { value } of credentialDrafts) credentialIndex.add(value.credential.id, [value.credential.name]);
  const credentialsById = new Map<string, Item<Credential>>();
  for (const { value, origin } of credentialDrafts) {
    const credential = { ...value.credential };
    const componentsColumn = value.componentsOrigin ? columnOf(value.componentsOrigin, 'components') : '';
    let valid = true;
    if (credential.components) {
      const components: string[] = [];
      for (const ref of credential.components) {
        const found = credentialIndex.resolve(ref);
        if ('id' in found) {
          if (!components.includes(found.id)) components.push(found.id);
          continue;
        }
        valid = false;
        const withError = found.problem === 'unknown' ? withErrors.catalog.find(ref) : undefined;
        if (withError) {
          refersToRowWithError('catalog', value.componentsOrigin ?? origin, componentsColumn, ref, `stack component of credential "${credential.id}"`, withError, 'this stack was left out too');
          continue;
        }
        report('catalog', value.componentsOrigin ?? origin, componentsColumn, ref, found.problem === 'ambiguous'
          ? `stack component "${ref}" of credential "${credential.id}" matches ${found.count} credentials by name: use the credential_id`
          : `stack component "${ref}" of credential "${credential.id}" does not exist in the catalog: add it or correct the components list`);
      }
      credential.components = components;
      if (components.length > 0 && (credential.cost !== undefined || credential.hours !== undefined)) {
        report('catalog', value.componentsOrigin ?? origin, columnOf(value.componentsOrigin ?? origin ?? ({ file: files[0]!, row: 0 }), 'cost'),
          `${credential.cost ?? ''}`, `credential "${credential.id}" is a stack, earned by holding its components, so its own cost and hours were ignored: leave them blank`, 'warning');
        delete credential.cost;
        delete credential.hours;
      }
    }
    const grants: Grant[] = [];
    const grantRows: (Origin | undefined)[] = [];
    credential.grants.forEach((grant, index) => {
      const grantOrigin = value.grantOrigins[index] ?? origin;
      const skill = skillRef('catalog', grant.skill, grantOrigin, skillColumn(grantOrigin, grant.skill), true);
      if (skill === null) return;
      const twice = grants.findIndex((other) => other.skill === skill);
      if (twice >= 0 && grants[twice]!.level === grant.level && grantOrigin && grantRows[twice]) {
        repeatedRow('catalog', { value: grant, origin: grantOrigin }, grantRows[twice]!, skillColumn(grantOrigin, grant.skill), grant.skill);
        return;
      }
      if (twice >= 0) {
        report('catalog', grantOrigin, skillColumn(grantOrigin, grant.skill), grant.skill,
          `credential "${credential.id}" grants skill "${skill}" on more than one row: keep one row; this one was skipped`);
        return;
      }
      grants.push({ skill, level: grant.level });
      grantRows.push(grantOrigin);
    });
    credential.grants = grants;
    if (!valid) {
      dropBase('catalog', { value: value.credential, origin });
      leaveOut('catalog', origin, [credential.id, credential.name]);
      continue;
    }
    credentialsById.set(credential.id, origin ? { value: credential, origin } : { value: credential });
  }
  removeBrokenStacks(credentialsById, (item, message, value, severity) => {
    report('catalog', item.origin, item.origin ? columnOf(item.origin, 'components') : '', value, message, severity,
      severity === 'warning' ? 'refers-to-row-with-error' : undefined);
    dropBase('catalog', item);
    leaveOut('catalog', item.origin, [item.value.id, item.value.name]);
  });
  const credentials = credentialDrafts.map(({ value }) => credentialsById.get(value.credential.id)).filter((item): item is Item<Credential> => item !== undefined);
  const finalCredentialIndex = new ReferenceIndex();
  for (const { value } of credentials) finalCredentialIndex.add(value.id, [value.name]);

  // ---------------------------------------------------------------- employees
  const employeeItems = itemsOf<Employee>('employees', () => fileItems('employees'));
  const combinedEmployees = combine('employees', employeeItems.base, employeeItems.incoming, { group: (employee) => employee.id }, (item, kept) => {
    if (sameRecord(item.value, kept.value)) return repeatedRow('employees', item, kept.origin, columnOf(item.origin!, 'employee_id'), item.value.id);
    report('employees', item.origin, columnOf(item.origin!, 'employee_id'), item.value.id,
      `duplicate employee_id "${item.value.id}" (also on ${where(kept.origin, item.origin!)}): ids must be unique; this row was skipped`);
    return 'skip';
  });
  const roleIndex = new ReferenceIndex();
  for (const { value } of roles) roleIndex.add(value.id, [value.name]);
  // Managers resolve among every employee row that reads, so a manager left out for an error of
  // their own is named as such, not as unknown.
  const everyEmployee = new ReferenceIndex();
  for (const { value } of combinedEmployees) everyEmployee.add(value.id, [value.email, value.name]);
  const withRoles: Item<Employee>[] = [];
  for (const item of combinedEmployees) {
    let value = item.value;
    const found = roleIndex.resolve(value.role);
    if (!('id' in found)) {
      report('employees', item.origin, item.origin ? columnOf(item.origin, 'role') : '', value.role, found.problem === 'ambiguous'
        ? `"${value.role}" matches ${found.count} roles: use the role's id`
        : `no role "${value.role}" in the roles file: add the role or correct the employee's role`);
      dropBase('employees', item);
      leaveOut('employees', item.origin, [value.id, value.email, value.name]);
      continue;
    }
    if (found.id !== value.role) value = { ...value, role: found.id };
    if (value.manager !== undefined) {
      const manager = everyEmployee.resolve(value.manager);
      if (!('id' in manager)) {
        const withError = manager.problem === 'unknown' ? withErrors.employees.find(value.manager) : undefined;
        const column = item.origin ? columnOf(item.origin, 'manager_id') : '';
        if (withError) {
          refersToRowWithError('employees', item.origin, column, value.manager, 'manager', withError, 'this employee was kept without a manager');
          const { manager: _dropped, ...rest } = value;
          void _dropped;
          value = rest;
        } else {
          report('employees', item.origin, column, value.manager, manager.problem === 'ambiguous'
            ? `manager "${value.manager}" matches ${manager.count} employees by name: use the manager's employee_id`
            : `no employee "${value.manager}" to be the manager: add them to the employees file or correct the manager`);
          dropBase('employees', item);
          leaveOut('employees', item.origin, [value.id, value.email, value.name]);
          continue;
        }
      } else if (manager.id !== value.manager) {
        value = { ...value, manager: manager.id };
      }
    }
    withRoles.push(value === item.value ? item : { ...item, value });
  }
  // A manager left out above (for their own error) is said once at their row; the people they
  // manage stay, without a manager, with a warning.
  const keptIds = new Set(withRoles.map((item) => item.value.id));
  const employees: Item<Employee>[] = withRoles.map((item) => {
    const manager = item.value.manager;
    if (manager === undefined || keptIds.has(manager)) return item;
    const origin = everyEmployee.has(manager) ? combinedEmployees.find((other) => other.value.id === manager)?.origin : undefined;
    if (origin) {
      refersToRowWithError('employees', item.origin, item.origin ? columnOf(item.origin, 'manager_id') : '', manager, 'manager',
        { file: origin.file.fileName, row: origin.row }, 'this employee was kept without a manager');
    }
    const { manager: _dropped, ...rest } = item.value;
    void _dropped;
    return { ...item, value: rest };
  });
  const finalEmployeeIndex = new ReferenceIndex();
  for (const { value } of employees) finalEmployeeIndex.add(value.id, [value.email, value.name]);

  const employeeColumn = (origin: Origin | undefined): string => {
    if (!origin) return '';
    for (const field of ['employee_id', 'email', 'employee_name']) if (origin.file.mapping[field] !== undefined) return columnOf(origin, field);
    return 'employee_id';
  };
  const credentialColumn = (origin: Origin | undefined): string =>
    !origin ? '' : columnOf(origin, origin.file.mapping.credential_id !== undefined ? 'credential_id' : 'credential_name');
  const employeeRef = (kind: RecordKind, ref: string, origin: Origin | undefined): string | null => {
    const found = finalEmployeeIndex.resolve(ref);
    if ('id' in found) return found.id;
    const withError = found.problem === 'unknown' ? withErrors.employees.find(ref) : undefined;
    if (withError) {
      refersToRowWithError(kind, origin, employeeColumn(origin), ref, 'employee', withError, `this ${RECORD_NOUN[kind]} was left out too`);
      return null;
    }
    report(kind, origin, employeeColumn(origin), ref, found.problem === 'ambiguous'
      ? `"${ref}" matches ${found.count} employees by name: use the employee_id or email`
      : `no employee "${ref}" (by id, email or name): add them to the employees file or correct the reference`);
    return null;
  };
  const credentialRef = (kind: RecordKind, ref: string, origin: Origin | undefined): string | null => {
    const found = finalCredentialIndex.resolve(ref);
    if ('id' in found) return found.id;
    const withError = found.problem === 'unknown' ? withErrors.catalog.find(ref) : undefined;
    if (withError) {
      refersToRowWithError(kind, origin, credentialColumn(origin), ref, 'credential', withError, `this ${RECORD_NOUN[kind]} was left out too`);
      return null;
    }
    report(kind, origin, credentialColumn(origin), ref, found.problem === 'ambiguous'
      ? `"${ref}" matches ${found.count} credentials by name: use the credential_id`
      : `no credential "${ref}" in the catalog (by id or name): add it to the catalog or correct the reference`);
    return null;
  };

  // ---------------------------------------------------------------- awards, assessments, goals, interests
  function resolveAll<T>(kind: RecordKind, items: Item<T>[], resolveOne: (value: T, origin: Origin | undefined) => T | null): Item<T>[] {
    const resolved: Item<T>[] = [];
    for (const item of items) {
      const value = resolveOne(item.value, item.origin);
      if (value !== null) resolved.push(value === item.value ? item : { ...item, value });
      else dropBase(kind, item);
    }
    return resolved;
  }

  const awardItems = itemsOf<Award>('awards', () => fileItems('awards'));
  const resolveAward = (award: Award, origin: Origin | undefined): Award | null => {
    const employee = employeeRef('awards', award.employee, origin);
    const credential = credentialRef('awards', award.credential, origin);
    if (employee === null || credential === null) return null;
    return employee === award.employee && credential === award.credential ? award : { ...award, employee, credential };
  };
  const awardKey: RecordKey<Award> = {
    group: (award) => award.employee,
    same: (a, b) => a.credential === b.credential && a.issuedOn === b.issuedOn,
  };
  const awards = combine('awards', resolveAll('awards', awardItems.base, resolveAward), resolveAll('awards', awardItems.incoming, resolveAward), awardKey, (item, kept) => {
    if (sameRecord(item.value, kept.value)) return repeatedRow('awards', item, kept.origin, credentialColumn(item.origin), item.value.credential);
    report('awards', item.origin, credentialColumn(item.origin), item.value.credential,
      `the same award (employee ${item.value.employee}, credential ${item.value.credential}, issued ${item.value.issuedOn}) is also on ${where(kept.origin, item.origin!)} with other details (expiry or evidence): keep one row; this one was skipped`);
    return 'skip';
  });

  const assessmentItems = itemsOf<Assessment>('assessments', () => fileItems('assessments'));
  const resolveAssessment = (assessment: Assessment, origin: Origin | undefined): Assessment | null => {
    const employee = employeeRef('assessments', assessment.employee, origin);
    const skill = skillRef('assessments', assessment.skill, origin, skillColumn(origin, assessment.skill), true);
    if (employee === null || skill === null) return null;
    return employee === assessment.employee && skill === assessment.skill ? assessment : { ...assessment, employee, skill };
  };
  const assessmentKey: RecordKey<Assessment> = {
    group: (assessment) => assessment.employee,
    same: (a, b) => a.skill === b.skill && (a.assessedOn ?? '') === (b.assessedOn ?? '') && a.source === b.source,
  };
  const assessments = combine('assessments', resolveAll('assessments', assessmentItems.base, resolveAssessment),
    resolveAll('assessments', assessmentItems.incoming, resolveAssessment), assessmentKey, (item, kept) => {
      const column = skillColumn(item.origin, item.value.skill);
      if (sameRecord(item.value, kept.value)) return repeatedRow('assessments', item, kept.origin, column, String(item.value.level));
      // SPEC §3 rule 3: of assessments on the same day (or both undated), the highest counts.
      const { employee, skill, source, assessedOn } = item.value;
      const highest = Math.max(item.value.level, kept.value.level);
      report('assessments', item.origin, column, String(item.value.level),
        `employee ${employee} has two ${source} assessments of ${skill} ${assessedOn ? `on ${assessedOn}` : 'without a date'} (level ${item.value.level} here, ${kept.value.level} on ${where(kept.origin, item.origin!)}): the highest, ${highest}, counts as SPEC §3 says and the other was skipped; keep one row to silence this`,
        'warning', 'assessment-conflict');
      return item.value.level > kept.value.level ? 'replace' : 'skip';
    });

  const goalItems = itemsOf<Goal>('goals', () => fileItems('goals'));
  const resolveGoal = (goal: Goal, origin: Origin | undefined): Goal | null => {
    const employee = employeeRef('goals', goal.employee, origin);
    const credential = credentialRef('goals', goal.credential, origin);
    if (employee === null || credential === null) return null;
    return employee === goal.employee && credential === goal.credential ? goal : { ...goal, employee, credential };
  };
  const goals = combine('goals', resolveAll('goals', goalItems.base, resolveGoal), resolveAll('goals', goalItems.incoming, resolveGoal), { group: (goal) => goal.id }, (item, kept) => {
    const column = item.origin!.file.mapping.goal_id !== undefined ? columnOf(item.origin!, 'goal_id') : '';
    if (sameRecord(item.value, kept.value)) return repeatedRow('goals', item, kept.origin, column, item.value.id);
    report('goals', item.origin, column, item.value.id,
      `duplicate goal "${item.value.id}" (also on ${where(kept.origin, item.origin!)}): goal ids must be unique; this row was skipped`);
    return 'skip';
  });

  const interestItems = itemsOf<Interest>('interests', () => fileItems('interests'));
  const resolveInterest = (interest: Interest, origin: Origin | undefined): Interest | null => {
    const employee = employeeRef('interests', interest.employee, origin);
    const skill = skillRef('interests', interest.skill, origin, skillColumn(origin, interest.skill), false);
    if (employee === null || skill === null) return null;
    return employee === interest.employee && skill === interest.skill ? interest : { employee, skill };
  };
  const interests = combine('interests', resolveAll('interests', interestItems.base, resolveInterest),
    resolveAll('interests', interestItems.incoming, resolveInterest), { group: (interest) => interest.employee, same: (a, b) => a.skill === b.skill }, (item, kept) => {
      report('interests', item.origin, skillColumn(item.origin, item.value.skill), item.value.skill,
        `employee ${item.value.employee}'s interest in ${item.value.skill} is also on ${where(kept.origin, item.origin!)}: this row was skipped (nothing is lost)`, 'warning', 'duplicate-row');
      return 'skip';
    });

  // ---------------------------------------------------------------- result
  const allSkills = [...skills.map((item) => item.value), ...createdSkills];
  const fromFiles = <T>(items: Item<T>[]): number => items.reduce((n, item) => n + (item.origin ? 1 : 0), 0);
  counts.skills = fromFiles(skills) + createdSkills.length;
  counts.roles = fromFiles(roles);
  counts.catalog = fromFiles(credentials);
  counts.employees = fromFiles(employees);
  counts.awards = fromFiles(awards);
  counts.assessments = fromFiles(assessments);
  counts.goals = fromFiles(goals);
  counts.interests = fromFiles(interests);
  for (const [kind, records] of dropped) {
    const count = records.size;
    issues.push({
      file: '', row: 0, column: '', value: String(count), severity: 'warning',
      message: `${count} existing ${ORG_KEY[kind]} record${count === 1 ? '' : 's'} referred to something this import removed and ${count === 1 ? 'was' : 'were'} dropped`,
    });
  }
  const values = <T>(items: Item<T>[]): T[] => items.map((item) => item.value);
  return {
    organisation: {
      skills: allSkills,
      roles: values(roles),
      employees: values(employees),
      credentials: values(credentials),
      awards: values(awards),
      assessments: values(assessments),
      goals: values(goals),
      interests: values(interests),
    },
    issues: withSheetCells(issues, files),
    counts,
  };
}

function withSheetCells(issues: ImportIssue[], files: readonly ParsedFile[]): ImportIssue[] {
  locateInSheets(issues, files);
  return issues;
}

/** Drops stacks with a missing component, or whose components lead back to themselves, until none is left. */
function removeBrokenStacks(credentials: Map<string, Item<Credential>>, report: (item: Item<Credential>, message: string, value: string, severity: 'error' | 'warning') => void): void {
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, item] of credentials) {
      const missing = item.value.components?.find((component) => !credentials.has(component));
      if (missing !== undefined) {
        // The component's own error is reported where it is; here it is only the reason.
        report(item, `stack component "${missing}" of credential "${id}" was left out for an error of its own, so this stack was left out too: correct the component`, missing, 'warning');
        credentials.delete(id);
        changed = true;
      }
    }
  }
  // A loop (A needs B, B needs A) would make "holds" undefined: reject every credential on one.
  const state = new Map<string, 'visiting' | 'done'>();
  const onCycle = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    const seen = state.get(id);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      for (const member of path.slice(path.indexOf(id))) onCycle.add(member);
      return;
    }
    state.set(id, 'visiting');
    for (const component of credentials.get(id)?.value.components ?? []) visit(component, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of credentials.keys()) visit(id, []);
  for (const id of onCycle) {
    const item = credentials.get(id);
    if (!item) continue;
    report(item, `credential "${id}" contains itself through its components: remove the loop from the components lists`, (item.value.components ?? []).join(';'), 'error');
    credentials.delete(id);
  }
  if (onCycle.size > 0) removeBrokenStacks(credentials, report);
}
