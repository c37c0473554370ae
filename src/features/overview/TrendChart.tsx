import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewResponse } from '../../api/contract';
import { formatPercent } from '../../components/format';

/** `baseline`: under a what-if draft, the same month ends as stored, drawn dashed beside the draft's line. */
export function TrendChart({ points, baseline }: { points: OverviewResponse['trend']; baseline?: OverviewResponse['trend'] }) {
  const data = points.map((point, index) => ({ month: point.date.slice(0, 7), readiness: point.readiness, stored: baseline?.[index]?.readiness }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        {/* Zoom to the data (in 5-point steps) so a year's movement is visible; the axis says where it starts. */}
        <YAxis domain={[(low: number) => Math.max(0, Math.floor((low - 0.05) * 20) / 20), (high: number) => Math.min(1, Math.ceil((high + 0.05) * 20) / 20)]} tickFormatter={(value: number) => formatPercent(value)} width={48} />
        <Tooltip formatter={(value, name) => [formatPercent(Number(value), 1), name]} />
        {baseline ? <Legend /> : null}
        {baseline ? <Line type="monotone" dataKey="stored" name="as stored" stroke="#55606e" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} /> : null}
        <Line type="monotone" dataKey="readiness" name={baseline ? 'with the draft' : 'readiness'} stroke="#1d5f8a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
