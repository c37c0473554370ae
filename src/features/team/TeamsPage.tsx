// Every team the persona may see, with readiness and single points of failure.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { formatPercent } from '../../components/format';

export function TeamsPage() {
  const { persona, asOf, evidence } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf, evidence));
  return (
    <section aria-labelledby="teams-title">
      <header className="page-header">
        <h1 id="teams-title">Teams</h1>
      </header>
      <QueryState query={teams} label="Loading teams">
        {(data) => (
          <table className="data-table">
            <caption className="visually-hidden">Teams with readiness and single points of failure</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="numeric">Members</th>
                <th scope="col" className="numeric">Readiness</th>
                <th scope="col" className="numeric">Single points of failure</th>
              </tr>
            </thead>
            <tbody>
              {data.teams.map((team) => (
                <tr key={team.team}>
                  <th scope="row">
                    <Link to="/teams/$team" params={{ team: team.team }}>
                      {team.team}
                    </Link>
                  </th>
                  <td className="numeric">{team.members}</td>
                  <td className="numeric">{formatPercent(team.readiness, 1)}</td>
                  <td className="numeric">{team.singlePointsOfFailure}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </QueryState>
    </section>
  );
}
