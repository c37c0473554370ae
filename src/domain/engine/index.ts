// The gap engine (SPEC §3 rules 1–11): the one place a gap, a level or a readiness is computed.
// Prepare an organisation once, then ask any rule at any as-of date.
export {
  prepareOrganisation, prepareOrganisationFromColumns, type AssessmentColumns, type AwardColumns, type EngineOrganisation,
} from './prepare';
export { awardExpiry, isAwardCurrent } from './awards';
export { heldCredentialIds, heldCredentials, type HeldCredential } from './holdings';
export { skillLevels, type SkillLevel } from './proficiency';
export {
  requirementStatuses, employeeReadiness, gapReportLong, gapReportLongTable, gapStatus, type GapLongTable, type RequirementStatus,
} from './gaps';
export { teamSkillStats, teamReadiness, orgReadiness, gapReportTeam, type TeamSkillStat } from './coverage';
export { teamsOf, membersOf, findEmployee, type Scope } from './lookup';
export { teamsLedBy, employeeIdByEmail } from './ledTeams';
export { expiringAwards, DEFAULT_HORIZON_DAYS, type ExpiringAward } from './expiry';
export { readinessTrend, type TrendPoint } from './trend';
export { goalStates, goalStatesOf, goalExportRows, goalSummary, goalPairKey, openGoalsByPair, type GoalState, type GoalSummary } from './goals';
export { overviewFigures, type OverviewFigures } from './overview';
export { unmetRequirements, singlePointsOfFailure, overdueGoals, credentialsGranting, type PersonGap, type SinglePointOfFailure } from './lists';
export { employeeRecords, type EmployeeRecords } from './employeeRecords';
