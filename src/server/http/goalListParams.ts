// The Goals list's parameters (GET /api/goals): `status`, `find`, `sort` (`column.asc` or
// `column.desc`, as the page's address writes it) and `limit`. Without them, every goal in scope.
import { GOAL_SORT_COLUMNS, GOAL_STATUS_FILTERS, type GoalListQuery } from '../../domain/goalListQuery';
import { parseSort } from '../../domain/sorting';
import { limitParam, RequestRefused } from './requestContext';

export function goalListQueryOf(url: URL): GoalListQuery {
  const query: GoalListQuery = {};
  const status = url.searchParams.get('status');
  if (status) {
    const known = GOAL_STATUS_FILTERS.find((candidate) => candidate === status);
    if (!known) throw new RequestRefused(400, 'bad-status', `status must be one of ${GOAL_STATUS_FILTERS.join(', ')}, not "${status}".`);
    query.status = known;
  }
  const find = url.searchParams.get('find');
  if (find) query.find = find;
  const sort = url.searchParams.get('sort');
  if (sort) {
    // Read as the page's address writes a table's sort.
    const parsed = parseSort(sort, GOAL_SORT_COLUMNS);
    if (!parsed) throw new RequestRefused(400, 'bad-sort', `sort must be a column (${GOAL_SORT_COLUMNS.join(', ')}) then .asc or .desc, not "${sort}".`);
    query.sort = parsed;
  }
  return query;
}

/** How many goals to answer: all of them unless `limit` says otherwise. */
export const goalListLimitOf = (url: URL) => limitParam(url, Number.POSITIVE_INFINITY);
