// "Verified evidence only" (SPEC §2 Award verification): every figure then counts only verified
// awards. Assessments still count: they are another kind of evidence (a manager's or a test's),
// not a credential whose signature could be checked, and leaving them out would zero most levels.
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Evidence } from '../api/queries';

export function EvidenceToggle() {
  const search: { evidence?: Evidence } = useSearch({ strict: false });
  const navigate = useNavigate();
  return (
    <div className="evidence-toggle">
      <input
        id="evidence-verified"
        type="checkbox"
        checked={search.evidence === 'verified'}
        onChange={(event) =>
          void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, evidence: event.target.checked ? ('verified' as const) : undefined }) })
        }
        aria-describedby="evidence-hint"
      />
      <label htmlFor="evidence-verified">
        Verified evidence only
        <span id="evidence-hint" className="evidence-hint">
          verified credentials and assessments
        </span>
      </label>
    </div>
  );
}
