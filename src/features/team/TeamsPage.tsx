// Every team the persona may see, with readiness and single points of failure; sortable.
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { TeamList } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Compared } from '../../components/Compared';
import { SortableTable, type SortableColumn } from '../../components/SortableTable';
import { GlossaryLink } from '../../components/GlossaryLink';
import type { TEAMS_SORT_KEYS } from './search';

type TeamRow = TeamList['teams'][number];

const COLUMNS: SortableColumn<TeamRow, (typeof TEAMS_SORT_KEYS)[number]>[] = [
  {
    key: 'team',
    label: 'Team',
    rowHeader: true,
    value: (team) => team.team,
    cell: (team) => (
      <Link to="/teams/$team" params={{ team: team.team }}>
        {team.team}
      </Link>
    ),
  },
  { key: 'members', label: 'Members', numeric: true, firstDirection: 'desc', value: (team) => team.members },
  // Under a what-if draft, each figure shows the stored value → the draft's, and the difference.
  { key: 'readiness', label: 'Readiness', numeric: true, value: (team) => team.readiness, cell: (team) => <Compared baseline={team.baseline?.readiness} scenario={team.readiness} kind="percent" digits={1} /> },
  { key: 'spofs', label: 'Single points of failure', numeric: true, firstDirection: 'desc', value: (team) => team.singlePointsOfFailure, cell: (team) => <Compared baseline={team.baseline?.singlePointsOfFailure} scenario={team.singlePointsOfFailure} kind="count" /> },
];

export function TeamsPage() {
  const { persona, asOf, evidence } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf, evidence));
  return (
    <section aria-labelledby="teams-title">
      <header className="page-header">
        <h1 id="teams-title">Teams</h1>
        <p className="subtitle">
          <GlossaryLink term="readiness">What readiness means</GlossaryLink> · <GlossaryLink term="single-point-of-failure">What a single point of failure is</GlossaryLink>
        </p>
      </header>
      <QueryState query={teams} label="Loading teams">
        {(data) => <SortableTable caption="Teams with readiness and single points of failure" columns={COLUMNS} rows={data.teams} rowKey={(team) => team.team} sortParam="sort" defaultSort={{ column: 'team', direction: 'asc' }} />}
      </QueryState>
    </section>
  );
}
