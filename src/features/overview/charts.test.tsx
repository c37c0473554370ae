// @vitest-environment jsdom
// The Overview's charts draw each figure to scale against their axis (values from a fixture; the
// axis ends and positions worked out by hand). Each mark is found by the tooltip it carries.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { TopGapsChart } from './TopGapsChart';
import { TrendChart } from './TrendChart';


const gaps = [
  { skill: 'pres', skillName: 'Presentation skills', weightedGap: 312, peopleWithGap: 40 },
  { skill: 'neg', skillName: 'Negotiation', weightedGap: 100, peopleWithGap: 12 },
];

describe('TopGapsChart', () => {
  it('draws a bar per gap, its length its share of an axis from 0 to 400 in steps of 100', () => {
    render(<TopGapsChart gaps={gaps} height={200} />);
    expect(screen.getByTitle('Presentation skills: 312')).toHaveStyle({ width: '78%' });
    expect(screen.getByTitle('Negotiation: 100')).toHaveStyle({ width: '25%' });
    for (const tick of ['0', '100', '200', '300', '400']) expect(screen.getByText(tick)).toBeInTheDocument();
    expect(screen.queryByText('as stored')).toBeNull();
  });

  it('under a what-if draft, draws the stored gap beside the draft’s and names both in the legend', () => {
    render(<TopGapsChart gaps={gaps} baseline={[{ skill: 'pres', weightedGap: 200, peopleWithGap: 30 }, { skill: 'neg', weightedGap: 100, peopleWithGap: 12 }]} height={200} />);
    expect(screen.getByTitle('Presentation skills, as stored: 200')).toHaveStyle({ width: '50%' });
    expect(screen.getByTitle('Presentation skills: 312')).toHaveStyle({ width: '78%' });
    expect(screen.getByText('as stored')).toBeInTheDocument();
    expect(screen.getByText('with the draft')).toBeInTheDocument();
  });
});

describe('TrendChart', () => {
  const points = [
    { date: '2025-12-31', readiness: 0.712 },
    { date: '2026-01-31', readiness: 0.75 },
    { date: '2026-02-28', readiness: 0.784 },
  ];

  it('places each month end along the line, on an axis zoomed from 65 % to 85 %', () => {
    render(<TrendChart points={points} height={260} />);
    // (71.2 − 65) / 20 = 31 %, (75 − 65) / 20 = 50 %, (78.4 − 65) / 20 = 67 %.
    const placed = ['31 Dec 2025: 71.2%', '31 Jan 2026: 75.0%', '28 Feb 2026: 78.4%'].map((title) => {
      const point = screen.getByTitle(title);
      return [point.style.left, Number.parseFloat(point.style.bottom).toFixed(1)];
    });
    expect(placed).toEqual([['0%', '31.0'], ['50%', '50.0'], ['100%', '67.0']]);
    for (const tick of ['65%', '70%', '75%', '80%', '85%']) expect(screen.getByText(tick)).toBeInTheDocument();
    for (const month of ['Dec', 'Jan 2026', 'Feb']) expect(screen.getByText(month)).toBeInTheDocument();
  });
});
