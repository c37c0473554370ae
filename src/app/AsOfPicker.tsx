// The date every figure is computed at (SPEC §3): today unless the URL says otherwise, so a past
// or future view can be bookmarked. Day, month and year are separate fields so the date reads
// "1 Dec 2026" like every date on the page, whatever the browser's locale; Today goes back.
import { useNavigate } from '@tanstack/react-router';
import { useViewContext } from '../components/useViewContext';
import { todayIso } from '../domain/dates';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO day from parts, the day clamped to the month (31 → 30 in April) so a change never fails. */
export function isoDay(year: number, month: number, day: number): string {
  const safeDay = Math.min(day, daysIn(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
}

export function AsOfPicker() {
  const { asOf } = useViewContext();
  const navigate = useNavigate();
  // Today where the user is: the one definition the page uses (and sends), whichever host answers.
  const today = todayIso();
  const shown = asOf;
  const [year = 2000, month = 1, day = 1] = shown.split('-').map(Number);
  const todayYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 16 }, (_, index) => todayYear - 10 + index);
  if (!years.includes(year)) years.push(year);
  const go = (next: string | undefined) => void navigate({ to: '.', search: (previous: Record<string, unknown>) => ({ ...previous, asOf: next === today ? undefined : next }) });
  return (
    <fieldset className="asof-picker">
      <legend>As of</legend>
      <select aria-label="Day" value={day} onChange={(event) => go(isoDay(year, month, Number(event.target.value)))}>
        {Array.from({ length: daysIn(year, month) }, (_, index) => index + 1).map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <select aria-label="Month" value={month} onChange={(event) => go(isoDay(year, Number(event.target.value), day))}>
        {MONTHS.map((name, index) => (
          <option key={name} value={index + 1}>
            {name}
          </option>
        ))}
      </select>
      <select aria-label="Year" value={year} onChange={(event) => go(isoDay(Number(event.target.value), month, day))}>
        {years.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <button type="button" className="header-button" onClick={() => go(undefined)} disabled={asOf === today} aria-label="Back to today">
        Today
      </button>
    </fieldset>
  );
}
