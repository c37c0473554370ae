import { describe, expect, it } from 'vitest';
import { coverageAsReported } from './reports';

describe('coverage as the reports give it', () => {
  it('keeps 4 decimals, as the team gap report writes them', () => {
    expect(coverageAsReported(2 / 3)).toBe(0.6667);
    expect(coverageAsReported(1 / 7)).toBe(0.1429);
    expect(coverageAsReported(5 / 14)).toBe(0.3571);
  });

  it('leaves whole and short shares as they are', () => {
    expect(coverageAsReported(1)).toBe(1);
    expect(coverageAsReported(0)).toBe(0);
    expect(coverageAsReported(0.25)).toBe(0.25);
  });
});
