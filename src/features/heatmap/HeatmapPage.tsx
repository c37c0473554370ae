// Heatmap (SPEC §7): the organisation as teams × skills coloured by coverage, or one team as
// employees × skills coloured by gap. Filters live in the URL.
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { OrgHeatmapTable } from './OrgHeatmapTable';
import { TeamHeatmapTable } from './TeamHeatmapTable';

export function HeatmapPage() {
  const search = useSearch({ from: '/heatmap' });
  const navigate = useNavigate({ from: '/heatmap' });
  const { persona, asOf } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf));
  const team = search.team ?? (persona.kind === 'manager' ? persona.team : undefined);
  return (
    <section aria-labelledby="heatmap-title">
      <header className="page-header">
        <h1 id="heatmap-title">{team ? `Heatmap — ${team}` : 'Heatmap — organisation'}</h1>
        <p className="subtitle">
          {team ? 'Each cell: effective level / required level; the colour shows the gap.' : 'Each cell: share of the people whose role requires the skill who meet it.'}
        </p>
      </header>
      <div className="toolbar">
        <label htmlFor="heatmap-team">Team</label>
        <select
          id="heatmap-team"
          value={team ?? ''}
          onChange={(event) => void navigate({ search: (previous) => ({ ...previous, team: event.target.value || undefined }) })}
        >
          {persona.kind !== 'manager' ? <option value="">Whole organisation (teams × skills)</option> : null}
          {teams.data?.teams.map((item) => (
            <option key={item.team} value={item.team}>
              {item.team}
            </option>
          ))}
        </select>
        {team && persona.kind !== 'manager' ? (
          <Link to="/heatmap" search={(previous) => ({ ...previous, team: undefined })}>
            Back to the organisation
          </Link>
        ) : null}
      </div>
      {team ? <TeamHeatmapSection team={team} /> : <OrgHeatmapSection />}
    </section>
  );
}

function OrgHeatmapSection() {
  const { persona, asOf } = useViewContext();
  const heatmap = useQuery(gapmapQueries.orgHeatmap(persona, asOf));
  return <QueryState query={heatmap} label="Computing the heatmap">{(data) => <OrgHeatmapTable data={data} />}</QueryState>;
}

function TeamHeatmapSection({ team }: { team: string }) {
  const { persona, asOf } = useViewContext();
  const heatmap = useQuery(gapmapQueries.teamHeatmap(persona, team, asOf));
  return <QueryState query={heatmap} label="Computing the team heatmap">{(data) => <TeamHeatmapTable data={data} />}</QueryState>;
}
