import { describe, expect, it } from 'vitest';
import { countTicks, percentAlong, shareDomain } from './chartScale';

describe('countTicks', () => {
  it('marks round steps from 0 past the largest value, at most six marks', () => {
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(countTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(countTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('still draws an axis when every value is 0', () => {
    expect(countTicks(0)).toEqual([0, 1]);
  });
});

describe('shareDomain', () => {
  it('zooms to the data, 5 points either side, rounded to 5-point steps', () => {
    // 71.2 % … 78.4 %: 66.2 → 65, 83.4 → 85.
    expect(shareDomain([0.712, 0.75, 0.784])).toEqual({ low: 0.65, high: 0.85, ticks: [0.65, 0.7, 0.75, 0.8, 0.85] });
  });

  it('stays within 0–100 % and uses 10-point steps over a wide range', () => {
    expect(shareDomain([0.02, 0.97])).toEqual({ low: 0, high: 1, ticks: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });
  });
});

describe('percentAlong', () => {
  it('places a value between the ends', () => {
    expect(percentAlong(0.75, 0.5, 1)).toBe('50%');
    expect(percentAlong(3, 0, 3)).toBe('100%');
  });
});
