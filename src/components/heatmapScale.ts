// Colour scales for the heatmaps: sequential, colour-blind safe (a viridis-like ramp whose
// lightness changes monotonically), and always paired with the number or symbol in the cell.
const RAMP = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'];

/** Background for a coverage share 0–1 (low coverage = light yellow, full = deep blue-purple). */
export function coverageColour(coverage: number | null): string {
  if (coverage === null) return 'transparent';
  const index = Math.min(RAMP.length - 1, Math.max(0, Math.round(coverage * (RAMP.length - 1))));
  return RAMP[index] ?? 'transparent';
}

/** Readable text colour on a ramp background. */
export function textOnCoverage(coverage: number | null): string {
  return coverage !== null && coverage >= 0.45 ? '#ffffff' : '#111111';
}

const GAP_COLOURS = ['#f7f7f7', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000', '#4a0000'];

/** Background for a gap of 0–5 levels (orange-red sequential, safe for the common colour blindness). */
export function gapColour(gap: number): string {
  return GAP_COLOURS[Math.min(5, Math.max(0, gap))] ?? '#f7f7f7';
}

export function textOnGap(gap: number): string {
  return gap >= 3 ? '#ffffff' : '#111111';
}

export const COVERAGE_LEGEND = [0, 0.25, 0.5, 0.75, 1] as const;
