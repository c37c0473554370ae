// A team (SPEC §7): members and their readiness, skills with coverage, people ready to cover and
// single points of failure, expiring credentials and the 90-day forecast. A team the viewer may
// not see shows only why, and the way back (no title, no Export).
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { TeamDetail } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { formatDate } from '../../components/format';
import { Compared } from '../../components/Compared';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import { PrintHeader } from '../../components/PrintHeader';
import { CohortsSection } from './CohortsSection';
import { ExportButton } from '../../components/ExportButton';
import { BudgetBox } from './BudgetBox';
import type { EXPIRING_SORT_KEYS, MEMBERS_SORT_KEYS, SKILLS_SORT_KEYS } from './search';

type Baseline = NonNullable<TeamDetail['baseline']>;
/** A row with the same row on the stored organisation while a what-if draft is named (null: not required there). */
type SkillRow = TeamDetail['skills'][number] & { baseline?: Baseline['skills'][number] | null };
type MemberRow = TeamDetail['members'][number] & { baseline?: Baseline['members'][number] };
type ExpiringRow = TeamDetail['expiring'][number];

const SKILL_COLUMNS: SortableColumn<SkillRow, (typeof SKILLS_SORT_KEYS)[number]>[] = [
  {
    key: 'skill',
    label: 'Skill',
    rowHeader: true,
    value: (skill) => skill.skillName,
    cell: (skill) => (
      <>
        {skill.skillName}
        {skill.critical ? <span className="tag">critical</span> : null}
      </>
    ),
  },
  { key: 'coverage', label: 'Coverage', numeric: true, value: (skill) => skill.coverage, cell: (skill) => <Compared baseline={skill.baseline === undefined ? undefined : (skill.baseline?.coverage ?? null)} scenario={skill.coverage} kind="percent" /> },
  {
    key: 'met',
    label: 'Met / required',
    numeric: true,
    value: (skill) => skill.metCount,
    cell: (skill) => (skill.baseline === undefined ? `${skill.metCount} / ${skill.requiredCount}` : `${skill.baseline ? `${skill.baseline.metCount} / ${skill.baseline.requiredCount}` : 'not required'} → ${skill.metCount} / ${skill.requiredCount}`),
  },
  { key: 'weightedGap', label: 'Weighted gap', numeric: true, firstDirection: 'desc', value: (skill) => skill.weightedGap, cell: (skill) => <Compared baseline={skill.baseline === undefined ? undefined : (skill.baseline?.weightedGap ?? 0)} scenario={skill.weightedGap} kind="count" /> },
  { key: 'readyToCover', label: 'People ready to cover', numeric: true, value: (skill) => skill.bench },
];

const MEMBER_COLUMNS: SortableColumn<MemberRow, (typeof MEMBERS_SORT_KEYS)[number]>[] = [
  {
    key: 'name',
    label: 'Name',
    rowHeader: true,
    value: (member) => member.name,
    cell: (member) => (
      <Link to="/employees/$employeeId" params={{ employeeId: member.id }}>
        {member.name}
      </Link>
    ),
  },
  { key: 'role', label: 'Role', value: (member) => member.roleName },
  { key: 'readiness', label: 'Readiness', numeric: true, value: (member) => member.readiness, cell: (member) => <Compared baseline={member.baseline?.readiness} scenario={member.readiness} kind="percent" digits={1} /> },
  { key: 'gaps', label: 'Gaps', numeric: true, firstDirection: 'desc', value: (member) => member.gaps, cell: (member) => <Compared baseline={member.baseline?.gaps} scenario={member.gaps} kind="count" /> },
  { key: 'weightedGap', label: 'Weighted gap', numeric: true, firstDirection: 'desc', value: (member) => member.weightedGap, cell: (member) => <Compared baseline={member.baseline?.weightedGap} scenario={member.weightedGap} kind="count" /> },
];

const EXPIRING_COLUMNS: SortableColumn<ExpiringRow, (typeof EXPIRING_SORT_KEYS)[number]>[] = [
  { key: 'expires', label: 'Expires', value: (item) => item.expiresOn, cell: (item) => formatDate(item.expiresOn) },
  { key: 'employee', label: 'Employee', rowHeader: true, value: (item) => item.employeeName },
  { key: 'credential', label: 'Credential', value: (item) => item.credentialName },
];

export function TeamPage() {
  const { team } = useParams({ from: '/teams/$team' });
  const { persona, asOf, evidence } = useViewContext();
  const detail = useQuery(gapmapQueries.team(persona, team, asOf, evidence));
  return (
    <section aria-labelledby="team-title">
      <QueryState query={detail} label="Computing the team" page={`team called “${team}”`}>
        {(data) => {
          const spofs = data.skills.filter((skill) => skill.singlePointOfFailure);
          const { baseline } = data;
          // Under a what-if draft each row carries its stored counterpart (joined by id, nothing computed).
          const baselineSkill = new Map(baseline?.skills.map((skill) => [skill.skill, skill]));
          const baselineMember = new Map(baseline?.members.map((member) => [member.id, member]));
          const requiredSkills: SkillRow[] = data.skills.filter((skill) => skill.coverage !== null).map((skill) => (baseline ? { ...skill, baseline: baselineSkill.get(skill.skill) ?? null } : skill));
          const members: MemberRow[] = baseline ? data.members.map((member) => ({ ...member, baseline: baselineMember.get(member.id) })) : data.members;
          const dropped = baseline ? baseline.skills.filter((skill) => skill.coverage !== null && !requiredSkills.some((now) => now.skill === skill.skill)) : [];
          return (
            <>
              <header className="page-header">
                <h1 id="team-title">{team}</h1>
                <PrintHeader title="Team report" asOf={data.asOf} evidence={evidence} filters={[`team ${team}`]} />
                <p className="subtitle no-print">
                  As of {formatDate(data.asOf)} ·{' '}
                  <Link to="/heatmap" search={{ team }}>
                    Open the team heatmap
                  </Link>
                </p>
                <ExportButton persona={persona} path="/reports/gaps" params={{ format: 'long', team, asOf, evidence }} fileName={`gap-report-long-${team}-${asOf ?? 'today'}.csv`} label="Export this team's gap report (CSV)" />
              </header>
              <Figures label="Team figures">
                <Figure label="Readiness" value={<Compared baseline={baseline?.readiness} scenario={data.readiness} kind="percent" digits={1} />} term="readiness" />
                <Figure label="Readiness in 90 days" value={<Compared baseline={baseline?.forecastReadiness} scenario={data.forecastReadiness} kind="percent" digits={1} />} detail={`on ${formatDate(data.forecastDate)} with no renewals`} term="readiness-90-days" />
                <Figure label="Members" value={data.members.length} />
                <Figure label="Single points of failure" value={<Compared baseline={baseline?.singlePointsOfFailure} scenario={spofs.length} kind="count" />} tone={spofs.length ? 'warn' : 'good'} term="single-point-of-failure" />
                <Figure label="Expiring in 90 days" value={<Compared baseline={baseline?.expiringCount} scenario={data.expiring.length} kind="count" />} term="expiring" />
              </Figures>

              <h2>Single points of failure</h2>
              {spofs.length === 0 ? (
                <p>Every critical skill of this team is held at the required level by at least two people.</p>
              ) : (
                <ul className="plain-list">
                  {spofs.map((skill) => (
                    <li key={skill.skill}>
                      <strong>{skill.skillName}</strong>: {skill.bench === 0 ? 'nobody' : `only ${skill.benchMemberNames.join(', ')}`} at level {skill.highestRequired} or above
                    </li>
                  ))}
                </ul>
              )}

              <h2>Skills</h2>
              <p className="muted">
                Lowest coverage first. <GlossaryLink term="coverage" /> <GlossaryLink term="people-ready-to-cover" />
              </p>
              {dropped.length ? <p>The what-if draft no longer requires: {dropped.map((skill) => skill.skillName).join(', ')}.</p> : null}
              <SortableTable caption="Coverage, gaps and people ready to cover per skill" columns={SKILL_COLUMNS} rows={requiredSkills} rowKey={(skill) => skill.skill} sortParam="skillsSort" defaultSort={{ column: 'coverage', direction: 'asc' }} />

              <h2>Members</h2>
              <p className="muted">Largest gaps first.</p>
              <SortableTable caption="Members with readiness and open gaps" columns={MEMBER_COLUMNS} rows={members} rowKey={(member) => member.id} sortParam="membersSort" defaultSort={{ column: 'gaps', direction: 'desc' }} />

              <CohortsSection team={team} />
              <BudgetBox team={team} />

              <h2>Expiring in the next 90 days</h2>
              {data.expiring.length === 0 ? (
                <p>No credential of this team expires in the next 90 days.</p>
              ) : (
                <SortableTable caption="Credentials expiring in the next 90 days" columns={EXPIRING_COLUMNS} rows={data.expiring} rowKey={(item) => `${item.employee}-${item.credential}-${item.issuedOn}`} sortParam="expiringSort" defaultSort={{ column: 'expires', direction: 'asc' }} />
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
