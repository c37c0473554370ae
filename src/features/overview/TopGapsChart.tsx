// The top gaps as horizontal bars, drawn with plain elements: a bar's length is its weighted gap's
// share of the axis. (recharts measured every label and axis on its first render, the longest task
// of the page's start; these bars cost the browser no more than a short list.) The numbers are in
// the table beside the chart; the chart itself is hidden from screen readers (ChartFrame).
import type { OverviewResponse } from '../../api/contract';
import { countTicks, percentAlong } from '../../components/chartScale';
import { formatCount } from '../../components/format';
import { ChartLegend } from './ChartLegend';

/** `baseline`: under a what-if draft, the same skills' weighted gap as stored, a grey bar above each of the draft's. */
export function TopGapsChart({ gaps, baseline, height }: { gaps: OverviewResponse['topGaps']; baseline?: NonNullable<OverviewResponse['baseline']>['topGaps']; height: number }) {
  const ticks = countTicks(Math.max(0, ...gaps.map((gap) => gap.weightedGap), ...(baseline ?? []).map((gap) => gap.weightedGap)));
  const end = ticks.at(-1)!;
  return (
    <div className="plain-chart bar-chart" style={{ height }}>
      {baseline ? <ChartLegend entries={[{ label: 'as stored', kind: 'stored-bar' }, { label: 'with the draft', kind: 'bar' }]} /> : null}
      <div className="bar-chart-body">
        <div className="bar-labels">
          {gaps.map((gap) => (
            <span key={gap.skill} title={gap.skillName}>
              <span>{gap.skillName}</span>
            </span>
          ))}
          <span className="axis-spacer" />
        </div>
        <div className="bar-plot">
          <div className="bar-area">
            <div className="chart-grid-lines">
              {ticks.map((tick) => (
                <span key={tick} style={{ left: percentAlong(tick, 0, end) }} />
              ))}
            </div>
            {gaps.map((gap, index) => {
              const stored = baseline?.[index]?.weightedGap;
              return (
                <div className="bar-track" key={gap.skill}>
                  {stored !== undefined ? <span className="bar bar-stored" style={{ width: percentAlong(stored, 0, end) }} title={`${gap.skillName}, as stored: ${formatCount(stored)}`} /> : null}
                  <span className="bar" style={{ width: percentAlong(gap.weightedGap, 0, end) }} title={`${gap.skillName}: ${formatCount(gap.weightedGap)}`} />
                </div>
              );
            })}
          </div>
          <div className="chart-axis">
            {ticks.map((tick) => (
              <span key={tick} style={{ left: percentAlong(tick, 0, end) }}>
                {formatCount(tick)}
              </span>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
