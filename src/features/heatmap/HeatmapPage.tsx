// Heatmap (SPEC §7): the organisation as teams × skills coloured by coverage, or one team as
// employees × skills coloured by gap, in one colour language (stronger = more missing). Every
// filter, sort, the team and the cell that opened a page live in the URL, so Back restores focus.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { gapmapQueries } from '../../api/queries';
import type { TeamHeatmap } from '../../api/contract';
import { coverageShare, type OrgHeatmapGrid } from '../../api/heatmapCells';
import { useViewContext } from '../../components/useViewContext';
import { PageProblem, QueryState } from '../../components/QueryState';
import { ApiError } from '../../api/client';
import { HeatmapLegend } from '../../components/HeatmapLegend';
import { PrintHeader } from '../../components/PrintHeader';
import { HeatmapGrid } from '../../components/HeatmapGrid';
import { useOptionsOnDemand } from '../../components/useOptionsOnDemand';
import { ExportButton } from '../../components/ExportButton';
import { coverageColour, gapColour, NOT_REQUIRED_MARK, textOnCoverage, textOnGap } from '../../components/heatmapScale';
import { comparedText, comparedWords } from '../../components/Compared';
import { categoryLabel, formatPercent, wordLabel } from '../../components/format';
import { orgGridView, teamGridView } from './heatmapModel';
import type { HeatmapSearch } from './search';

export function HeatmapPage() {
  const search = useSearch({ from: '/heatmap' });
  const navigate = useNavigate({ from: '/heatmap' });
  const { persona, asOf, evidence } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf, evidence));
  const session = useQuery(gapmapQueries.session(persona));
  const team = search.team ?? (persona.kind === 'manager' ? persona.team : undefined);
  // A filter change starts afresh: the remembered cell belongs to the view before it.
  const setSearch = (patch: Partial<HeatmapSearch>) => void navigate({ search: (previous) => ({ ...previous, focusRow: undefined, focusSkill: undefined, ...patch }) });
  // A manager sees the teams the server lists for them (on a server, several: granted and led).
  if (persona.kind === 'manager' && !(session.data ? session.data.teams.includes(team ?? '') : team === persona.team)) {
    return <PageProblem error={new ApiError(403, 'forbidden', 'another team')} what={`team called “${team}”`} />;
  }
  const filters = [team ? `team ${team}` : 'whole organisation', search.category && `skill category ${categoryLabel(search.category)}`, team && search.weight && `weight ${wordLabel(search.weight).toLowerCase()}`, team && search.role && `role ${search.role}`, search.sort && search.sort !== 'name' && `sorted by ${search.sort === 'gap' ? 'largest gap' : 'lowest coverage'}`];
  return (
    <section aria-labelledby="heatmap-title">
      <header className="page-header page-header-row">
        <h1 id="heatmap-title">{team ? `Heatmap — ${team}` : 'Heatmap — organisation'}</h1>
        <ExportButton
          persona={persona}
          path="/reports/gaps"
          params={{ format: team ? 'long' : 'team', team, role: team ? search.role : undefined, category: search.category, weight: team ? search.weight : undefined, asOf, evidence }}
          xlsxFormat={team ? 'xlsx' : 'team-xlsx'}
          fileName={`gap-report-${team ? `long-${team}` : 'team'}-${asOf ?? 'today'}.csv`}
          label={team ? 'Export what is shown (one row per person and skill)' : 'Export what is shown (one row per team and skill)'}
        />
      </header>
      <PrintHeader title={team ? `Heatmap of ${team}` : 'Heatmap of the organisation'} asOf={asOf ?? session.data?.asOf} evidence={evidence} filters={filters} />
      <p className="subtitle">
        {team
          ? 'Each cell reads the level a person has / the level their role requires: ✓ met, ✗ short; the stronger the colour, the more is missing. Arrow keys move between cells; Enter on a cell lists who lacks the skill, on a name opens the person.'
          : 'Each cell is the share of the people whose role requires the skill who meet it; the stronger the colour, the more people are short. Arrow keys move between cells; Enter on a cell lists who lacks the skill, on a team name opens the team.'}
      </p>
      <div className="toolbar">
        <TeamChooser teams={teams.data?.teams} team={team} wholeOrganisation={persona.kind !== 'manager'} onChange={(next) => setSearch({ team: next, role: undefined })} />
        <label htmlFor="heatmap-sort">Sort</label>
        <select id="heatmap-sort" value={search.sort ?? 'name'} onChange={(event) => setSearch({ sort: event.target.value === 'name' ? undefined : (event.target.value as HeatmapSearch['sort']) })}>
          <option value="name">By name</option>
          <option value="gap">Largest gap first</option>
          <option value="coverage">Lowest coverage first</option>
        </select>
        {team && persona.kind !== 'manager' ? (
          <Link from="/heatmap" to="/heatmap" search={(previous) => ({ ...previous, team: undefined, role: undefined })}>
            Back to the organisation
          </Link>
        ) : null}
      </div>
      {team ? <TeamHeatmapSection team={team} search={search} setSearch={setSearch} /> : <OrgHeatmapSection search={search} setSearch={setSearch} />}
    </section>
  );
}

/** The team chooser: a long list of teams is drawn when it is about to be used (useOptionsOnDemand). */
function TeamChooser({ teams, team, wholeOrganisation, onChange }: { teams: { team: string }[] | undefined; team: string | undefined; wholeOrganisation: boolean; onChange: (team: string | undefined) => void }) {
  const all = teams?.map((item) => item.team) ?? [];
  const { drawAll, triggers } = useOptionsOnDemand(all.length);
  const names = drawAll ? all : team ? [team] : [];
  return (
    <>
      <label htmlFor="heatmap-team">Team</label>
      <select id="heatmap-team" value={team ?? ''} {...triggers} onChange={(event) => onChange(event.target.value || undefined)}>
        {wholeOrganisation ? <option value="">Whole organisation (teams × skills)</option> : null}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </>
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
            {categoryLabel(category)}
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

function OrgGrid({ data, search, setSearch }: SectionProps & { data: OrgHeatmapGrid }) {
  const navigate = useNavigate({ from: '/heatmap' });
  const teamNames = data.teams.names;
  /** Remembers the opening cell in this entry (replace), then opens the team with focus on the skill. */
  const openTeam = async (team: string | undefined, skill?: string) => {
    if (!team) return;
    await navigate({ search: (previous) => ({ ...previous, focusRow: team, focusSkill: skill }), replace: true });
    await navigate({ search: (previous) => ({ ...previous, team, role: undefined, focusRow: undefined, focusSkill: skill }) });
  };
  /** Remembers the opening cell (replace), then lists who in the team lacks the skill. */
  const openSkillGaps = async (team: string | undefined, skill: string | undefined) => {
    if (!team || !skill) return;
    await navigate({ search: (previous) => ({ ...previous, focusRow: team, focusSkill: skill }), replace: true });
    await navigate({ to: '/teams/$team/skills/$skill', params: { team, skill } });
  };
  const view = useMemo(() => orgGridView(data, search), [data, search]);
  const categories = useMemo(() => [...new Set(data.skills.map((skill) => skill.category))].sort(), [data]);
  const width = data.skills.length;
  const rows = useMemo(() => view.rows.map((index) => ({ id: teamNames[index] ?? String(index), label: teamNames[index] ?? '' })), [view, teamNames]);
  // Only the rows drawn need their line of figures. Under a what-if draft: the stored readiness → the draft's.
  const rowSublabel = (row: number) => {
    const index = view.rows[row] ?? 0;
    return `${data.teams.members[index] ?? 0} people · readiness ${comparedText(data.teams.baselineReadiness?.[index], data.teams.readiness[index] ?? null, 'percent')}`;
  };
  const columns = view.columns.map((index) => ({ id: data.skills[index]?.id ?? String(index), label: data.skills[index]?.name ?? '' }));
  return (
    <>
      <div className="toolbar">
        <CategoryFilter categories={categories} value={search.category} onChange={(category) => setSearch({ category })} />
        <HeatmapLegend kind="coverage" />
      </div>
      <p className="muted" role="status">
        {rows.length} teams × {columns.length} skills
        {data.baselineCoverage ? ' · what-if draft: Δ marks a cell the draft changes; its description says what it was' : ''}
      </p>
      <HeatmapGrid
        label="Coverage per team and skill"
        rowHeaderLabel="Team"
        rows={rows}
        rowSublabel={rowSublabel}
        columns={columns}
        cell={(row, col) => {
          const teamIndex = view.rows[row] ?? 0;
          const skillIndex = view.columns[col] ?? 0;
          const at = teamIndex * width + skillIndex;
          // Cells are decoded here, for the cells drawn only (src/api/heatmapCells.ts).
          const coverage = coverageShare(data.coverage[at]);
          const required = data.required[at] ?? 0;
          const team = teamNames[teamIndex] ?? '';
          const skill = data.skills[skillIndex]?.name ?? '';
          // Under a what-if draft a cell the draft changes is marked Δ and says what it was.
          const baseline = data.baselineCoverage ? coverageShare(data.baselineCoverage[at]) : undefined;
          const changed = baseline !== undefined && baseline !== coverage;
          const text = coverage === null ? NOT_REQUIRED_MARK : coverage === 1 ? '✓ 100%' : formatPercent(coverage);
          const description = coverage === null ? `${team}, ${skill}: no role in the team requires it` : `${team}, ${skill}: ${formatPercent(coverage)} of ${required} people who need it meet the level`;
          return {
            text: changed ? `Δ ${text}` : text,
            background: coverageColour(coverage),
            color: textOnCoverage(coverage),
            description: changed ? `${description}; what-if ${comparedWords(baseline, coverage, 'percent')}${baseline === null ? ' (not required as stored)' : ''}` : description,
            className: coverage === null ? 'not-required' : undefined,
          };
        }}
        focusOn={search.focusRow ? { rowId: search.focusRow, columnId: search.focusSkill } : undefined}
        onActivateCell={(row, col) => void openSkillGaps(teamNames[view.rows[row] ?? 0], columns[col]?.id)}
        onActivateRow={(row) => void openTeam(teamNames[view.rows[row] ?? 0])}
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
  /** Remembers the opening cell in this entry (replace), so Back lands on it, then opens the person. */
  const openEmployee = async (row: number, skill?: string) => {
    const employee = data.employees[view.rows[row] ?? 0];
    if (!employee) return;
    await navigate({ from: '/heatmap', to: '/heatmap', search: (previous) => ({ ...previous, focusRow: employee.id, focusSkill: skill }), replace: true });
    await navigate({ to: '/employees/$employeeId', params: { employeeId: employee.id } });
  };
  /** Remembers the opening cell (replace), then lists who in the team lacks the skill. */
  const openSkillGaps = async (row: number, skill: string | undefined) => {
    const employee = data.employees[view.rows[row] ?? 0];
    if (!employee || !skill) return;
    await navigate({ from: '/heatmap', to: '/heatmap', search: (previous) => ({ ...previous, focusRow: employee.id, focusSkill: skill }), replace: true });
    await navigate({ to: '/teams/$team/skills/$skill', params: { team: data.team, skill } });
  };
  // Arrived from the organisation heatmap by a skill's cell: the focus goes to that skill's column.
  const firstRowFocus = search.focusSkill && rows[0] ? { rowId: rows[0].id, columnId: search.focusSkill } : undefined;
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
      <HeatmapLegend kind="gap" />
      <p className="muted" role="status">
        {rows.length} people × {columns.length} skills
        {data.baseline ? ' · what-if draft: Δ marks a cell the draft changes; its description says what it was' : ''}
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
          // Under a what-if draft a cell the draft changes is marked Δ and says what it was.
          const stored = data.baseline ? { required: data.baseline.required[at] ?? 0, effective: data.baseline.effective[at] ?? 0, gap: data.baseline.gap[at] ?? 0 } : undefined;
          const changed = stored !== undefined && (stored.required !== required || stored.effective !== effective || stored.gap !== (data.gap[at] ?? 0));
          const mark = (text: string) => (changed ? `Δ ${text}` : text);
          const asStored = !changed ? '' : stored.required === 0 ? '; as stored: not required' : `; as stored: level ${stored.effective} of ${stored.required} required, ${stored.gap === 0 ? 'met' : `gap of ${stored.gap}`}`;
          if (required === 0) {
            return { text: mark(NOT_REQUIRED_MARK), background: 'transparent', color: '#55606e', className: 'not-required', description: `${name}, ${skill}: not required by the role${effective > 0 ? `, has level ${effective}` : ''}${asStored}` };
          }
          const gap = data.gap[at] ?? 0;
          const assessedOnly = effective > verified;
          return {
            text: mark(`${effective}/${required}${assessedOnly ? '*' : ''} ${gap === 0 ? '✓' : '✗'}`),
            background: gapColour(gap),
            color: textOnGap(gap),
            className: assessedOnly ? 'assessed-only' : undefined,
            description: `${name}, ${skill}: level ${effective} of ${required} required, ${gap === 0 ? 'met' : `gap of ${gap}`}${assessedOnly ? ' (assessed, not verified by a credential)' : verified > 0 ? ' (verified by a credential)' : ''}${asStored}`,
          };
        }}
        focusOn={search.focusRow ? { rowId: search.focusRow, columnId: search.focusSkill } : firstRowFocus}
        onActivateCell={(row, col) => void openSkillGaps(row, columns[col]?.id)}
        onActivateRow={(row) => void openEmployee(row)}
      />
    </>
  );
}
