// The three evidence choices (SPEC §2 Award verification), as the URL writes them and as people read them.
import type { Evidence } from '../api/queries';

export const EVIDENCE_CHOICES: readonly { value: Evidence | undefined; label: string }[] = [
  { value: undefined, label: 'All evidence' },
  { value: 'verified', label: 'Verified credentials and assessments' },
  { value: 'credentials', label: 'Verified credentials only' },
];

export function evidenceLabel(evidence: Evidence | undefined): string {
  return EVIDENCE_CHOICES.find((choice) => choice.value === evidence)?.label ?? 'All evidence';
}
