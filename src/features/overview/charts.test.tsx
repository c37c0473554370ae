// @vitest-environment jsdom
// The Overview's charts draw each figure to scale against their axis (values from a fixture; the
// axis ends and positions worked out by hand).
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { TopGapsChart } from './TopGapsChart';
import { TrendChart } from './TrendChart';

const gaps = [
  { skill: 'pres', skillName: 'Presentation skills', weightedGap: 312, peopleWithGap: 40 },
  { skill: 'neg', skillName: 'Negotiation', weightedGap: 100, peopleWithGap: 12 },
];

describe('TopGapsChart', () => {
  it('draws a bar per gap, its length its share of an axis from 0 to 400 in steps of 100', () => {
    const { container } = render(<TopGapsChart gaps={gaps} height={200} />);
    const bars = [...container.querySelectorAll<HTMLElement>('.bar')];
    expect(bars.map((bar) => bar.style.width)).toEqual(['78%', '25%']);
    expect([...container.querySelectorAll('.chart-axis span')].map((tick) => tick.textContent)).toEqual(['0', '100', '200', '300', '400']);
    expect(container.querySelector('.chart-legend')).toBeNull();
  });

  it('under a what-if draft, draws the stored gap beside the draft’s and names both in the legend', () => {
    const { container } = render(<TopGapsChart gaps={gaps} baseline={[{ skill: 'pres', weightedGap: 200, peopleWithGap: 30 }, { skill: 'neg', weightedGap: 100, peopleWithGap: 12 }]} height={200} />);
    expect([...container.querySelectorAll<HTMLElement>('.bar-stored')].map((bar) => bar.style.width)).toEqual(['50%', '25%']);
    expect([...container.querySelectorAll('.chart-legend li')].map((entry) => entry.textContent)).toEqual(['as stored', 'with the draft']);
  });
});

describe('TrendChart', () => {
  const points = [
    { date: '2025-12-31', readiness: 0.712 },
    { date: '2026-01-31', readiness: 0.75 },
    { date: '2026-02-28', readiness: 0.784 },
  ];

  it('places each month end along the line, on an axis zoomed from 65 % to 85 %', () => {
    const { container } = render(<TrendChart points={points} height={260} />);
    const placed = [...container.querySelectorAll<HTMLElement>('.trend-point')].map((point) => [point.style.left, Number.parseFloat(point.style.bottom).toFixed(1)]);
    // (71.2 − 65) / 20 = 31 %, (75 − 65) / 20 = 50 %, (78.4 − 65) / 20 = 67 %.
    expect(placed).toEqual([['0%', '31.0'], ['50%', '50.0'], ['100%', '67.0']]);
    expect([...container.querySelectorAll('.chart-y-axis span')].map((tick) => tick.textContent)).toEqual(['65%', '70%', '75%', '80%', '85%']);
    expect([...container.querySelectorAll('.chart-x-axis span')].map((label) => label.textContent)).toEqual(['Dec', 'Jan 2026', 'Feb']);
  });
});
