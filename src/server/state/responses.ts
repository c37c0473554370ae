// Builds the /api response shapes of src/api/contract.ts from the engine's results: names joined
// in, nothing computed here that the engine computes.
import { goalListRows } from '../../domain/goalList';
import type { GoalListQuery } from '../../domain/goalListQuery';
import {
  employeeReadiness,
  employeeRecords,
  expiringAwards,
  goalStates,
  goalStatesOf,
  goalSummary,
  heldCredentials,
  isAwardCurrent,
  membersOf,
  overviewFigures,
  readinessTrend,
  requirementStatuses,
  skillLevels,
  teamReadiness,
  teamSkillStats,
  teamsOf,
  type EngineOrganisation,
  type Scope,
} from '../../domain/engine';
import { addDays } from '../../domain/dates';
import { coverageAsReported } from '../../domain/reports';
import { encodeCounts, encodeCoverage, encodeRequiredCoverage } from '../../api/heatmapCells';
import type { IsoDate, Skill, Weight } from '../../domain/schema';
import type {
  EmployeeDetail,
  EmployeeList,
  GoalList,
  OrgHeatmap,
  OverviewResponse,
  TeamDetail,
  TeamHeatmap,
  TeamList,
} from '../../api/contract';

export const FORECAST_DAYS = 90;

export type Lookups = ReturnType<typeof buildLookups>;

const lookupsByOrganisation = new WeakMap<EngineOrganisation, Lookups>();

/** Names to join into responses: skills, credentials, employees and roles by id; built once per organisation. */
export function lookups(eo: EngineOrganisation): Lookups {
  let names = lookupsByOrganisation.get(eo);
  if (!names) {
    names = buildLookups(eo);
    lookupsByOrganisation.set(eo, names);
  }
  return names;
}

function buildLookups(eo: EngineOrganisation) {
  const { org } = eo;
  const skills = new Map(org.skills.map((skill) => [skill.id, skill]));
  const credentials = new Map(org.credentials.map((credential) => [credential.id, credential]));
  const employees = new Map(org.employees.map((employee) => [employee.id, employee]));
  const roles = new Map(org.roles.map((role) => [role.id, role]));
  return {
    skills,
    skillName: (id: string) => skills.get(id)?.name ?? id,
    skillRef: (id: string) => {
      const skill: Skill | undefined = skills.get(id);
      return { id, name: skill?.name ?? id, category: skill?.category ?? '' };
    },
    credentials,
    credentialName: (id: string) => credentials.get(id)?.name ?? id,
    employees,
    employeeName: (id: string) => employees.get(id)?.name ?? id,
    roles,
    roleName: (id: string) => roles.get(id)?.name ?? id,
  };
}

// `baseline` (what-if, SPEC §7): the stored organisation, passed while the request names a draft
// (`eo` is then the draft's); each response then carries the same figures computed on it, so the
// page shows baseline → scenario and computes neither.

export function overviewResponse(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined, scopeLabel: string, baseline?: EngineOrganisation): OverviewResponse {
  const figures = overviewFigures(eo, asOf, scope, FORECAST_DAYS);
  const response: OverviewResponse = { asOf, scope: scopeLabel, ...figures, trend: readinessTrend(eo, asOf, 12, scope) };
  if (!baseline) return response;
  const stored = overviewFigures(baseline, asOf, scope, FORECAST_DAYS, Infinity);
  const storedGap = new Map(stored.topGaps.map((gap) => [gap.skill, gap]));
  const { readiness, forecastReadiness, criticalGaps, singlePointsOfFailure, expiringCount } = stored;
  const topGaps = figures.topGaps.map(({ skill }) => ({ skill, weightedGap: storedGap.get(skill)?.weightedGap ?? 0, peopleWithGap: storedGap.get(skill)?.peopleWithGap ?? 0 }));
  return {
    ...response,
    baseline: { readiness, forecastReadiness, criticalGaps, singlePointsOfFailure, expiringCount, goalCompletionRate: stored.goals.completionRate, topGaps, trend: readinessTrend(baseline, asOf, 12, scope) },
  };
}

function teamSummary(eo: EngineOrganisation, team: string, asOf: IsoDate) {
  return { readiness: teamReadiness(eo, team, asOf), singlePointsOfFailure: teamSkillStats(eo, team, asOf).filter((stat) => stat.singlePointOfFailure).length };
}

export function teamListResponse(eo: EngineOrganisation, asOf: IsoDate, teams: readonly string[], baseline?: EngineOrganisation): TeamList {
  return {
    teams: teams.map((team) => ({
      team,
      members: membersOf(eo, team).length,
      ...teamSummary(eo, team, asOf),
      ...(baseline ? { baseline: teamSummary(baseline, team, asOf) } : {}),
    })),
  };
}

function memberFigures(eo: EngineOrganisation, employeeId: string, asOf: IsoDate) {
  const statuses = requirementStatuses(eo, employeeId, asOf);
  return {
    readiness: employeeReadiness(eo, employeeId, asOf),
    gaps: statuses.filter((status) => !status.met).length,
    weightedGap: statuses.reduce((sum, status) => sum + status.weightedGap, 0),
  };
}

/** A team's figures on the stored organisation, to compare a what-if draft's with. */
function teamBaseline(eo: EngineOrganisation, team: string, asOf: IsoDate): NonNullable<TeamDetail['baseline']> {
  const stats = teamSkillStats(eo, team, asOf);
  return {
    readiness: teamReadiness(eo, team, asOf),
    forecastReadiness: teamReadiness(eo, team, addDays(asOf, FORECAST_DAYS)),
    singlePointsOfFailure: stats.filter((stat) => stat.singlePointOfFailure).length,
    expiringCount: expiringAwards(eo, asOf, FORECAST_DAYS, { teams: [team] }).length,
    members: membersOf(eo, team).map((employee) => ({ id: employee.id, ...memberFigures(eo, employee.id, asOf) })),
    skills: stats.map(({ skill, coverage, metCount, requiredCount, weightedGap }) => ({ skill, skillName: lookups(eo).skillName(skill), coverage, metCount, requiredCount, weightedGap })),
  };
}

export function teamDetailResponse(eo: EngineOrganisation, team: string, asOf: IsoDate, baseline?: EngineOrganisation): TeamDetail {
  const names = lookups(eo);
  const forecastDate = addDays(asOf, FORECAST_DAYS);
  const members = membersOf(eo, team).map((employee) => ({
    id: employee.id,
    name: employee.name,
    role: employee.role,
    roleName: names.roleName(employee.role),
    ...memberFigures(eo, employee.id, asOf),
  }));
  return {
    ...(baseline ? { baseline: teamBaseline(baseline, team, asOf) } : {}),
    asOf,
    team,
    readiness: teamReadiness(eo, team, asOf),
    forecastReadiness: teamReadiness(eo, team, forecastDate),
    forecastDate,
    members,
    skills: teamSkillStats(eo, team, asOf).map((stat) => ({
      ...stat,
      skillName: names.skillName(stat.skill),
      category: names.skillRef(stat.skill).category,
      benchMemberNames: stat.benchMembers.map(names.employeeName),
    })),
    expiring: expiringAwards(eo, asOf, FORECAST_DAYS, { teams: [team] }).map((item) => ({
      employee: item.employee,
      employeeName: names.employeeName(item.employee),
      credential: item.credential,
      credentialName: names.credentialName(item.credential),
      issuedOn: item.issuedOn,
      expiresOn: item.expiresOn,
    })),
  };
}

export function employeeListResponse(eo: EngineOrganisation, teams: readonly string[] | undefined): EmployeeList {
  const names = lookups(eo);
  const allowed = teams ? new Set(teams) : undefined;
  return {
    employees: eo.org.employees
      .filter((employee) => !allowed || allowed.has(employee.team))
      .map((employee) => ({ id: employee.id, name: employee.name, team: employee.team, role: employee.role, roleName: names.roleName(employee.role) })),
  };
}

export function employeeDetailResponse(eo: EngineOrganisation, employeeId: string, asOf: IsoDate, baseline?: EngineOrganisation): EmployeeDetail | undefined {
  const names = lookups(eo);
  const employee = names.employees.get(employeeId);
  if (!employee) return undefined;
  const levels = skillLevels(eo, employeeId, asOf);
  const held = heldCredentials(eo, employeeId, asOf);
  const heldIds = new Set(held.map((item) => item.credentialId));
  const own = employeeRecords(eo, employeeId);
  return {
    asOf,
    employee,
    roleName: names.roleName(employee.role),
    managerName: employee.manager ? names.employeeName(employee.manager) : undefined,
    readiness: employeeReadiness(eo, employeeId, asOf),
    requirements: requirementStatuses(eo, employeeId, asOf).map((status) => ({
      ...status,
      skillName: names.skillName(status.skill),
      verifiedBy: levels.get(status.skill)?.verifiedBy ?? [],
    })),
    held: held.map((item) => ({
      credentialId: item.credentialId,
      name: names.credentialName(item.credentialId),
      via: item.via,
      issuedOn: item.award?.issuedOn,
      expiresOn: item.expiresOn,
      verification: item.award?.verification,
      verificationReason: item.award?.verificationReason,
    })),
    expiredAwards: own.awards
      .filter((award) => !heldIds.has(award.credential) && !isAwardCurrent(award, names.credentials.get(award.credential), asOf) && award.issuedOn <= asOf)
      .map((award) => ({ ...award, credentialName: names.credentialName(award.credential) })),
    assessments: own.assessments,
    goals: goalStatesOf(eo, asOf, own.goals).map((state) => ({ ...state, credentialName: names.credentialName(state.goal.credential) })),
    interests: own.interests.map((interest) => names.skillRef(interest.skill)),
    ...(baseline
      ? {
          baseline: {
            readiness: employeeReadiness(baseline, employeeId, asOf),
            requirements: requirementStatuses(baseline, employeeId, asOf).map(({ skill, weight, required, gap, met }) => ({ skill, skillName: names.skillName(skill), weight, required, gap, met })),
          },
        }
      : {}),
  };
}

/** Goal states per team (the team of each goal's employee), teams in order. */
function goalSummariesByTeam(eo: EngineOrganisation, states: ReturnType<typeof goalStates>) {
  const names = lookups(eo);
  const statesByTeam = new Map<string, typeof states>();
  for (const state of states) {
    const team = names.employees.get(state.goal.employee)?.team ?? '';
    const teamStates = statesByTeam.get(team);
    if (teamStates) teamStates.push(state);
    else statesByTeam.set(team, [state]);
  }
  return [...statesByTeam.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([team, teamStates]) => ({ team, summary: goalSummary(teamStates) }));
}

/**
 * The goals in scope: counts overall and per team, and the goals the page asked for (`list`: a status,
 * words to find, a sort; `limit`: how many of them), with `total`, how many match.
 */
export function goalListResponse(eo: EngineOrganisation, asOf: IsoDate, scope: Scope | undefined, baseline?: EngineOrganisation, list: GoalListQuery = {}, limit = Infinity): GoalList {
  const names = lookups(eo);
  const states = goalStates(eo, asOf, scope);
  const rows = goalListRows(
    states.map((state) => ({
      ...state,
      employeeName: names.employeeName(state.goal.employee),
      team: names.employees.get(state.goal.employee)?.team ?? '',
      credentialName: names.credentialName(state.goal.credential),
    })),
    list,
  );
  const response: GoalList = {
    asOf,
    summary: goalSummary(states),
    byTeam: goalSummariesByTeam(eo, states),
    goals: rows.length > limit ? rows.slice(0, limit) : rows,
    total: rows.length,
  };
  if (!baseline) return response;
  // A draft changes no goal, but its catalog decides which credentials are held (a stack, a validity),
  // so a goal can be completed in one and open or overdue in the other: those goals, as stored.
  const storedStates = goalStates(baseline, asOf, scope);
  // Only the goals listed: the page shows each one's stored state beside it.
  const now = new Map(response.goals.map((state) => [state.goal.id, state]));
  const changedGoals = storedStates
    .filter((stored) => {
      const draft = now.get(stored.goal.id);
      return draft !== undefined && (draft.completed !== stored.completed || draft.overdue !== stored.overdue || draft.status !== stored.status);
    })
    .map(({ goal, completed, overdue, status }) => ({ id: goal.id, completed, overdue, status }));
  return { ...response, baseline: { summary: goalSummary(storedStates), byTeam: goalSummariesByTeam(baseline, storedStates), changedGoals } };
}

export function orgHeatmapResponse(eo: EngineOrganisation, asOf: IsoDate, teams: readonly string[], baseline?: EngineOrganisation): OrgHeatmap {
  const names = lookups(eo);
  const statsByTeam = teams.map((team) => teamSkillStats(eo, team, asOf));
  const baselineStats = baseline ? teams.map((team) => teamSkillStats(baseline, team, asOf)) : undefined;
  // Columns: every skill required in the draft or, under a draft, in the stored organisation.
  const skillIds = [...new Set([...statsByTeam, ...(baselineStats ?? [])].flatMap((stats) => stats.map((stat) => stat.skill)))].sort();
  const column = new Map(skillIds.map((id, index) => [id, index]));
  const coverageGrid = (stats: ReturnType<typeof teamSkillStats>[], required?: number[]) => {
    const coverage: (number | null)[] = new Array(teams.length * skillIds.length).fill(null);
    stats.forEach((teamStats, row) => {
      for (const stat of teamStats) {
        const cell = row * skillIds.length + (column.get(stat.skill) ?? 0);
        // The reports' 4 decimals (SPEC §5): the same figure as the export.
        coverage[cell] = stat.coverage === null ? null : coverageAsReported(stat.coverage);
        if (required) required[cell] = stat.requiredCount;
      }
    });
    return coverage;
  };
  const required: number[] = new Array(teams.length * skillIds.length).fill(0);
  const coverage = coverageGrid(statsByTeam, required);
  // The cells travel as base64 grids, the teams as columns: src/api/heatmapCells.ts.
  const requiredCells = encodeCounts(required);
  return {
    asOf,
    teams: {
      names: [...teams],
      members: teams.map((team) => membersOf(eo, team).length),
      readiness: teams.map((team) => teamReadiness(eo, team, asOf)),
      ...(baseline ? { baselineReadiness: teams.map((team) => teamReadiness(baseline, team, asOf)) } : {}),
    },
    skills: skillIds.map((id) => names.skillRef(id)),
    coverage: encodeRequiredCoverage(coverage, required),
    required: requiredCells.base64,
    requiredBytes: requiredCells.bytes,
    ...(baselineStats ? { baselineCoverage: encodeCoverage(coverageGrid(baselineStats)) } : {}),
  };
}

const WEIGHT_RANK: Readonly<Record<Weight, number>> = { critical: 3, important: 2, 'nice-to-have': 1 };

/** Per skill, the heaviest weight any of these members' requirements gives it. */
function heaviestWeights(statusesByMember: readonly (readonly { skill: string; weight: Weight }[])[]): Map<string, Weight> {
  const weightOf = new Map<string, Weight>();
  for (const statuses of statusesByMember) {
    for (const status of statuses) {
      const seen = weightOf.get(status.skill);
      if (!seen || WEIGHT_RANK[status.weight] > WEIGHT_RANK[seen]) weightOf.set(status.skill, status.weight);
    }
  }
  return weightOf;
}

export function teamHeatmapResponse(eo: EngineOrganisation, team: string, asOf: IsoDate, baseline?: EngineOrganisation): TeamHeatmap {
  const names = lookups(eo);
  const members = membersOf(eo, team);
  const statusesByMember = members.map((employee) => requirementStatuses(eo, employee.id, asOf));
  const baselineStatuses = baseline ? members.map((employee) => requirementStatuses(baseline, employee.id, asOf)) : undefined;
  // Columns: every skill any member's role requires, with the heaviest weight seen for it; under a
  // draft, also the skills only the stored roles require (with their stored weight).
  const weightOf = heaviestWeights(statusesByMember);
  if (baselineStatuses) for (const [skill, weight] of heaviestWeights(baselineStatuses)) if (!weightOf.has(skill)) weightOf.set(skill, weight);
  const skillIds = [...weightOf.keys()].sort();
  const grids = (organisation: EngineOrganisation, statuses: ReturnType<typeof requirementStatuses>[]) => {
    const size = members.length * skillIds.length;
    const cells = { required: new Array<number>(size).fill(0), effective: new Array<number>(size).fill(0), verified: new Array<number>(size).fill(0), assessed: new Array<number>(size).fill(0), gap: new Array<number>(size).fill(0) };
    members.forEach((employee, row) => {
      const levels = skillLevels(organisation, employee.id, asOf);
      const statusBySkill = new Map(statuses[row]?.map((status) => [status.skill, status]));
      skillIds.forEach((skill, col) => {
        const cell = row * skillIds.length + col;
        const level = levels.get(skill);
        const status = statusBySkill.get(skill);
        cells.required[cell] = status?.required ?? 0;
        cells.gap[cell] = status?.gap ?? 0;
        cells.effective[cell] = level?.effective ?? 0;
        cells.verified[cell] = level?.verified ?? 0;
        cells.assessed[cell] = level?.assessed ?? 0;
      });
    });
    return cells;
  };
  const { required, effective, verified, assessed, gap } = grids(eo, statusesByMember);
  const stored = baseline && baselineStatuses ? grids(baseline, baselineStatuses) : undefined;
  return {
    asOf,
    team,
    employees: members.map((employee) => ({ id: employee.id, name: employee.name, role: employee.role, roleName: names.roleName(employee.role) })),
    skills: skillIds.map((id) => ({ ...names.skillRef(id), weight: weightOf.get(id) ?? 'important' })),
    required,
    effective,
    verified,
    assessed,
    gap,
    ...(stored ? { baseline: { required: stored.required, effective: stored.effective, gap: stored.gap } } : {}),
  };
}

export { teamsOf };
