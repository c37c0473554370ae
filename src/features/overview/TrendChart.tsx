import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewResponse } from '../../api/contract';
import { formatPercent } from '../../components/format';

export function TrendChart({ points }: { points: OverviewResponse['trend'] }) {
  const data = points.map((point) => ({ month: point.date.slice(0, 7), readiness: point.readiness }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        {/* Zoom to the data (in 5-point steps) so a year's movement is visible; the axis says where it starts. */}
        <YAxis domain={[(low: number) => Math.max(0, Math.floor((low - 0.05) * 20) / 20), (high: number) => Math.min(1, Math.ceil((high + 0.05) * 20) / 20)]} tickFormatter={(value: number) => formatPercent(value)} width={48} />
        <Tooltip formatter={(value) => [formatPercent(Number(value), 1), 'readiness']} />
        <Line type="monotone" dataKey="readiness" stroke="#1d5f8a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
