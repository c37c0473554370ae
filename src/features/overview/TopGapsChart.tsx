import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewResponse } from '../../api/contract';

export function TopGapsChart({ gaps }: { gaps: OverviewResponse['topGaps'] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, gaps.length * 30 + 40)}>
      <BarChart accessibilityLayer={false} data={gaps} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="skillName" width={170} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => [value, 'weighted gap']} />
        <Bar dataKey="weightedGap" fill="#1d5f8a" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
