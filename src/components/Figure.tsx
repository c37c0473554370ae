// One headline number with its label, a line of context, and a link to what its term means.
import type { ReactNode } from 'react';
import { GlossaryLink } from './GlossaryLink';

/**
 * Without a value (its figures are still being computed) the figure keeps its place and size with a
 * placeholder bar, so nothing moves when the value arrives; `.figure-value` always holds a real value.
 */
export function Figure({ label, value, detail, tone, term }: { label: string; value: ReactNode | undefined; detail?: ReactNode; tone?: 'good' | 'warn' | 'bad'; term?: string }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        {value === undefined ? <span className="figure-placeholder" aria-hidden="true" /> : <span className="figure-value">{value}</span>}
        {detail ? <span className="figure-detail">{detail}</span> : null}
        {term ? (
          <span className="figure-term">
            <GlossaryLink term={term}>What does “{label.toLowerCase()}” mean?</GlossaryLink>
          </span>
        ) : null}
      </dd>
    </div>
  );
}

export function Figures({ children, label, busy = false }: { children: ReactNode; label: string; busy?: boolean }) {
  return (
    <dl className="figures" aria-label={label} aria-busy={busy || undefined}>
      {children}
    </dl>
  );
}
