// A figure under a what-if draft (SPEC §7): the stored organisation's value, the draft's and the
// difference — "297 → 310 (+13)" — with the same in words for a screen reader ("baseline 297,
// scenario 310, 13 more"). Both values come from the server; the difference is taken between the
// values as shown, so the three numbers on screen always add up. Without a baseline (no draft
// named), the value alone.
import type { ReactNode } from 'react';
import { formatCount, formatPercent } from './format';

interface ComparedProps {
  /** The stored organisation's value; undefined when no draft is named (nothing to compare). */
  baseline: number | null | undefined;
  scenario: number | null;
  /** A share shown as a percentage (difference in points), or a count. */
  kind: 'percent' | 'count';
  /** Decimals of a percentage. */
  digits?: number;
  /** How the draft's value is shown when it is more than text (a link to the list behind it). */
  children?: ReactNode;
}

function shown(value: number | null, kind: ComparedProps['kind'], digits: number): string {
  return kind === 'percent' ? formatPercent(value, digits) : value === null ? '—' : formatCount(value);
}

/** The difference as shown and in words: "+13" / "13 more", "−3.3 pts" / "3.3 points lower". */
function difference(baseline: number, scenario: number, kind: ComparedProps['kind'], digits: number): { sign: string; words: string } {
  const scale = 10 ** digits;
  const delta = kind === 'percent' ? (Math.round(scenario * 100 * scale) - Math.round(baseline * 100 * scale)) / scale : scenario - baseline;
  if (delta === 0) return { sign: '±0', words: 'no change' };
  const size = kind === 'percent' ? Math.abs(delta).toFixed(digits) : formatCount(Math.abs(delta));
  const sign = `${delta > 0 ? '+' : '−'}${size}${kind === 'percent' ? ' pts' : ''}`;
  const words = kind === 'percent' ? `${size} points ${delta > 0 ? 'higher' : 'lower'}` : `${size} ${delta > 0 ? 'more' : 'fewer'}`;
  return { sign, words };
}

/**
 * The comparison as plain text, for places that take a string (a heatmap row's sublabel, a cell's
 * description): "66.7% → 38.6% (−28.1 pts)"; the value alone without a baseline.
 */
export function comparedText(baseline: number | null | undefined, scenario: number | null, kind: ComparedProps['kind'], digits = 0): string {
  const now = shown(scenario, kind, digits);
  if (baseline === undefined) return now;
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits);
  return `${shown(baseline, kind, digits)} → ${now}${change ? ` (${change.sign})` : ''}`;
}

/** The comparison in words for a screen reader: "baseline 297, scenario 310, 13 more". */
export function comparedWords(baseline: number | null, scenario: number | null, kind: ComparedProps['kind'], digits = 0): string {
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits);
  return `baseline ${shown(baseline, kind, digits)}, scenario ${shown(scenario, kind, digits)}${change ? `, ${change.words}` : ''}`;
}

export function Compared({ baseline, scenario, kind, digits = 0, children }: ComparedProps) {
  const now = shown(scenario, kind, digits);
  if (baseline === undefined) return <>{children ?? now}</>;
  const before = shown(baseline, kind, digits);
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits);
  return (
    <span className="compared">
      <span className="compared-baseline" aria-hidden="true">
        {before} →{' '}
      </span>
      {children ?? <span aria-hidden="true">{now}</span>}
      {change ? (
        <>
          {' '}
          <span className={`compared-change${change.sign === '±0' ? '' : ' compared-changed'}`} aria-hidden="true">
            ({change.sign})
          </span>
        </>
      ) : null}
      <span className="visually-hidden">{comparedWords(baseline, scenario, kind, digits)}</span>
    </span>
  );
}
