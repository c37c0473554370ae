// One colour language for every heatmap: the more is missing, the stronger the colour. A team
// heatmap colours a person's gap in levels (0 light … 5 darkest); the organisation heatmap colours
// the share of people short of a skill (1 − coverage) on the same ramp, so full coverage is light
// there too. Sequential orange-red (safe for the common colour blindness), lightness falling
// monotonically, and always paired with a number or a mark in the cell.
const NEED_RAMP = ['#fbfbf7', '#fdd49e', '#fc8d59', '#d7301f', '#7f0000', '#4a0000'] as const;

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

// Asked for every cell drawn, of a handful of backgrounds: each background's answer is kept.
const textColours = new Map<string, string>();

/** Black or white, whichever contrasts more with the background (WCAG contrast ratio). */
export function readableTextOn(background: string): string {
  let text = textColours.get(background);
  if (text === undefined) {
    const light = luminance(background);
    const onBlack = (light + 0.05) / 0.05;
    const onWhite = 1.05 / (light + 0.05);
    text = onBlack >= onWhite ? '#000000' : '#ffffff';
    textColours.set(background, text);
  }
  return text;
}

/** Background for a gap of 0–5 levels: 0 (met) light, 5 darkest. */
export function gapColour(gap: number): string {
  return NEED_RAMP[Math.min(5, Math.max(0, Math.round(gap)))] ?? NEED_RAMP[0];
}

export function textOnGap(gap: number): string {
  return readableTextOn(gapColour(gap));
}

/**
 * Background for a coverage share 0–1: full coverage is the lightest step, no coverage the
 * darkest; any shortfall at all is at least the first coloured step, so "almost" never reads as met.
 */
export function coverageColour(coverage: number | null): string {
  if (coverage === null) return 'transparent';
  const shortfall = 1 - Math.min(1, Math.max(0, coverage));
  const step = shortfall === 0 ? 0 : Math.max(1, Math.round(shortfall * (NEED_RAMP.length - 1)));
  return NEED_RAMP[step] ?? NEED_RAMP[0];
}

/** Readable text colour on a coverage background. */
export function textOnCoverage(coverage: number | null): string {
  return coverage === null ? '#111111' : readableTextOn(coverageColour(coverage));
}

/** The coverage steps a legend shows, strongest need first as on the gap legend: 0%, 25% … 100%. */
export const COVERAGE_LEGEND = [0, 0.25, 0.5, 0.75, 1] as const;

/** How a cell that no role requires is drawn: hatched and marked, never a colour of the ramp. */
export const NOT_REQUIRED_MARK = '–';
