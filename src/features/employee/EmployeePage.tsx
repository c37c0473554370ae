// An employee (SPEC §7): requirements met or unmet with their evidence, credentials held
// (current, implied stacks, expired), goals and interests.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { Compared } from '../../components/Compared';
import { formatDate, goalStatusLabel, wordLabel } from '../../components/format';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import { PrintHeader } from '../../components/PrintHeader';
import type { EmployeeDetail } from '../../api/contract';
import type { REQUIREMENTS_SORT_KEYS } from './search';
import { levelName } from '../../domain/levels';
import { PathwaySection } from './PathwaySection';

const VERIFICATION_MARK: Record<string, string> = { verified: '✓', failed: '✗', unverified: '?' };

/**
 * An award's verification in words and a mark, never by colour alone; the reason is read out and
 * shown for failed and unverified awards (for verified ones it is the tag's title: what was checked).
 */
function VerificationTag({ status, reason }: { status: string; reason: string | undefined }) {
  return (
    <>
      <span className={status === 'failed' ? 'tag tag-bad' : 'tag'} title={reason}>
        <span aria-hidden="true">{VERIFICATION_MARK[status] ?? ''} </span>
        {status}
      </span>
      {reason && status !== 'verified' ? <span className="muted"> — {reason}</span> : null}
      {reason && status === 'verified' ? <span className="visually-hidden"> ({reason})</span> : null}
    </>
  );
}

const WEIGHT_ORDER: Record<string, number> = { critical: 3, important: 2, 'nice-to-have': 1 };

type StoredRequirement = NonNullable<EmployeeDetail['baseline']>['requirements'][number];
/** A requirement with the same one on the stored organisation while a what-if draft is named (null: not required there). */
type RequirementRow = EmployeeDetail['requirements'][number] & { baseline?: StoredRequirement | null };

/** "Important → Critical" when a what-if draft changed it, else the draft's (or stored) word. */
function weightCell(requirement: RequirementRow): string {
  const now = wordLabel(requirement.weight);
  if (requirement.baseline === undefined || requirement.baseline?.weight === requirement.weight) return now;
  return `${requirement.baseline ? wordLabel(requirement.baseline.weight) : 'not required'} → ${now}`;
}

const REQUIREMENT_COLUMNS: SortableColumn<RequirementRow, (typeof REQUIREMENTS_SORT_KEYS)[number]>[] = [
  { key: 'skill', label: 'Skill', rowHeader: true, value: (requirement) => requirement.skillName },
  { key: 'weight', label: 'Weight', firstDirection: 'desc', value: (requirement) => WEIGHT_ORDER[requirement.weight] ?? 0, cell: weightCell },
  { key: 'required', label: 'Required', numeric: true, firstDirection: 'desc', value: (requirement) => requirement.required, cell: (requirement) => <Compared baseline={requirement.baseline === undefined ? undefined : (requirement.baseline?.required ?? 0)} scenario={requirement.required} kind="count" /> },
  { key: 'verified', label: 'Verified', numeric: true, firstDirection: 'desc', value: (requirement) => requirement.verified, cell: (requirement) => <span title={requirement.verifiedBy.join(', ')}>{requirement.verified}</span> },
  { key: 'assessed', label: 'Assessed', numeric: true, firstDirection: 'desc', value: (requirement) => requirement.assessed },
  {
    key: 'effective',
    label: 'Effective',
    numeric: true,
    firstDirection: 'desc',
    value: (requirement) => requirement.effective,
    cell: (requirement) => (
      <>
        {requirement.effective} <span className="muted">({levelName(requirement.effective)})</span>
      </>
    ),
  },
  {
    key: 'gap',
    label: 'Status',
    firstDirection: 'desc',
    value: (requirement) => requirement.weightedGap,
    cell: (requirement) => {
      const status = (met: boolean, gap: number) => (met ? '✓ met' : `✗ gap of ${gap}`);
      const now = status(requirement.met, requirement.gap);
      const { baseline } = requirement;
      if (baseline === undefined) return now;
      const before = baseline ? status(baseline.met, baseline.gap) : 'not required';
      return before === now ? now : `${now} (as stored: ${before})`;
    },
  },
];

export function EmployeePage() {
  const { employeeId } = useParams({ from: '/employees/$employeeId' });
  const { persona, asOf, evidence } = useViewContext();
  const detail = useQuery(gapmapQueries.employee(persona, employeeId, asOf, evidence));
  return (
    <section aria-labelledby="employee-title">
      <QueryState query={detail} label="Loading the employee" page={`employee with id “${employeeId}”`}>
        {(data) => {
          const unmet = data.requirements.filter((requirement) => !requirement.met);
          const { baseline } = data;
          // Under a what-if draft each requirement carries its stored counterpart (joined by skill, nothing computed).
          const storedRequirement = new Map(baseline?.requirements.map((requirement) => [requirement.skill, requirement]));
          const requirements: RequirementRow[] = baseline ? data.requirements.map((requirement) => ({ ...requirement, baseline: storedRequirement.get(requirement.skill) ?? null })) : data.requirements;
          const dropped = baseline ? baseline.requirements.filter((requirement) => !data.requirements.some((now) => now.skill === requirement.skill)) : [];
          const storedMet = baseline ? `${baseline.requirements.filter((requirement) => requirement.met).length} of ${baseline.requirements.length} → ` : '';
          return (
            <>
              <header className="page-header">
                <h1 id="employee-title">{data.employee.name}</h1>
                <PrintHeader title={`Skills of ${data.employee.name}`} asOf={data.asOf} evidence={evidence} />
                <p className="subtitle">
                  {data.roleName} in{' '}
                  <Link to="/teams/$team" params={{ team: data.employee.team }}>
                    {data.employee.team}
                  </Link>
                  {data.employee.location ? ` · ${data.employee.location}` : ''}
                  {data.managerName ? ` · reports to ${data.managerName}` : ''} · as of {formatDate(data.asOf)}
                </p>
              </header>
              <Figures label="Employee figures">
                <Figure label="Readiness" value={<Compared baseline={baseline?.readiness} scenario={data.readiness} kind="percent" digits={1} />} term="readiness" />
                <Figure label="Requirements met" value={`${storedMet}${data.requirements.length - unmet.length} of ${data.requirements.length}`} />
                <Figure label="Credentials held" value={data.held.length} />
              </Figures>

              <h2>Requirements of the role</h2>
              <p className="muted">
                Gaps first. <GlossaryLink term="effective-level" />
              </p>
              {dropped.length ? <p>The what-if draft no longer requires: {dropped.map((requirement) => `${requirement.skillName} (level ${requirement.required})`).join(', ')}.</p> : null}
              <SortableTable caption="Required, verified, assessed and effective level per skill" columns={REQUIREMENT_COLUMNS} rows={requirements} rowKey={(requirement) => requirement.skill} sortParam="sort" defaultSort={{ column: 'gap', direction: 'desc' }} rowClassName={(requirement) => (requirement.met ? undefined : 'row-gap')} />

              <PathwaySection employee={data.employee} />

              <h2>Credentials held</h2>
              {data.held.length === 0 ? (
                <p>No current credential.</p>
              ) : (
                <ul className="plain-list">
                  {data.held.map((held) => (
                    <li key={held.credentialId}>
                      <strong>{held.name}</strong>{' '}
                      {held.via === 'implied' ? <span className="tag">certificate earned: all its parts held</span> : <span className="muted">issued {formatDate(held.issuedOn)}</span>}
                      {held.expiresOn ? <span className="muted"> · expires {formatDate(held.expiresOn)}</span> : null}
                      {held.verification ? <VerificationTag status={held.verification} reason={held.verificationReason} /> : null}
                    </li>
                  ))}
                </ul>
              )}
              {data.expiredAwards.length > 0 ? (
                <>
                  <h3>Expired</h3>
                  <ul className="plain-list">
                    {data.expiredAwards.map((award) => (
                      <li key={`${award.credential}-${award.issuedOn}`}>
                        {award.credentialName} <span className="muted">issued {formatDate(award.issuedOn)}</span>
                        <VerificationTag status={award.verification} reason={award.verificationReason} />
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}

              <h2>Goals</h2>
              {data.goals.length === 0 ? (
                <p>No credential goal assigned.</p>
              ) : (
                <ul className="plain-list">
                  {data.goals.map((goal) => (
                    <li key={goal.goal.id}>
                      <strong>{goal.credentialName}</strong> — due {formatDate(goal.goal.dueOn)} · {goalStatusLabel(goal.status)}
                      {goal.overdue ? <span className="tag tag-bad">overdue</span> : null}
                      {goal.completedOn ? <span className="muted"> · completed {formatDate(goal.completedOn)}</span> : null}
                    </li>
                  ))}
                </ul>
              )}

              <h2>Interests</h2>
              <p>{data.interests.length === 0 ? 'No learning interest recorded.' : data.interests.map((skill) => skill.name).join(', ')}</p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
