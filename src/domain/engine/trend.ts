// Readiness over time (SPEC §3 rule 10): pooled readiness at the last day of each previous month,
// with today's roles and requirements (the chart must say so: history of roles is not kept).
import type { IsoDate } from '../schema';
import { endOfMonthBefore, toDayNumber } from '../dates';
import { pooledReadiness } from './coverage';
import { scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface TrendPoint {
  date: IsoDate;
  readiness: number;
}

/** One point per previous month end, oldest first (12 by default). */
export function readinessTrend(eo: EngineOrganisation, asOf: IsoDate, months: number = 12, scope?: Scope): TrendPoint[] {
  const mask = scopeMask(eo, scope);
  const points: TrendPoint[] = [];
  for (let back = months; back >= 1; back--) {
    const date = endOfMonthBefore(asOf, back);
    points.push({ date, readiness: pooledReadiness(eo, mask, toDayNumber(date)) });
  }
  return points;
}
