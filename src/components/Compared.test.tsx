// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { Compared, comparedText } from './Compared';

describe('a figure under a what-if draft', () => {
  it('shows baseline → scenario and the difference, and says it in words', () => {
    render(<Compared baseline={297} scenario={310} kind="count" />);
    expect(screen.getByText('297 →')).toBeInTheDocument();
    expect(screen.getByText('310')).toBeInTheDocument();
    expect(screen.getByText('(+13)')).toBeInTheDocument();
    expect(screen.getByText('baseline 297, scenario 310, 13 more')).toHaveClass('visually-hidden');
  });

  it('gives a share’s difference in points between the values as shown', () => {
    // 66.67% and 38.60% show as 66.7% and 38.6%: 28.1 points lower.
    expect(comparedText(18 / 27, 22 / 57, 'percent', 1)).toBe('66.7% → 38.6% (−28.1 pts)');
    render(<Compared baseline={18 / 27} scenario={22 / 57} kind="percent" digits={1} />);
    expect(screen.getByText('baseline 66.7%, scenario 38.6%, 28.1 points lower')).toBeInTheDocument();
  });

  it('marks equal figures ±0, gives no difference against "not required", and shows the value alone without a draft', () => {
    expect(comparedText(2, 2, 'count')).toBe('2 → 2 (±0)');
    expect(comparedText(null, 0.5, 'percent')).toBe('— → 50%');
    render(<Compared baseline={undefined} scenario={1234} kind="count" />);
    expect(screen.getByText('1,234')).toBeInTheDocument();
    expect(screen.queryByText(/→/)).not.toBeInTheDocument();
  });

  it('gives an amount of money and its difference in the currency', () => {
    expect(comparedText(750, 550, 'money', 0, 'EUR')).toBe('€750 → €550 (−€200)');
    render(<Compared baseline={750} scenario={950} kind="money" currency="EUR" />);
    expect(screen.getByText('baseline €750, scenario €950, €200 more')).toBeInTheDocument();
  });
});
