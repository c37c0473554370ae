import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { OrgHeatmap } from '../../api/contract';
import { coverageColour, COVERAGE_LEGEND, textOnCoverage } from '../../components/heatmapScale';
import { formatPercent } from '../../components/format';

export function OrgHeatmapTable({ data }: { data: OrgHeatmap }) {
  const search = useSearch({ from: '/heatmap' });
  const navigate = useNavigate({ from: '/heatmap' });
  const categories = [...new Set(data.skills.map((skill) => skill.category))].sort();
  const columns = data.skills.map((skill, index) => ({ skill, index })).filter(({ skill }) => !search.category || skill.category === search.category);
  const width = data.skills.length;
  return (
    <>
      <div className="toolbar">
        <label htmlFor="heatmap-category">Skill category</label>
        <select id="heatmap-category" value={search.category ?? ''} onChange={(event) => void navigate({ search: (previous) => ({ ...previous, category: event.target.value || undefined }) })}>
          <option value="">All categories</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
        <CoverageLegend />
      </div>
      <div className="heatmap-scroll">
        <table className="heatmap">
          <caption className="visually-hidden">Coverage per team and skill: the share of people whose role requires the skill who meet the level</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              {columns.map(({ skill }) => (
                <th scope="col" key={skill.id} className="heatmap-skill">
                  <span>{skill.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.teams.map((team, row) => (
              <tr key={team.team}>
                <th scope="row">
                  <Link to="/heatmap" search={(previous) => ({ ...previous, team: team.team })}>
                    {team.team}
                  </Link>
                </th>
                {columns.map(({ skill, index }) => {
                  const coverage = data.coverage[row * width + index] ?? null;
                  return (
                    <td key={skill.id} style={{ background: coverageColour(coverage), color: textOnCoverage(coverage) }} title={`${team.team}, ${skill.name}: ${coverage === null ? 'not required' : formatPercent(coverage)}`}>
                      {coverage === null ? '' : formatPercent(coverage)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function CoverageLegend() {
  return (
    <div className="legend" role="img" aria-label="Legend: light yellow is low coverage, dark purple is full coverage; blank means no role in the team requires the skill">
      <span>Coverage</span>
      {COVERAGE_LEGEND.map((share) => (
        <span key={share} className="legend-swatch" style={{ background: coverageColour(share), color: textOnCoverage(share) }}>
          {formatPercent(share)}
        </span>
      ))}
      <span className="muted">blank: not required</span>
    </div>
  );
}
