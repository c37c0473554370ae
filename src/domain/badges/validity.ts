// Validity dates of a badge: as calendar days (SPEC §3 rule 1: current when issuedOn ≤ D ≤ expiresOn,
// so a credential expiring at 16:23 UTC on a day is current over that day), and as instants for a
// check at the current moment (a JWT `exp` an hour ago has passed, even on the same day).
import type { IsoDate } from '../schema';
import { isIsoDate, fromDayNumber } from '../dates';

const MS_PER_DAY = 86_400_000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The UTC calendar day of an XML Schema date-time (`2025-01-09T15:06:31Z`, with an offset, or a bare
 * date), or undefined when the text is not one. Instants with an offset are moved to UTC first.
 */
export function utcDayOf(text: string): IsoDate | undefined {
  const trimmed = text.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  const day = trimmed.slice(0, 10);
  if (!isIsoDate(day)) return undefined;
  const hasOffset = /(?:[+-]\d{2}:?\d{2})$/.test(trimmed) && trimmed.length > 10;
  if (!hasOffset) return day;
  const instant = Date.parse(trimmed);
  return Number.isNaN(instant) ? undefined : fromDayNumber(Math.floor(instant / MS_PER_DAY));
}

/** Seconds since 1970 (JWT `nbf`/`exp`, OB 1.x timestamps) → UTC day. */
export function utcDayOfEpochSeconds(seconds: number): IsoDate {
  return fromDayNumber(Math.floor((seconds * 1000) / MS_PER_DAY));
}

/**
 * A validity bound as an instant (ms since 1970): epoch seconds (JWT `nbf`/`exp`) exactly, a
 * date-time exactly (UTC when it names no offset), a bare date at the start or the end of its UTC
 * day; undefined when the value is none of these.
 */
export function instantOf(value: unknown, bound: 'start' | 'end'): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (!DATE_TIME.test(trimmed)) return undefined;
  if (trimmed.length <= 10) {
    const start = Date.parse(`${trimmed}T00:00:00Z`);
    return Number.isNaN(start) ? undefined : bound === 'start' ? start : start + MS_PER_DAY - 1;
  }
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const instant = Date.parse(`${trimmed.replace(' ', 'T')}${hasZone ? '' : 'Z'}`);
  return Number.isNaN(instant) ? undefined : instant;
}

/** An instant as ISO 8601 in UTC to the second, for messages: 2026-03-02T09:00:00Z. */
export function formatInstant(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 19)}Z`;
}
