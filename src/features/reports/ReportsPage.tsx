// Reports (SPEC §5): the gap reports and the goals as CSV, scoped like the screen (team, role,
// skill category, weight). With no filter the gap report is byte for byte what `gapmap report` writes.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { gapmapQueries } from '../../api/queries';
import { useViewContext } from '../../components/useViewContext';
import { ExportButton } from '../../components/ExportButton';
import { formatDate } from '../../components/format';

export function ReportsPage() {
  const { persona, asOf, evidence } = useViewContext();
  const teams = useQuery(gapmapQueries.teams(persona, asOf, evidence));
  const roles = useQuery(gapmapQueries.roles(persona));
  const session = useQuery(gapmapQueries.session(persona));
  const [team, setTeam] = useState(persona.kind === 'manager' ? persona.team : '');
  const [role, setRole] = useState('');
  const [category, setCategory] = useState('');
  const [weight, setWeight] = useState('');
  const effectiveAsOf = asOf ?? session.data?.asOf ?? 'today';
  const categories = [...new Set(roles.data?.skills.map((skill) => skill.category) ?? [])].sort();
  const filters = { team: team || undefined, role: role || undefined, category: category || undefined, asOf, evidence };
  const suffix = [team, role, category, weight].filter(Boolean).join('-');
  return (
    <section aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">Reports</h1>
        <p className="subtitle">As of {formatDate(asOf ?? session.data?.asOf)}, as CSV for other systems or as an Excel workbook (its first sheet says which date, evidence, filters and scope made it). Text that a spreadsheet would run as a formula is neutralised.</p>
      </header>
      <div className="form-grid">
        <label htmlFor="report-team">Team</label>
        <select id="report-team" value={team} onChange={(event) => setTeam(event.target.value)}>
          {persona.kind !== 'manager' ? <option value="">Whole organisation</option> : null}
          {teams.data?.teams.map((item) => (
            <option key={item.team} value={item.team}>
              {item.team}
            </option>
          ))}
        </select>
        <label htmlFor="report-role">Role</label>
        <select id="report-role" value={role} onChange={(event) => setRole(event.target.value)}>
          <option value="">Every role</option>
          {roles.data?.roles.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
        <label htmlFor="report-category">Skill category</label>
        <select id="report-category" value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">All categories</option>
          {categories.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </select>
        <label htmlFor="report-weight">Weight (person report)</label>
        <select id="report-weight" value={weight} onChange={(event) => setWeight(event.target.value)}>
          <option value="">Any weight</option>
          <option value="critical">Critical</option>
          <option value="important">Important</option>
          <option value="nice-to-have">Nice to have</option>
        </select>
      </div>
      <h2>Gap report, one row per person and required skill</h2>
      <ExportButton persona={persona} path="/reports/gaps" params={{ ...filters, format: 'long', weight: weight || undefined }} fileName={`gap-report-long${suffix ? `-${suffix}` : ''}-${effectiveAsOf}.csv`} label="Download the gap report" />
      <h2>Team report, one row per team and skill</h2>
      <ExportButton persona={persona} path="/reports/gaps" params={{ ...filters, format: 'team' }} xlsxFormat="team-xlsx" fileName={`gap-report-team${suffix ? `-${suffix}` : ''}-${effectiveAsOf}.csv`} label="Download the team report" />
      <h2>Goals, with status and overdue flag</h2>
      <ExportButton persona={persona} path="/reports/goals" params={{ team: team || undefined, asOf, evidence }} fileName={`goals${team ? `-${team}` : ''}-${effectiveAsOf}.csv`} label="Download the goals" />
    </section>
  );
}
