// Calendar arithmetic on ISO dates and day numbers (days since 1970-01-01, UTC), with no time
// zones: the engine compares dates, never instants. Implements the month rule of SPEC §3 rule 1.
import type { IsoDate } from './schema';

const MS_PER_DAY = 86_400_000;

/** True when `text` is a real calendar date written as YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day number of a calendar date (month 1–12). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of an ISO date; the caller has validated it. */
export function toDayNumber(date: IsoDate): number {
  // Parse by hand: this runs for every award of a million-row report.
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return dayNumberOf(year, month, day);
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` plus whole calendar months, same day of month, clamped to the target month's end
 * (2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatIsoDate(targetYear, targetMonth, targetDay);
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of the month `monthsBack` months before the month of `date` (1 = previous month). */
export function endOfMonthBefore(date: IsoDate, monthsBack: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthIndex = year * 12 + (month - 1) - monthsBack;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return formatIsoDate(targetYear, targetMonth, daysInMonth(targetYear, targetMonth));
}

/** Today's date where the user is (the as-of default). */
export function todayIso(now: Date = new Date()): IsoDate {
  return formatIsoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Day number of a calendar date by integer arithmetic (month 1–12): the same number as
 * `dayNumberOf`, without going through `Date`, for loops over a million awards.
 */
export function civilDayNumber(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: years start in March so the leap day is last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** `toDayNumber` by integer arithmetic; the caller has validated the date. */
export function isoDayNumber(date: IsoDate): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  return civilDayNumber(year, month, day);
}

/**
 * Day number of `date` plus whole calendar months, clamped to the month's end exactly as
 * `addMonths`, without building the intermediate string (it runs once per award of a large import).
 */
export function dayNumberAfterMonths(date: IsoDate, months: number): number {
  const year = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const month = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = targetMonth === 2 ? (isLeapYear(targetYear) ? 29 : 28) : targetMonth === 4 || targetMonth === 6 || targetMonth === 9 || targetMonth === 11 ? 30 : 31;
  return civilDayNumber(targetYear, targetMonth, day < lastDay ? day : lastDay);
}

/**
 * `dayNumberAfterMonths` from a day number instead of an ISO date: for awards read as columns,
 * whose issue dates are day numbers from the start.
 */
export function dayNumberPlusMonths(dayNumber: number, months: number): number {
  // Howard Hinnant's civil_from_days (the inverse of civilDayNumber), then the month rule.
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = targetMonth === 2 ? (isLeapYear(targetYear) ? 29 : 28) : targetMonth === 4 || targetMonth === 6 || targetMonth === 9 || targetMonth === 11 ? 30 : 31;
  return civilDayNumber(targetYear, targetMonth, day < lastDay ? day : lastDay);
}
