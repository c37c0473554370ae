// One headline number with its label and a line of context.
import type { ReactNode } from 'react';

export function Figure({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'good' | 'warn' | 'bad' }) {
  return (
    <div className={`figure${tone ? ` figure-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {detail ? <span className="figure-detail">{detail}</span> : null}
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
