// The glossary: every term a figure uses, in plain words; figures link to /glossary#<term>.
import { useEffect } from 'react';
import { useLocation } from '@tanstack/react-router';
import { GLOSSARY } from '../components/glossary';

export function GlossaryPage() {
  const hash = useLocation({ select: (location) => location.hash });
  // The router renders the page after navigating: bring the linked term into view and focus it.
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(hash);
    if (target) {
      target.scrollIntoView?.({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [hash]);
  return (
    <section aria-labelledby="glossary-title">
      <header className="page-header">
        <h1 id="glossary-title">What the figures mean</h1>
        <p className="subtitle">Plain-words meanings of the terms Gapmap uses.</p>
      </header>
      <dl className="glossary">
        {GLOSSARY.map((entry) => (
          <div key={entry.id} className="glossary-entry">
            <dt id={entry.id} tabIndex={-1}>
              {entry.term}
            </dt>
            <dd>{entry.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
