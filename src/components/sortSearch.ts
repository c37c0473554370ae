// The search-param schema of a sortable table: `column.asc` / `column.desc` for one of its
// columns; anything else in a hand-edited or old URL is dropped (the table's default applies).
import { z } from 'zod';
import { parseSort } from '../domain/sorting';

export function sortParam(keys: readonly string[]) {
  return z
    .string()
    .refine((value) => parseSort(value, keys) !== undefined)
    .optional()
    .catch(undefined);
}
