// Where a chart's axis starts and ends and which values it marks: a few round numbers, so a reader
// can read a bar or a point against the grid. (The figures themselves come from the engine; this is
// only how the page draws them.)

/** Ticks from 0 to at least `max`, at a round step (1, 2 or 5 × a power of ten), at most `most + 1` of them. */
export function countTicks(max: number, most = 5): number[] {
  if (!(max > 0)) return [0, 1];
  let step = 1;
  for (let power = 1; ; power *= 10) {
    const round = [1, 2, 5].map((factor) => factor * power).find((candidate) => Math.ceil(max / candidate) <= most);
    if (round !== undefined) {
      step = round;
      break;
    }
  }
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks;
}

/**
 * The share axis of a readiness trend, zoomed to the data so a year's movement is visible: from 5
 * points below the lowest value to 5 points above the highest, in 5-point steps, within 0–100 %.
 */
export function shareDomain(values: readonly number[]): { low: number; high: number; ticks: number[] } {
  if (values.length === 0) return { low: 0, high: 1, ticks: [0, 0.25, 0.5, 0.75, 1] };
  // In hundredths, so the steps are exact integers (0.05 is not exact in binary).
  const low = Math.max(0, Math.floor((Math.min(...values) - 0.05) * 20) * 5);
  const high = Math.min(100, Math.ceil((Math.max(...values) + 0.05) * 20) * 5);
  const step = (high - low) / 5 <= 6 ? 5 : 10;
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) ticks.push(tick / 100);
  return { low: low / 100, high: high / 100, ticks };
}

/** Where a value falls between two ends, from 0 (at `low`) to 100 (at `high`). */
export function percentOf(value: number, low: number, high: number): number {
  return high === low ? 0 : ((value - low) / (high - low)) * 100;
}

/** The same, as a CSS percentage. */
export function percentAlong(value: number, low: number, high: number): string {
  return `${percentOf(value, low, high)}%`;
}
