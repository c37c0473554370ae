// Colour scales for the heatmaps: sequential, colour-blind safe (a viridis-like ramp whose
// lightness changes monotonically), and always paired with the number or symbol in the cell.
const RAMP = ['#fde725', '#b5de2b', '#6ece58', '#35b779', '#1f9e89', '#26828e', '#31688e', '#3e4989', '#482878', '#440154'];

/** Background for a coverage share 0–1 (low coverage = light yellow, full = deep blue-purple). */
export function coverageColour(coverage: number | null): string {
  if (coverage === null) return 'transparent';
  const index = Math.min(RAMP.length - 1, Math.max(0, Math.round(coverage * (RAMP.length - 1))));
  return RAMP[index] ?? 'transparent';
}

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Black or white, whichever contrasts more with the background (WCAG contrast ratio). */
export function readableTextOn(background: string): string {
  const light = luminance(background);
  const onBlack = (light + 0.05) / 0.05;
  const onWhite = 1.05 / (light + 0.05);
  return onBlack >= onWhite ? '#000000' : '#ffffff';
}

/** Readable text colour on a ramp background. */
export function textOnCoverage(coverage: number | null): string {
  return coverage === null ? '#111111' : readableTextOn(coverageColour(coverage));
}

const GAP_COLOURS = ['#f7f7f7', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000', '#4a0000'];

/** Background for a gap of 0–5 levels (orange-red sequential, safe for the common colour blindness). */
export function gapColour(gap: number): string {
  return GAP_COLOURS[Math.min(5, Math.max(0, gap))] ?? '#f7f7f7';
}

export function textOnGap(gap: number): string {
  return readableTextOn(gapColour(gap));
}

export const COVERAGE_LEGEND = [0, 0.25, 0.5, 0.75, 1] as const;
