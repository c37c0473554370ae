import { describe, expect, it } from 'vitest';
import { coverageColour, gapColour, readableTextOn, textOnCoverage, textOnGap } from './heatmapScale';

/** WCAG contrast ratio between two #rrggbb colours, computed independently of the module. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [high, low] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}
/** Contrast with black: higher means a lighter colour. */
const lightness = (hex: string) => contrast(hex, '#000000');

describe('heatmap colours', () => {
  it('keeps every coverage cell readable at the WCAG AA ratio of 4.5', () => {
    for (let step = 0; step <= 100; step++) {
      const coverage = step / 100;
      expect(contrast(coverageColour(coverage), textOnCoverage(coverage))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps every gap cell readable at the WCAG AA ratio of 4.5', () => {
    for (let gap = 0; gap <= 5; gap++) expect(contrast(gapColour(gap), textOnGap(gap))).toBeGreaterThanOrEqual(4.5);
  });

  it('speaks one language on both heatmaps: the more is missing, the darker the cell', () => {
    // Team heatmap: a larger gap is darker.
    for (let gap = 1; gap <= 5; gap++) expect(lightness(gapColour(gap))).toBeLessThan(lightness(gapColour(gap - 1)));
    // Organisation heatmap: lower coverage is darker (never lighter).
    for (let step = 1; step <= 10; step++) expect(lightness(coverageColour((step - 1) / 10))).toBeLessThanOrEqual(lightness(coverageColour(step / 10)));
    // The ends agree: full coverage looks like a met requirement, no coverage like the largest gap.
    expect(coverageColour(1)).toBe(gapColour(0));
    expect(coverageColour(0)).toBe(gapColour(5));
  });

  it('never draws a coverage short of 100% in the colour of a met requirement', () => {
    expect(coverageColour(0.99)).not.toBe(gapColour(0));
    expect(coverageColour(0.9)).not.toBe(coverageColour(1));
  });

  it('puts white text on dark red and black text on light cream', () => {
    expect(readableTextOn('#4a0000')).toBe('#ffffff');
    expect(readableTextOn('#fbfbf7')).toBe('#000000');
  });
});
