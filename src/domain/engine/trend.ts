// Readiness over time (SPEC §3 rule 10): pooled readiness at the last day of each previous month,
// with today's roles and requirements (the chart must say so: history of roles is not kept).
import type { IsoDate } from '../schema';
import { endOfMonthBefore, toDayNumber } from '../dates';
import { pooledReadinessSeries } from './coverage';
import { scopeMask, type Scope } from './lookup';
import type { EngineOrganisation } from './prepare';

export interface TrendPoint {
  date: IsoDate;
  readiness: number;
}

/** One point per previous month end, oldest first (12 by default). */
export function readinessTrend(eo: EngineOrganisation, asOf: IsoDate, months: number = 12, scope?: Scope): TrendPoint[] {
  const dates: IsoDate[] = [];
  for (let back = months; back >= 1; back--) dates.push(endOfMonthBefore(asOf, back));
  const readiness = pooledReadinessSeries(eo, scopeMask(eo, scope), dates.map(toDayNumber));
  return dates.map((date, k) => ({ date, readiness: readiness[k]! }));
}
