import { Link } from '@tanstack/react-router';
import type { TeamHeatmap } from '../../api/contract';
import { gapColour, textOnGap } from '../../components/heatmapScale';

export function TeamHeatmapTable({ data }: { data: TeamHeatmap }) {
  const width = data.skills.length;
  return (
    <>
      <div className="legend" role="img" aria-label="Legend: cells read effective level over required level; the darker the cell the larger the gap; ✓ met, ✗ gap; a dotted outline marks a level only assessed, not verified by a credential">
        <span>Gap</span>
        {[0, 1, 2, 3, 4].map((gap) => (
          <span key={gap} className="legend-swatch" style={{ background: gapColour(gap), color: textOnGap(gap) }}>
            {gap === 0 ? '✓ met' : `✗ ${gap}`}
          </span>
        ))}
        <span className="legend-swatch assessed-only">assessed only</span>
      </div>
      <div className="heatmap-scroll">
        <table className="heatmap">
          <caption className="visually-hidden">Effective level against required level per member and skill</caption>
          <thead>
            <tr>
              <th scope="col">Employee</th>
              {data.skills.map((skill) => (
                <th scope="col" key={skill.id} className="heatmap-skill">
                  <span>{skill.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.employees.map((employee, row) => (
              <tr key={employee.id}>
                <th scope="row">
                  <Link to="/employees/$employeeId" params={{ employeeId: employee.id }}>
                    {employee.name}
                  </Link>
                  <span className="muted row-role">{employee.roleName}</span>
                </th>
                {data.skills.map((skill, col) => {
                  const cell = row * width + col;
                  const required = data.required[cell] ?? 0;
                  const effective = data.effective[cell] ?? 0;
                  const verified = data.verified[cell] ?? 0;
                  if (required === 0) {
                    return (
                      <td key={skill.id} className="not-required" title={`${skill.name}: not required, level ${effective}`}>
                        {effective > 0 ? effective : ''}
                      </td>
                    );
                  }
                  const gap = Math.max(0, required - effective);
                  const assessedOnly = effective > verified;
                  return (
                    <td
                      key={skill.id}
                      className={assessedOnly ? 'assessed-only' : undefined}
                      style={{ background: gapColour(gap), color: textOnGap(gap) }}
                      title={`${employee.name}, ${skill.name}: level ${effective} of ${required} required${assessedOnly ? ' (assessed, not verified)' : ''}`}
                    >
                      {effective}/{required}
                      {gap === 0 ? ' ✓' : ' ✗'}
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
