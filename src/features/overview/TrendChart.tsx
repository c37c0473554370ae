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
        <YAxis domain={[0, 1]} tickFormatter={(value: number) => formatPercent(value)} width={48} />
        <Tooltip formatter={(value) => [formatPercent(Number(value), 1), 'readiness']} />
        <Line type="monotone" dataKey="readiness" stroke="#1d5f8a" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
