// Readiness at each month end as a line, drawn with plain elements: the line is an SVG stretched
// over the plot (its stroke keeps its width), the points and every label are positioned in
// percentages, so the chart fits any width without measuring anything. (recharts measured every
// label on its first render, the longest task of the page's start.) The numbers are in the table
// beside the chart; the chart itself is hidden from screen readers (ChartFrame).
import type { OverviewResponse } from '../../api/contract';
import { percentAlong, percentOf, shareDomain } from '../../components/chartScale';
import { formatDate, formatPercent } from '../../components/format';
import { ChartLegend } from './ChartLegend';

/** "Mar"; "Jan 2026" for January, and the year with the first month shown unless January follows at once. */
function monthLabel(points: OverviewResponse['trend'], index: number): string {
  const date = points[index]!.date;
  const [, monthName = date, year] = formatDate(date).split(' ');
  const january = date.slice(5, 7) === '01';
  const firstWithYear = index === 0 && points[1]?.date.slice(5, 7) !== '01';
  return january || firstWithYear ? `${monthName} ${year}` : monthName;
}

/** `baseline`: under a what-if draft, the same month ends as stored, drawn dashed beside the draft's line. */
export function TrendChart({ points, baseline, height }: { points: OverviewResponse['trend']; baseline?: OverviewResponse['trend']; height: number }) {
  const { low, high, ticks } = shareDomain([...points, ...(baseline ?? [])].map((point) => point.readiness));
  const x = (index: number) => (points.length === 1 ? 50 : percentOf(index, 0, points.length - 1));
  // In the SVG's own 0–100 square: y grows downwards.
  const y = (share: number) => 100 - percentOf(share, low, high);
  const line = (series: OverviewResponse['trend']) => series.map((point, index) => `${x(index)},${y(point.readiness)}`).join(' ');
  return (
    <div className="plain-chart line-chart" style={{ height }}>
      {baseline ? <ChartLegend entries={[{ label: 'as stored', kind: 'stored-line' }, { label: 'with the draft', kind: 'line' }]} /> : null}
      <div className="line-chart-plot">
        <div className="chart-y-axis">
          {ticks.map((tick) => (
            <span key={tick} style={{ bottom: percentAlong(tick, low, high) }}>
              {formatPercent(tick)}
            </span>
          ))}
        </div>
        <div className="line-chart-area">
          <div className="chart-grid-lines horizontal" aria-hidden="true">
            {ticks.map((tick) => (
              <span key={tick} style={{ bottom: percentAlong(tick, low, high) }} />
            ))}
          </div>
          <svg viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false">
            {baseline ? <polyline className="trend-line trend-line-stored" points={line(baseline)} /> : null}
            <polyline className="trend-line" points={line(points)} />
          </svg>
          {points.map((point, index) => (
            <span key={point.date} className="trend-point" style={{ left: `${x(index)}%`, bottom: percentAlong(point.readiness, low, high) }} title={`${formatDate(point.date)}: ${formatPercent(point.readiness, 1)}`} />
          ))}
        </div>
        <div className="chart-x-axis">
          {points.map((point, index) => (
            <span key={point.date} style={{ left: `${x(index)}%` }}>
              {monthLabel(points, index)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
