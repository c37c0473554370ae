// Counts and dates are written by hand (no Intl at a page's start, format.ts): they must read
// exactly as en-GB Intl writes them, the independent reference here.
import { describe, expect, it } from 'vitest';
import { countOf, formatCount, formatDate } from './format';

describe('formatCount', () => {
  const intl = new Intl.NumberFormat('en-GB');

  it('writes integers as en-GB Intl does, at every number of digits and either sign', () => {
    const values = [0, 1, 7, 12, 999, 1000, 1001, 12_345, 99_999, 100_000, 123_456, 1_000_000, 47_312_908, 2 ** 31, Number.MAX_SAFE_INTEGER];
    for (const value of [...values, ...values.filter((value) => value > 0).map((value) => -value)]) {
      expect(formatCount(value), String(value)).toBe(intl.format(value));
    }
  });

  it('writes a fraction as en-GB Intl does (up to three decimals)', () => {
    for (const value of [1.5, 1234.5678, 0.0004, -2.25]) expect(formatCount(value)).toBe(intl.format(value));
  });

  it('writes grouped counts in a phrase', () => {
    expect(countOf(4_000, 'team')).toBe('4,000 teams');
    expect(countOf(1, 'team')).toBe('1 team');
  });
});

describe('formatDate', () => {
  const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

  it('writes every month and day as en-GB Intl does', () => {
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 10, 28]) {
        const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        expect(formatDate(iso), iso).toBe(intl.format(Date.UTC(2026, month - 1, day)));
      }
    }
  });

  it('shows a missing date as a dash and anything that is not a date as given', () => {
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
  });
});
