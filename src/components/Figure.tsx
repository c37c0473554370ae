// One headline number with its label, a line of context, and a link to what its term means.
import type { ReactNode } from 'react';
import { GlossaryLink } from './GlossaryLink';

export function Figure({ label, value, detail, tone, term }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'good' | 'warn' | 'bad'; term?: string }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
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

export function Figures({ children, label }: { children: ReactNode; label: string }) {
  return (
    <dl className="figures" aria-label={label}>
      {children}
    </dl>
  );
}
