// The legend both heatmaps share: the colour steps in the same direction (stronger = more missing)
// and the marks that tell met, not required and assessed-only cells apart without colour.
import { coverageColour, gapColour, NOT_REQUIRED_MARK, textOnCoverage, textOnGap } from './heatmapScale';
import { formatPercent } from './format';
import { GlossaryLink } from './GlossaryLink';

export function HeatmapLegend({ kind }: { kind: 'coverage' | 'gap' }) {
  return (
    <div className="legend">
      <span className="legend-title">{kind === 'coverage' ? 'Share of people who meet the level' : 'Levels missing'}</span>
      <ul className="legend-items" aria-label="Legend">
        {kind === 'coverage'
          ? [1, 0.75, 0.5, 0.25, 0].map((share) => (
              <li key={share} className="legend-swatch" style={{ background: coverageColour(share), color: textOnCoverage(share) }}>
                {share === 1 ? '✓ 100%: everyone' : formatPercent(share)}
              </li>
            ))
          : [0, 1, 2, 3, 4].map((gap) => (
              <li key={gap} className="legend-swatch" style={{ background: gapColour(gap), color: textOnGap(gap) }}>
                {gap === 0 ? '✓ met' : `✗ ${gap} level${gap === 1 ? '' : 's'} short`}
              </li>
            ))}
        <li className="legend-swatch not-required-swatch">{NOT_REQUIRED_MARK} not required</li>
        {kind === 'gap' ? <li className="legend-swatch assessed-only">* assessed only, no credential</li> : null}
      </ul>
      <span className="legend-note">Stronger colour = more missing.</span>
      <GlossaryLink term={kind === 'coverage' ? 'coverage' : 'gap'} />
    </div>
  );
}
