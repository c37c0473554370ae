// A team (SPEC §7): members and their readiness, skills with coverage, bench and single points of
// failure, expiring credentials and the 90-day forecast.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Figure, Figures } from '../../components/Figure';
import { formatDate, formatPercent } from '../../components/format';
import { CohortsSection } from './CohortsSection';
import { ExportButton } from '../../components/ExportButton';
import { BudgetBox } from './BudgetBox';

export function TeamPage() {
  const { team } = useParams({ from: '/teams/$team' });
  const { persona, asOf, evidence } = useViewContext();
  const detail = useQuery(gapmapQueries.team(persona, team, asOf, evidence));
  return (
    <section aria-labelledby="team-title">
      <header className="page-header">
        <h1 id="team-title">{team}</h1>
        <p className="subtitle no-print">
          <Link to="/heatmap" search={{ team }}>
            Open the team heatmap
          </Link>
        </p>
        <ExportButton persona={persona} path="/reports/gaps" params={{ format: 'long', team, asOf, evidence }} fileName={`gap-report-long-${team}-${asOf ?? 'today'}.csv`} label="Export this team's gap report (CSV)" />
      </header>
      <QueryState query={detail} label="Computing the team">
        {(data) => {
          const printedOn = <p className="print-only">Team report as of {formatDate(data.asOf)}, printed from Gapmap.</p>;
          const spofs = data.skills.filter((skill) => skill.singlePointOfFailure);
          const thinnest = [...data.skills].filter((skill) => skill.coverage !== null).sort((a, b) => (a.coverage ?? 0) - (b.coverage ?? 0) || b.weightedGap - a.weightedGap);
          return (
            <>
              {printedOn}
              <Figures label="Team figures">
                <Figure label="Readiness" value={formatPercent(data.readiness, 1)} />
                <Figure label="Readiness in 90 days" value={formatPercent(data.forecastReadiness, 1)} detail={`on ${formatDate(data.forecastDate)} with no renewals`} />
                <Figure label="Members" value={data.members.length} />
                <Figure label="Single points of failure" value={spofs.length} tone={spofs.length ? 'warn' : 'good'} />
                <Figure label="Expiring in 90 days" value={data.expiring.length} />
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

              <h2>Skills, thinnest first</h2>
              <table className="data-table">
                <caption className="visually-hidden">Coverage, gaps and bench per skill</caption>
                <thead>
                  <tr>
                    <th scope="col">Skill</th>
                    <th scope="col" className="numeric">Coverage</th>
                    <th scope="col" className="numeric">Met / required</th>
                    <th scope="col" className="numeric">Weighted gap</th>
                    <th scope="col" className="numeric">Bench</th>
                  </tr>
                </thead>
                <tbody>
                  {thinnest.map((skill) => (
                    <tr key={skill.skill}>
                      <th scope="row">
                        {skill.skillName}
                        {skill.critical ? <span className="tag">critical</span> : null}
                      </th>
                      <td className="numeric">{formatPercent(skill.coverage)}</td>
                      <td className="numeric">
                        {skill.metCount} / {skill.requiredCount}
                      </td>
                      <td className="numeric">{skill.weightedGap}</td>
                      <td className="numeric">{skill.bench}</td>
                    </tr>
                  ))}
                </tbody>
              </table>

              <h2>Members</h2>
              <table className="data-table">
                <caption className="visually-hidden">Members with readiness and open gaps</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col" className="numeric">Readiness</th>
                    <th scope="col" className="numeric">Gaps</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((member) => (
                    <tr key={member.id}>
                      <th scope="row">
                        <Link to="/employees/$employeeId" params={{ employeeId: member.id }}>
                          {member.name}
                        </Link>
                      </th>
                      <td>{member.roleName}</td>
                      <td className="numeric">{formatPercent(member.readiness, 1)}</td>
                      <td className="numeric">{member.gaps}</td>
                    </tr>
                  ))}
                </tbody>
              </table>

              <CohortsSection team={team} />
              <BudgetBox team={team} />

              <h2>Expiring in the next 90 days</h2>
              {data.expiring.length === 0 ? (
                <p>No credential of this team expires in the next 90 days.</p>
              ) : (
                <table className="data-table">
                  <caption className="visually-hidden">Credentials expiring in the next 90 days</caption>
                  <thead>
                    <tr>
                      <th scope="col">Expires</th>
                      <th scope="col">Employee</th>
                      <th scope="col">Credential</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.expiring.map((item) => (
                      <tr key={`${item.employee}-${item.credential}-${item.issuedOn}`}>
                        <td>{formatDate(item.expiresOn)}</td>
                        <th scope="row">{item.employeeName}</th>
                        <td>{item.credentialName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
