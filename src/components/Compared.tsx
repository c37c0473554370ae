// A figure under a what-if draft (SPEC §7): the stored organisation's value, the draft's and the
// difference — "297 → 310 (+13)" — with the same in words for a screen reader ("baseline 297,
// scenario 310, 13 more"). Both values come from the server; the difference is taken between the
// values as shown, so the three numbers on screen always add up. Without a baseline (no draft
// named), the value alone.
import type { ReactNode } from 'react';
import { formatCount, formatMoney, formatPercent } from './format';

interface ComparedProps {
  /** The stored organisation's value; undefined when no draft is named (nothing to compare). */
  baseline: number | null | undefined;
  scenario: number | null;
  /** A share shown as a percentage (difference in points), a count, or an amount of money (in `currency`). */
  kind: 'percent' | 'count' | 'money';
  /** Decimals of a percentage. */
  digits?: number;
  /** The currency of an amount of money. */
  currency?: string;
  /** How the draft's value is shown when it is more than text (a link to the list behind it). */
  children?: ReactNode;
}

function shown(value: number | null, kind: ComparedProps['kind'], digits: number, currency = 'EUR'): string {
  if (kind === 'percent') return formatPercent(value, digits);
  if (value === null) return '—';
  return kind === 'money' ? formatMoney(value, currency) : formatCount(value);
}

/** The difference as shown and in words: "+13" / "13 more", "−3.3 pts" / "3.3 points lower". */
function difference(baseline: number, scenario: number, kind: ComparedProps['kind'], digits: number, currency = 'EUR'): { sign: string; words: string } {
  const scale = 10 ** digits;
  const delta = kind === 'percent' ? (Math.round(scenario * 100 * scale) - Math.round(baseline * 100 * scale)) / scale : scenario - baseline;
  if (delta === 0) return { sign: '±0', words: 'no change' };
  const size = kind === 'percent' ? Math.abs(delta).toFixed(digits) : kind === 'money' ? formatMoney(Math.abs(delta), currency) : formatCount(Math.abs(delta));
  const sign = `${delta > 0 ? '+' : '−'}${size}${kind === 'percent' ? ' pts' : ''}`;
  const words = kind === 'percent' ? `${size} points ${delta > 0 ? 'higher' : 'lower'}` : `${size} ${delta > 0 ? 'more' : 'fewer'}`;
  return { sign, words };
}

/**
 * The comparison as plain text, for places that take a string (a heatmap row's sublabel, a cell's
 * description): "66.7% → 38.6% (−28.1 pts)"; the value alone without a baseline.
 */
export function comparedText(baseline: number | null | undefined, scenario: number | null, kind: ComparedProps['kind'], digits = 0, currency?: string): string {
  const now = shown(scenario, kind, digits, currency);
  if (baseline === undefined) return now;
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits, currency);
  return `${shown(baseline, kind, digits, currency)} → ${now}${change ? ` (${change.sign})` : ''}`;
}

/** The comparison in words for a screen reader: "baseline 297, scenario 310, 13 more". */
export function comparedWords(baseline: number | null, scenario: number | null, kind: ComparedProps['kind'], digits = 0, currency?: string): string {
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits, currency);
  return `baseline ${shown(baseline, kind, digits, currency)}, scenario ${shown(scenario, kind, digits, currency)}${change ? `, ${change.words}` : ''}`;
}

export function Compared({ baseline, scenario, kind, digits = 0, currency, children }: ComparedProps) {
  const now = shown(scenario, kind, digits, currency);
  if (baseline === undefined) return <>{children ?? now}</>;
  const before = shown(baseline, kind, digits, currency);
  const change = baseline === null || scenario === null ? undefined : difference(baseline, scenario, kind, digits, currency);
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
      <span className="visually-hidden">{comparedWords(baseline, scenario, kind, digits, currency)}</span>
    </span>
  );
}
