// What the PostgreSQL store needs from a database, whichever one it is: a server reached with `pg`
// (any PostgreSQL 15+, several processes) or PGlite embedded in this process (a data folder, one
// process). Queries with parameters, rows as arrays for bulk reads, COPY … FROM STDIN for bulk
// writes, transactions, and LISTEN for changes made by other processes.

/** A query parameter; bytes go to bytea columns. */
export type SqlValue = string | number | boolean | null | Uint8Array;

export interface SqlQueryable {
  /** Rows as objects keyed by column name. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Rows as arrays in column order: the bulk read of a large table. */
  queryArrays(text: string, params?: readonly SqlValue[]): Promise<unknown[][]>;
  /** Runs a script of several statements, without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** COPY table (columns) FROM STDIN in PostgreSQL's text format; `lines` end with "\n". */
  copyIn(table: string, columns: readonly string[], lines: Iterable<string>): Promise<void>;
}

export interface SqlDatabase extends SqlQueryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel`, from any process; returns the function that stops.
   * `onListening` is told when announcements can be heard and when they cannot (the connection lost,
   * until it is back): a cache that relies on them must not trust itself meanwhile.
   */
  listen(channel: string, onMessage: (payload: string) => void, onListening?: (listening: boolean) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Thrown when the database cannot be reached: the API answers 503 and the server keeps trying. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database cannot be reached (${cause instanceof Error ? cause.message : String(cause)}).`);
    this.name = 'DatabaseUnavailableError';
  }
}

/** One field in COPY's text format: `\N` for null, backslash escapes for the characters it reserves. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : String(value);
  // Fast path: most ids, names and dates need no escaping.
  if (!/[\\\t\n\r]/.test(text)) return text;
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
