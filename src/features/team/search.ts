// What the Teams list and a team's page show live in the URL: sorts, objective, budget.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';

export const TEAMS_SORT_KEYS = ['team', 'members', 'readiness', 'spofs'] as const;
export const SKILLS_SORT_KEYS = ['skill', 'coverage', 'met', 'weightedGap', 'readyToCover'] as const;
export const MEMBERS_SORT_KEYS = ['name', 'role', 'readiness', 'gaps', 'weightedGap'] as const;
export const COHORT_SORT_KEYS = ['name', 'people', 'gap', 'cost', 'hours'] as const;
export const EXPIRING_SORT_KEYS = ['expires', 'employee', 'credential'] as const;

export const teamsSearchSchema = z.lazy(() => z.object({ sort: sortParam(TEAMS_SORT_KEYS) }));

export const teamSearchSchema = z.lazy(() => z.object({
  objective: z.enum(['cost', 'hours']).optional(),
  cohortSort: sortParam(COHORT_SORT_KEYS),
  budget: z.number().nonnegative().optional(),
  skillsSort: sortParam(SKILLS_SORT_KEYS),
  membersSort: sortParam(MEMBERS_SORT_KEYS),
  expiringSort: sortParam(EXPIRING_SORT_KEYS),
}));
export type TeamSearch = z.infer<typeof teamSearchSchema>;
