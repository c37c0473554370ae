// The catalog table's sort, in the URL.
import { z } from 'zod';
import { sortParam } from '../../components/sortSearch';

export const CATALOG_SORT_KEYS = ['credential', 'issuer', 'grants', 'hours', 'cost', 'validity'] as const;

export const catalogSearchSchema = z.lazy(() => z.object({ sort: sortParam(CATALOG_SORT_KEYS) }));
