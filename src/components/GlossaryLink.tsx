// A link from a figure or a heading to the plain-words meaning of its term on the Glossary page.
import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { glossaryEntry } from './glossary';

export function GlossaryLink({ term, children }: { term: string; children?: ReactNode }) {
  const entry = glossaryEntry(term);
  return (
    <Link to="/glossary" hash={term} className="glossary-link no-print">
      {children ?? `What is “${entry?.term.toLowerCase() ?? term}”?`}
    </Link>
  );
}
