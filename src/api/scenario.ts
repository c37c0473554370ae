// The what-if draft the page shows comes from its address (`?scenario=ID`): a reload keeps it, the
// address shares it, and every API request carries it, so each figure is computed on the draft.
export const SCENARIO_PARAM = 'scenario';

/** The draft id in the page's address, if any. */
export function draftInAddress(): string | undefined {
  if (typeof location === 'undefined') return undefined;
  return new URLSearchParams(location.search).get(SCENARIO_PARAM) || undefined;
}
