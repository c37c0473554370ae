// Which evidence every figure counts (SPEC §2 Award verification), three choices that do what they
// say: all evidence; verified credentials and assessments; verified credentials only.
import { useNavigate } from '@tanstack/react-router';
import type { Evidence } from '../api/queries';
import { EVIDENCE_CHOICES } from '../components/evidence';
import { useViewContext } from '../components/useViewContext';

export function EvidenceToggle() {
  const { evidence } = useViewContext();
  const navigate = useNavigate();
  return (
    <div className="evidence-toggle">
      <label htmlFor="evidence">Evidence counted</label>
      <select
        id="evidence"
        value={evidence ?? ''}
        onChange={(event) => {
          const value = (event.target.value || undefined) as Evidence | undefined;
          void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, evidence: value }) });
        }}
      >
        {EVIDENCE_CHOICES.map((choice) => (
          <option key={choice.label} value={choice.value ?? ''}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
