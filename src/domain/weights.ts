// Requirement weights as numbers (SPEC §2, §3 rule 5): critical 3, important 2, nice-to-have 1.
import type { Weight } from './schema';

export const WEIGHT_VALUE: Readonly<Record<Weight, number>> = { critical: 3, important: 2, 'nice-to-have': 1 };

export const DEFAULT_WEIGHT: Weight = 'important';

export function weightValue(weight: Weight): number {
  return WEIGHT_VALUE[weight];
}
