// The date every figure is computed at (SPEC §3): today unless the URL says otherwise, so a
// past or future view can be bookmarked.
import { useNavigate, useSearch } from '@tanstack/react-router';

export function AsOfPicker() {
  const search: { asOf?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  return (
    <div className="asof-picker">
      <label htmlFor="as-of">As of</label>
      <input
        id="as-of"
        type="date"
        value={search.asOf ?? ''}
        onChange={(event) => void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, asOf: event.target.value || undefined }) })}
        aria-describedby="as-of-hint"
      />
      <span id="as-of-hint" className="visually-hidden">
        Empty means today.
      </span>
    </div>
  );
}
