import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TeamGoalCounts {
  team: string;
  completed: number;
  open: number;
  overdue: number;
}

/** Completed, open and overdue goals per team; the pattern fills keep the series apart without colour. */
export function GoalCompletionChart({ counts }: { counts: TeamGoalCounts[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(220, counts.length * 28 + 60)}>
      <BarChart accessibilityLayer={false} data={counts} layout="vertical" margin={{ left: 8, right: 24, top: 8, bottom: 8 }}>
        <defs>
          <pattern id="overdue-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#b3261e" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2" />
          </pattern>
        </defs>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="team" width={180} tick={{ fontSize: 12 }} />
        <Tooltip />
        {/* Legend text in ink, not the series colour: the light series would be unreadable. */}
        <Legend formatter={(value: string) => <span style={{ color: '#14213d' }}>{value}</span>} />
        <Bar dataKey="completed" name="Completed" stackId="goals" fill="#1d5f8a" isAnimationActive={false} />
        <Bar dataKey="open" name="Open, on time" stackId="goals" fill="#a8c6dc" isAnimationActive={false} />
        <Bar dataKey="overdue" name="Overdue" stackId="goals" fill="url(#overdue-hatch)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
