// A heatmap cell opened (issue 13 point 2): the people of a team short of one skill, with their
// current and required level and where the level comes from, and one action assigning a credential
// that grants the skill at the level needed to all or some of them (checkboxes, one POST /api/goals).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { listQueries } from '../../api/listQueries';
import { useViewContext } from '../../components/useViewContext';
import { QueryState } from '../../components/QueryState';
import { Compared } from '../../components/Compared';
import { formatDate } from '../../components/format';
import { AssignGoalForm } from '../../components/AssignGoalForm';
import { TableScroll } from './TableScroll';

function evidenceOf(person: { verified: number; assessed: number }): string {
  if (person.verified === 0 && person.assessed === 0) return 'none';
  if (person.verified >= person.assessed) return `credential (level ${person.verified})`;
  return `assessment (level ${person.assessed})`;
}

export function SkillGapsPage() {
  const { team, skill } = useParams({ from: '/teams/$team/skills/$skill' });
  const { persona, asOf, evidence } = useViewContext();
  const query = useQuery(listQueries.skillGaps(persona, team, skill, asOf, evidence));
  // Who is left out of the assignment; everyone is in until unticked.
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  return (
    <section aria-labelledby="skill-gaps-title">
      <QueryState query={query} label="Listing who lacks the skill">
        {(data) => {
          const chosen = data.people.filter((person) => !excluded.has(person.employee));
          const allChosen = chosen.length === data.people.length;
          // HR reads and exports; only managers and L&D assign goals.
          const mayAssign = persona.kind !== 'hr';
          return (
            <>
              <header className="page-header">
                <h1 id="skill-gaps-title">
                  {data.skill.name} in {data.team}
                </h1>
                <p className="subtitle">
                  <Compared baseline={data.baseline?.total} scenario={data.people.length} kind="count" /> {data.people.length === 1 ? 'person' : 'people'} below the level their role requires · as of {formatDate(data.asOf)} ·{' '}
                  <Link to="/teams/$team" params={{ team: data.team }}>the team</Link>
                </p>
              </header>
              {data.baseline && data.baseline.gone.length > 0 ? (
                // Under a what-if draft, those the draft no longer counts short: what the draft closes here.
                <p>
                  Short as stored, not under this draft:{' '}
                  {data.baseline.gone.map((person) => `${person.name} (has ${person.effective}, required ${person.required})`).join('; ')}.
                </p>
              ) : null}
              {data.people.length === 0 ? (
                <p>Everyone in {data.team} whose role requires {data.skill.name} meets it{data.baseline ? ' under this draft' : ''}.</p>
              ) : (
                <>
                  <TableScroll label={`People of ${data.team} short of ${data.skill.name}`}>
                    <table>
                      <caption className="visually-hidden">People of {data.team} short of {data.skill.name}</caption>
                      <thead>
                        <tr>
                          {mayAssign ? (
                            <th scope="col">
                              <input
                                type="checkbox"
                                aria-label="Choose everyone"
                                checked={allChosen}
                                onChange={() => setExcluded(allChosen ? new Set(data.people.map((person) => person.employee)) : new Set())}
                              />
                            </th>
                          ) : null}
                          <th scope="col">Person</th>
                          <th scope="col">Role</th>
                          <th scope="col">Weight</th>
                          <th scope="col" className="numeric">Has</th>
                          <th scope="col" className="numeric">Required</th>
                          <th scope="col" className="numeric">Gap</th>
                          <th scope="col">Evidence</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.people.map((person) => (
                          <tr key={person.employee}>
                            {mayAssign ? (
                              <td>
                                <input
                                  type="checkbox"
                                  aria-label={`Choose ${person.name}`}
                                  checked={!excluded.has(person.employee)}
                                  onChange={(event) => {
                                    const next = new Set(excluded);
                                    if (event.target.checked) next.delete(person.employee);
                                    else next.add(person.employee);
                                    setExcluded(next);
                                  }}
                                />
                              </td>
                            ) : null}
                            <th scope="row">
                              <Link to="/employees/$employeeId" params={{ employeeId: person.employee }}>{person.name}</Link>
                              {person.baseline === null ? <span className="tag">new in this draft</span> : null}
                            </th>
                            <td>{person.roleName}</td>
                            <td>{person.weight}</td>
                            <td className="numeric"><Compared baseline={person.baseline?.effective} scenario={person.effective} kind="count" /></td>
                            <td className="numeric"><Compared baseline={person.baseline?.required} scenario={person.required} kind="count" /></td>
                            <td className="numeric"><Compared baseline={person.baseline?.gap} scenario={person.gap} kind="count" /></td>
                            <td>{evidenceOf(person)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                  {mayAssign ? (
                    <>
                      <h2>Assign a credential</h2>
                      <p className="muted">Credentials that grant {data.skill.name} at a level someone here needs, cheapest first; each says the level it grants.</p>
                      {chosen.length === 0 ? (
                        <p>Tick the people to assign a credential to.</p>
                      ) : (
                        <AssignGoalForm
                          // A new selection starts a new form, so its announcement is about this one.
                          key={chosen.map((person) => person.employee).join(',')}
                          persona={persona}
                          people={chosen.map((person) => ({ id: person.employee, name: person.name, team: data.team }))}
                          credentials={data.credentials}
                          buttonLabel={`Assign to ${chosen.length === 1 ? chosen[0]?.name : `${chosen.length} people`}`}
                        />
                      )}
                    </>
                  ) : null}
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
