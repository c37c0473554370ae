// The current person's training plan (src/api/savedPlan.ts): the backend keeps one per author (on a
// server the signed-in account, in the browser host the persona), so switching persona never mixes plans.
import { useSavedPlan } from '../api/savedPlan';
import { useUi } from '../stores/ui';

export function usePlan() {
  return useSavedPlan(useUi((state) => state.persona));
}
