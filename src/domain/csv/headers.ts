// Header recognition for CSV import (SPEC §4): canonical fields per kind, the synonyms real HR,
// LMS and badge-platform exports use, kind detection and the proposed column mapping.
import type { RecordKind } from '../schema';
import type { ColumnMapping } from './types';

/** Lower-case letters and digits only, accents dropped: "E-mail Address" → "emailaddress". */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Synonym lists, best first; each is compared after normaliseHeader.
const EMPLOYEE_ID = [
  'employee_id', 'employee id', 'employee no', 'employee number', 'employee code', 'employee',
  'emp id', 'emp no', 'emp number', 'emp', 'worker id', 'worker number', 'person id', 'person number',
  'staff id', 'staff no', 'staff number', 'personnel number', 'personnel no', 'payroll id', 'payroll number',
  'hr id', 'user id', 'learner id', 'recipient id', 'student id', 'associate id', 'badge number', 'id',
];
const EMAIL = [
  'email', 'email address', 'e-mail', 'work email', 'work email address', 'email work', 'business email',
  'primary email', 'employee email', 'user email', 'learner email', 'recipient email', 'earner email', 'mail',
];
const EMPLOYEE_NAME = [
  'employee_name', 'employee name', 'name', 'full name', 'display name', 'worker name', 'person name',
  'learner name', 'recipient name', 'earner name', 'user name', 'staff name',
];
const TEAM = [
  'team', 'team name', 'department', 'dept', 'department name', 'org unit', 'organisational unit',
  'organizational unit', 'organisation unit', 'organization unit', 'business unit', 'unit', 'division',
  'group', 'squad',
];
const ROLE = [
  'role', 'role id', 'role name', 'job title', 'title', 'position', 'position title', 'job role', 'job',
  'job profile', 'job position', 'occupation',
];
const MANAGER = [
  'manager_id', 'manager id', 'manager', 'manager employee id', 'manager emp no', 'manager email',
  'manager name', 'line manager', 'supervisor', 'supervisor id', 'reports to', 'reporting manager',
];
const LOCATION = ['location', 'site', 'office', 'city', 'work location', 'base', 'country'];
const SKILL = [
  'skill', 'skill id', 'skill name', 'skill_id', 'competency', 'competence', 'capability', 'skill title',
];
const LEVEL = [
  'level', 'target level', 'required level', 'proficiency', 'proficiency level', 'required proficiency',
  'minimum level', 'min level', 'expected level', 'skill level', 'assessed level', 'current level',
  'rating', 'score', 'grant level', 'level granted',
];
const WEIGHT = ['weight', 'priority', 'importance', 'criticality', 'weighting', 'requirement type'];
const CREDENTIAL_ID = [
  'credential_id', 'credential id', 'credential', 'badge id', 'badge class id', 'badgeclass id', 'badge class',
  'certificate id', 'certification id', 'course id', 'course code', 'achievement id', 'credential code',
  'badge template id', 'template id',
];
const CREDENTIAL_NAME = [
  'credential_name', 'credential name', 'badge name', 'badge', 'badge title', 'certificate', 'certificate name',
  'certification', 'certification name', 'course name', 'course', 'achievement', 'achievement name',
  'badge template name', 'badge template',
];
const ISSUED_ON = [
  'issued_on', 'issued on', 'date issued', 'issue date', 'issued', 'issued at', 'award date', 'awarded on',
  'awarded', 'date awarded', 'earned on', 'date earned', 'issuance date', 'completion date', 'completed on',
  'date completed', 'certified on', 'certification date', 'achieved on',
  'issued at date', 'issued at date mm/dd/yy', 'issued at date mm/dd/yyyy', 'issued at date dd/mm/yy', 'issued at date dd/mm/yyyy',
];
const EXPIRES_ON = [
  'expires_on', 'expires on', 'expiry', 'expiry date', 'expiration', 'expiration date', 'expires', 'expires at',
  'valid until', 'valid to', 'valid thru', 'valid through', 'date expires', 'expiry on', 'renewal date',
];
const EVIDENCE_URL = [
  'evidence_url', 'evidence url', 'evidence', 'badge url', 'credential url', 'certificate url', 'verification url',
  'verify url', 'public url', 'assertion url', 'url', 'link',
];

type FieldSynonyms = Record<string, readonly string[]>;

interface KindSpec {
  /** Canonical fields and their synonyms, in output order. */
  fields: FieldSynonyms;
  /** Each entry is satisfied by any one of its fields. */
  required: readonly (readonly string[])[];
  /** Recognised but not read (wide files: these columns are not skills). */
  ignored?: readonly string[];
  /** A wide layout is possible: one column per skill when there is no skill column. */
  wideKey?: readonly string[];
}

const EMPLOYEE_REF = ['employee_id', 'email', 'employee_name'] as const;

const KIND_SPECS: Record<RecordKind, KindSpec> = {
  employees: {
    fields: {
      employee_id: EMPLOYEE_ID,
      name: ['name', 'employee name', 'full name', 'display name', 'worker name', 'person name', 'legal name'],
      first_name: ['first_name', 'first name', 'given name', 'forename', 'first', 'preferred first name'],
      last_name: ['last_name', 'last name', 'surname', 'family name', 'last'],
      email: EMAIL,
      team: TEAM,
      role: ROLE,
      manager_id: MANAGER,
      location: LOCATION,
    },
    required: [['employee_id'], ['name', 'first_name', 'last_name'], ['team'], ['role']],
  },
  skills: {
    fields: {
      skill_id: ['skill_id', 'skill id', 'id', 'skill key'],
      name: ['name', 'skill', 'skill name', 'title', 'label', 'preferred label', 'skill title'],
      category: ['category', 'skill category', 'skill type', 'type', 'group', 'skill group', 'domain', 'family', 'cluster'],
      description: ['description', 'desc', 'definition', 'details', 'skill description'],
      code: [
        'code', 'skill code', 'esco uri', 'esco', 'uri', 'concept uri', 'onet id', 'onet element id', 'onet code',
        'element id', 'external id', 'reference',
      ],
    },
    required: [['skill_id'], ['name']],
  },
  roles: {
    fields: {
      role: ROLE.filter((s) => s !== 'role name'),
      role_name: ['role_name', 'role name', 'role title'],
      skill: SKILL,
      level: LEVEL,
      weight: WEIGHT,
      team: TEAM,
      description: ['description', 'role description', 'notes', 'comments'],
    },
    required: [['role'], ['skill'], ['level']],
    ignored: ['role_name', 'team', 'description'],
    wideKey: ['role'],
  },
  catalog: {
    fields: {
      credential_id: [...CREDENTIAL_ID, 'id', 'code'],
      name: ['name', 'credential name', 'badge name', 'title', 'course name', 'course title', 'certificate name', 'certification name', 'achievement name'],
      issuer: ['issuer', 'issuer name', 'issued by', 'provider', 'vendor', 'awarding body', 'organisation', 'organization', 'platform'],
      skill: SKILL,
      level: LEVEL,
      hours: ['hours', 'duration', 'duration hours', 'duration h', 'learning hours', 'study hours', 'effort', 'effort hours', 'hrs', 'estimated hours'],
      cost: ['cost', 'price', 'fee', 'fees', 'course fee', 'amount', 'list price'],
      currency: ['currency', 'currency code', 'ccy'],
      validity_months: [
        'validity_months', 'validity months', 'validity', 'valid for', 'valid for months', 'validity period',
        'expires after', 'expires after months', 'expiry months', 'months valid', 'renewal months',
        'recertification months', 'recertify after',
      ],
      components: ['components', 'component ids', 'component credentials', 'stack', 'stack of', 'includes', 'required badges', 'prerequisite badges'],
      url: ['url', 'link', 'course url', 'website', 'criteria url', 'enrol url', 'enroll url', 'info url'],
    },
    required: [['credential_id'], ['name'], ['skill'], ['level']],
  },
  awards: {
    fields: {
      employee_id: EMPLOYEE_ID,
      email: EMAIL,
      employee_name: EMPLOYEE_NAME.filter((s) => s !== 'name'),
      credential_id: CREDENTIAL_ID,
      credential_name: CREDENTIAL_NAME,
      issued_on: ISSUED_ON,
      expires_on: EXPIRES_ON,
      evidence_url: EVIDENCE_URL,
    },
    required: [EMPLOYEE_REF, ['credential_id', 'credential_name'], ['issued_on']],
  },
  assessments: {
    fields: {
      employee_id: EMPLOYEE_ID,
      email: EMAIL,
      employee_name: EMPLOYEE_NAME,
      skill: SKILL,
      level: LEVEL,
      source: ['source', 'assessment source', 'assessment type', 'assessed by', 'rater', 'rater type', 'method', 'type'],
      assessed_on: ['assessed_on', 'assessed on', 'assessment date', 'date assessed', 'rated on', 'rating date', 'date'],
      team: TEAM,
      role: ROLE,
      manager_id: MANAGER,
      location: LOCATION,
      first_name: ['first_name', 'first name', 'given name', 'forename'],
      last_name: ['last_name', 'last name', 'surname', 'family name'],
    },
    required: [EMPLOYEE_REF, ['skill'], ['level']],
    ignored: ['team', 'role', 'manager_id', 'location', 'first_name', 'last_name'],
    wideKey: EMPLOYEE_REF,
  },
  goals: {
    fields: {
      goal_id: ['goal_id', 'goal id', 'id', 'assignment id', 'goal number'],
      employee_id: EMPLOYEE_ID.filter((s) => s !== 'id'),
      email: EMAIL,
      employee_name: EMPLOYEE_NAME,
      credential_id: CREDENTIAL_ID,
      credential_name: CREDENTIAL_NAME,
      due_on: ['due_on', 'due on', 'due date', 'due', 'deadline', 'target date', 'due by', 'complete by', 'completion due'],
      kind: ['kind', 'goal kind', 'goal type', 'type'],
      status: ['status', 'goal status', 'state', 'progress'],
      assigned_by: ['assigned_by', 'assigned by', 'assigner', 'created by', 'set by'],
      created_on: ['created_on', 'created on', 'created', 'created date', 'date created', 'assigned on', 'date assigned', 'assigned date', 'start date'],
    },
    required: [EMPLOYEE_REF, ['credential_id', 'credential_name'], ['due_on']],
  },
  interests: {
    fields: {
      employee_id: EMPLOYEE_ID,
      email: EMAIL,
      employee_name: EMPLOYEE_NAME,
      skill: [...SKILL, 'interest', 'interests', 'learning interest', 'topic', 'interested in', 'area of interest'],
    },
    required: [EMPLOYEE_REF, ['skill']],
  },
};

/** Canonical fields of each kind, in the order templates and exports write them. */
export const CANONICAL_COLUMNS: Readonly<Record<RecordKind, readonly string[]>> = {
  employees: ['employee_id', 'name', 'email', 'team', 'role', 'manager_id', 'location'],
  skills: ['skill_id', 'name', 'category', 'description', 'code'],
  roles: ['role', 'role_name', 'skill', 'level', 'weight'],
  catalog: ['credential_id', 'name', 'issuer', 'skill', 'level', 'hours', 'cost', 'currency', 'validity_months', 'components', 'url'],
  awards: ['employee_id', 'credential_id', 'issued_on', 'expires_on', 'evidence_url'],
  assessments: ['employee_id', 'skill', 'level', 'source', 'assessed_on'],
  goals: ['goal_id', 'employee_id', 'credential_id', 'due_on', 'kind', 'status', 'assigned_by', 'created_on'],
  interests: ['employee_id', 'skill'],
};

interface Lookup {
  /** normalised header → field and its synonym rank (0 = the canonical name). */
  byHeader: Map<string, { field: string; rank: number }>;
}

const LOOKUPS = new Map<RecordKind, Lookup>();

function lookupFor(kind: RecordKind): Lookup {
  let lookup = LOOKUPS.get(kind);
  if (!lookup) {
    const byHeader = new Map<string, { field: string; rank: number }>();
    for (const [field, synonyms] of Object.entries(KIND_SPECS[kind].fields)) {
      synonyms.forEach((synonym, rank) => {
        const key = normaliseHeader(synonym);
        const existing = byHeader.get(key);
        if (!existing || existing.rank > rank) byHeader.set(key, { field, rank });
      });
    }
    lookup = { byHeader };
    LOOKUPS.set(kind, lookup);
  }
  return lookup;
}

function recogniseHeader(lookup: Lookup, header: string): { field: string; rank: number } | undefined {
  const full = lookup.byHeader.get(normaliseHeader(header));
  if (full) return full;
  // "Level (1-5)", "Cost [EUR]", "Employee ID *": the bracketed note is not part of the name.
  const bare = header.replace(/\(.*?\)|\[.*?\]|\*/g, '');
  return bare === header ? undefined : lookup.byHeader.get(normaliseHeader(bare));
}

export interface ProposedMapping {
  mapping: ColumnMapping;
  wide: boolean;
  /** Required fields with no column (for an either-or requirement, the first of its fields). */
  missing: string[];
  /** Column indices read as skills in a wide file. */
  skillColumns: number[];
}

function mapHeaders(kind: RecordKind, headers: readonly string[]): { mapping: ColumnMapping; unrecognised: number[]; synonymsUsed: number } {
  const lookup = lookupFor(kind);
  const mapping: ColumnMapping = {};
  const ranks: Record<string, number> = {};
  const unrecognised: number[] = [];
  headers.forEach((header, index) => {
    const hit = recogniseHeader(lookup, header);
    if (!hit) {
      if (header.trim() !== '') unrecognised.push(index);
      return;
    }
    const previous = ranks[hit.field];
    if (previous === undefined || hit.rank < previous) {
      if (previous !== undefined) unrecognised.push(mapping[hit.field]!);
      mapping[hit.field] = index;
      ranks[hit.field] = hit.rank;
    } else {
      unrecognised.push(index);
    }
  });
  unrecognised.sort((a, b) => a - b);
  const synonymsUsed = Object.values(ranks).filter((rank) => rank > 0).length;
  return { mapping, unrecognised, synonymsUsed };
}

function missingFields(kind: RecordKind, mapping: ColumnMapping, wide: boolean): string[] {
  const spec = KIND_SPECS[kind];
  const missing: string[] = [];
  for (const alternatives of spec.required) {
    if (wide && (alternatives.includes('skill') || alternatives.includes('level'))) continue;
    if (!alternatives.some((field) => mapping[field] !== undefined)) missing.push(alternatives[0]!);
  }
  return missing;
}

/** Columns of a wide file that hold skills: named, and not mapped to any field of the kind. */
export function wideSkillColumns(headers: readonly string[], mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping));
  const columns: number[] = [];
  headers.forEach((header, index) => {
    if (!used.has(index) && header.trim() !== '') columns.push(index);
  });
  return columns;
}

/** Proposes which column holds each canonical field of `kind`, and whether the file is wide. */
export function proposeMapping(kind: RecordKind, headers: readonly string[]): ProposedMapping {
  const { mapping } = mapHeaders(kind, headers);
  return describeMapping(kind, headers, mapping);
}

/** Wide flag, missing fields and skill columns for a given mapping (proposed or the user's). */
export function describeMapping(kind: RecordKind, headers: readonly string[], mapping: ColumnMapping): ProposedMapping {
  const spec = KIND_SPECS[kind];
  const wideKeyPresent = spec.wideKey?.some((field) => mapping[field] !== undefined) ?? false;
  const skillColumns = spec.wideKey ? wideSkillColumns(headers, mapping) : [];
  const wide = wideKeyPresent && mapping.skill === undefined && skillColumns.length > 0;
  return { mapping, wide, missing: missingFields(kind, mapping, wide), skillColumns: wide ? skillColumns : [] };
}

/** Fields that are recognised but not read for this kind (they are not skills in a wide file). */
export function ignoredFields(kind: RecordKind): readonly string[] {
  return KIND_SPECS[kind].ignored ?? [];
}

/** Synonyms of a field, for messages that say which headers are accepted. */
export function fieldSynonyms(kind: RecordKind, field: string): readonly string[] {
  return KIND_SPECS[kind].fields[field] ?? [field];
}

// Tie-break order when two kinds fit equally: the more specific layouts first.
const DETECTION_ORDER: readonly RecordKind[] = ['awards', 'goals', 'catalog', 'assessments', 'roles', 'skills', 'interests', 'employees'];

/**
 * The kind whose required columns are all present and which recognises the most headers
 * (a synonym scores 0.9, a canonical name 1; each unrecognised header costs half a point, except
 * the skill columns of a wide file);
 * null when no kind fits. Wide assessments only when the headers do not also make an employees file.
 */
export function detectKind(headers: readonly string[], options: { notWide?: boolean } = {}): RecordKind | null {
  let best: RecordKind | null = null;
  let bestScore = -Infinity;
  let employeesFit = false;
  const scores: { kind: RecordKind; score: number; wide: boolean }[] = [];
  for (const kind of DETECTION_ORDER) {
    const { mapping, unrecognised, synonymsUsed } = mapHeaders(kind, headers);
    const described = describeMapping(kind, headers, mapping);
    if (described.missing.length > 0) continue;
    if (options.notWide && described.wide) continue;
    // A canonical header (skill_id) counts a little more than a synonym of another kind's field.
    const recognised = Object.keys(mapping).length - 0.1 * synonymsUsed;
    const score = described.wide ? recognised : recognised - 0.5 * unrecognised.length;
    if (kind === 'employees') employeesFit = true;
    scores.push({ kind, score, wide: described.wide });
  }
  for (const { kind, score, wide } of scores) {
    if (wide && kind === 'assessments' && employeesFit) continue;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
