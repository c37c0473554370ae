import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OverviewResponse } from '../../api/contract';

/** `baseline`: under a what-if draft, the same skills' weighted gap as stored, a grey bar above each of the draft's. */
export function TopGapsChart({ gaps, baseline, height }: { gaps: OverviewResponse['topGaps']; baseline?: NonNullable<OverviewResponse['baseline']>['topGaps']; height: number }) {
  const data = gaps.map((gap, index) => ({ ...gap, stored: baseline?.[index]?.weightedGap }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="skillName" width={170} tick={{ fontSize: 12 }} />
        <Tooltip />
        {/* The legend's words in the page's text colour (the grey of the stored bars is too light for text). */}
        {baseline ? <Legend formatter={(value) => <span style={{ color: 'var(--ink)' }}>{value}</span>} /> : null}
        {baseline ? <Bar dataKey="stored" name="as stored" fill="#a7b1bd" isAnimationActive={false} /> : null}
        <Bar dataKey="weightedGap" name={baseline ? 'with the draft' : 'weighted gap'} fill="#1d5f8a" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
