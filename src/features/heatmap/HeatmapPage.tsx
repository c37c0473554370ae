// Heatmap (SPEC §7): the organisation as teams × skills coloured by coverage, or one team as
// employees × skills coloured by gap. Every filter, sort and the team live in the URL.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { OrgHeatmap, TeamHeatmap } from '../../api/contract';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { HeatmapGrid } from '../../components/HeatmapGrid';
import { ExportButton } from '../../components/ExportButton';
import { coverageColour, COVERAGE_LEGEND, gapColour, textOnCoverage, textOnGap } from '../../components/heatmapScale';
import { formatPercent } from '../../components/format';
import { orgGridView, teamGridView } from './heatmapModel';
import type { HeatmapSearch } from './search';

export function HeatmapPage() {
  const search = useSearch({ from: '/heatmap' });
  const navigate = useNavigate({ from: '/heatmap' });
  const { persona, asOf, evidence } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf, evidence));
  const team = search.team ?? (persona.kind === 'manager' ? persona.team : undefined);
  const setSearch = (patch: Partial<HeatmapSearch>) => void navigate({ search: (previous) => ({ ...previous, ...patch }) });
  return (
    <section aria-labelledby="heatmap-title">
      <header className="page-header page-header-row">
        <h1 id="heatmap-title">{team ? `Heatmap — ${team}` : 'Heatmap — organisation'}</h1>
        <ExportButton
          persona={persona}
          path="/reports/gaps"
          params={{ format: team ? 'long' : 'team', team, role: team ? search.role : undefined, category: search.category, weight: team ? search.weight : undefined, asOf, evidence }}
          fileName={`gap-report-${team ? `long-${team}` : 'team'}-${asOf ?? 'today'}.csv`}
          label={team ? 'Export what is shown (one row per person and skill)' : 'Export what is shown (one row per team and skill)'}
        />
      </header>
      <p className="subtitle">
          {team
            ? 'Each cell reads effective level / required level; ✓ met, ✗ gap, the darker the larger the gap. Arrow keys move between cells; Enter on a cell lists who lacks the skill, on a name opens the person.'
            : 'Each cell is the share of the people whose role requires the skill who meet it. Arrow keys move between cells; Enter on a cell lists who lacks the skill, on a team name opens the team.'}
      </p>
      <div className="toolbar">
        <label htmlFor="heatmap-team">Team</label>
        <select id="heatmap-team" value={team ?? ''} onChange={(event) => setSearch({ team: event.target.value || undefined, role: undefined })}>
          {persona.kind !== 'manager' ? <option value="">Whole organisation (teams × skills)</option> : null}
          {teams.data?.teams.map((item) => (
            <option key={item.team} value={item.team}>
              {item.team}
            </option>
          ))}
        </select>
        <label htmlFor="heatmap-sort">Sort</label>
        <select id="heatmap-sort" value={search.sort ?? 'name'} onChange={(event) => setSearch({ sort: event.target.value === 'name' ? undefined : (event.target.value as HeatmapSearch['sort']) })}>
          <option value="name">By name</option>
          <option value="gap">Largest gap first</option>
          <option value="coverage">Lowest coverage first</option>
        </select>
        {team && persona.kind !== 'manager' ? (
          <Link to="/heatmap" search={(previous) => ({ ...previous, team: undefined, role: undefined })}>
            Back to the organisation
          </Link>
        ) : null}
      </div>
      {team ? <TeamHeatmapSection team={team} search={search} setSearch={setSearch} /> : <OrgHeatmapSection search={search} setSearch={setSearch} />}
    </section>
  );
}

interface SectionProps {
  search: HeatmapSearch;
  setSearch: (patch: Partial<HeatmapSearch>) => void;
}

function CategoryFilter({ categories, value, onChange }: { categories: string[]; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <>
      <label htmlFor="heatmap-category">Skill category</label>
      <select id="heatmap-category" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">All categories</option>
        {categories.map((category) => (
          <option key={category} value={category}>
            {category}
          </option>
        ))}
      </select>
    </>
  );
}

function OrgHeatmapSection({ search, setSearch }: SectionProps) {
  const { persona, asOf, evidence } = useViewContext();
  const heatmap = useQuery(gapmapQueries.orgHeatmap(persona, asOf, evidence));
  return <QueryState query={heatmap} label="Computing the heatmap">{(data) => <OrgGrid data={data} search={search} setSearch={setSearch} />}</QueryState>;
}

function OrgGrid({ data, search, setSearch }: SectionProps & { data: OrgHeatmap }) {
  const navigate = useNavigate();
  const view = useMemo(() => orgGridView(data, search), [data, search]);
  const categories = useMemo(() => [...new Set(data.skills.map((skill) => skill.category))].sort(), [data]);
  const width = data.skills.length;
  const rows = view.rows.map((index) => {
    const team = data.teams[index];
    return { id: team?.team ?? String(index), label: team?.team ?? '', sublabel: `${team?.members ?? 0} people · readiness ${formatPercent(team?.readiness)}` };
  });
  const columns = view.columns.map((index) => ({ id: data.skills[index]?.id ?? String(index), label: data.skills[index]?.name ?? '' }));
  return (
    <>
      <div className="toolbar">
        <CategoryFilter categories={categories} value={search.category} onChange={(category) => setSearch({ category })} />
        <div className="legend" role="img" aria-label="Legend: light yellow is low coverage, dark purple full coverage; a blank cell means no role in the team requires the skill">
          <span>Coverage</span>
          {COVERAGE_LEGEND.map((share) => (
            <span key={share} className="legend-swatch" style={{ background: coverageColour(share), color: textOnCoverage(share) }}>
              {formatPercent(share)}
            </span>
          ))}
          <span className="muted">blank: not required</span>
        </div>
      </div>
      <p className="muted" role="status">
        {rows.length} teams × {columns.length} skills
      </p>
      <HeatmapGrid
        label="Coverage per team and skill"
        rowHeaderLabel="Team"
        rows={rows}
        columns={columns}
        cell={(row, col) => {
          const teamIndex = view.rows[row] ?? 0;
          const skillIndex = view.columns[col] ?? 0;
          const coverage = data.coverage[teamIndex * width + skillIndex] ?? null;
          const required = data.required[teamIndex * width + skillIndex] ?? 0;
          const team = data.teams[teamIndex]?.team ?? '';
          const skill = data.skills[skillIndex]?.name ?? '';
          return {
            text: coverage === null ? '' : formatPercent(coverage),
            background: coverageColour(coverage),
            color: textOnCoverage(coverage),
            description: coverage === null ? `${team}, ${skill}: no role in the team requires it` : `${team}, ${skill}: ${formatPercent(coverage)} of ${required} people who need it meet the level`,
            className: coverage === null ? 'not-required' : undefined,
          };
        }}
        onActivateCell={(row, col) => {
          const team = data.teams[view.rows[row] ?? 0]?.team;
          const skill = data.skills[view.columns[col] ?? 0]?.id;
          if (team && skill) void navigate({ to: '/teams/$team/skills/$skill', params: { team, skill } });
        }}
        onActivateRow={(row) => setSearch({ team: data.teams[view.rows[row] ?? 0]?.team })}
      />
    </>
  );
}

function TeamHeatmapSection({ team, search, setSearch }: SectionProps & { team: string }) {
  const { persona, asOf, evidence } = useViewContext();
  const heatmap = useQuery(gapmapQueries.teamHeatmap(persona, team, asOf, evidence));
  return <QueryState query={heatmap} label="Computing the team heatmap">{(data) => <TeamGrid data={data} search={search} setSearch={setSearch} />}</QueryState>;
}

function TeamGrid({ data, search, setSearch }: SectionProps & { data: TeamHeatmap }) {
  const navigate = useNavigate();
  const view = useMemo(() => teamGridView(data, search), [data, search]);
  const categories = useMemo(() => [...new Set(data.skills.map((skill) => skill.category))].sort(), [data]);
  const roles = useMemo(() => [...new Map(data.employees.map((employee) => [employee.role, employee.roleName])).entries()].sort((a, b) => a[1].localeCompare(b[1])), [data]);
  const width = data.skills.length;
  const rows = view.rows.map((index) => {
    const employee = data.employees[index];
    return { id: employee?.id ?? String(index), label: employee?.name ?? '', sublabel: employee?.roleName };
  });
  const columns = view.columns.map((index) => ({ id: data.skills[index]?.id ?? String(index), label: data.skills[index]?.name ?? '' }));
  const openEmployee = (row: number) => {
    const employee = data.employees[view.rows[row] ?? 0];
    if (employee) void navigate({ to: '/employees/$employeeId', params: { employeeId: employee.id } });
  };
  return (
    <>
      <div className="toolbar">
        <CategoryFilter categories={categories} value={search.category} onChange={(category) => setSearch({ category })} />
        <label htmlFor="heatmap-weight">Weight</label>
        <select id="heatmap-weight" value={search.weight ?? ''} onChange={(event) => setSearch({ weight: (event.target.value || undefined) as HeatmapSearch['weight'] })}>
          <option value="">Any weight</option>
          <option value="critical">Critical</option>
          <option value="important">Important</option>
          <option value="nice-to-have">Nice to have</option>
        </select>
        <label htmlFor="heatmap-role">Role</label>
        <select id="heatmap-role" value={search.role ?? ''} onChange={(event) => setSearch({ role: event.target.value || undefined })}>
          <option value="">Every role</option>
          {roles.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="legend" role="img" aria-label="Legend: ✓ met; ✗ gap, darker cells have larger gaps; an asterisk and a dark frame mark a level that is only assessed, not verified by a credential; grey cells are not required by the person's role">
        <span>Gap</span>
        {[0, 1, 2, 3, 4].map((gap) => (
          <span key={gap} className="legend-swatch" style={{ background: gapColour(gap), color: textOnGap(gap) }}>
            {gap === 0 ? '✓ met' : `✗ ${gap}`}
          </span>
        ))}
        <span className="legend-swatch assessed-only">* assessed only</span>
        <span className="legend-swatch">grey: not required</span>
      </div>
      <p className="muted" role="status">
        {rows.length} people × {columns.length} skills
      </p>
      <HeatmapGrid
        label={`Effective against required level per person and skill in ${data.team}`}
        rowHeaderLabel="Person"
        rows={rows}
        columns={columns}
        cell={(row, col) => {
          const employeeIndex = view.rows[row] ?? 0;
          const skillIndex = view.columns[col] ?? 0;
          const at = employeeIndex * width + skillIndex;
          const required = data.required[at] ?? 0;
          const effective = data.effective[at] ?? 0;
          const verified = data.verified[at] ?? 0;
          const name = data.employees[employeeIndex]?.name ?? '';
          const skill = data.skills[skillIndex]?.name ?? '';
          if (required === 0) {
            return { text: effective > 0 ? String(effective) : '', background: '#fafbfc', color: '#55606e', className: 'not-required', description: `${name}, ${skill}: not required by the role${effective > 0 ? `, level ${effective}` : ''}` };
          }
          const gap = data.gap[at] ?? 0;
          const assessedOnly = effective > verified;
          return {
            text: `${effective}/${required}${assessedOnly ? '*' : ''} ${gap === 0 ? '✓' : '✗'}`,
            background: gapColour(gap),
            color: textOnGap(gap),
            className: assessedOnly ? 'assessed-only' : undefined,
            description: `${name}, ${skill}: level ${effective} of ${required} required, ${gap === 0 ? 'met' : `gap of ${gap}`}${assessedOnly ? ' (assessed, not verified by a credential)' : verified > 0 ? ' (verified by a credential)' : ''}`,
          };
        }}
        onActivateCell={(_row, col) => {
          const skill = data.skills[view.columns[col] ?? 0]?.id;
          if (skill) void navigate({ to: '/teams/$team/skills/$skill', params: { team: data.team, skill } });
        }}
        onActivateRow={openEmployee}
      />
    </>
  );
}
