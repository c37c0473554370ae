// The kinds of record an organisation holds and its empty value (SPEC §2), free of zod: the CSV
// reader and the CLI use them without loading the schema library. schema.ts re-exports both.
import type { Organisation } from './schema';

export const RECORD_KINDS = [
  'employees',
  'skills',
  'roles',
  'catalog',
  'awards',
  'assessments',
  'goals',
  'interests',
] as const;

export function emptyOrganisation(): Organisation {
  return { skills: [], roles: [], employees: [], credentials: [], awards: [], assessments: [], goals: [], interests: [] };
}
