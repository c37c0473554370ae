// PostgreSQL embedded in this process (PGlite, PostgreSQL in WebAssembly) on a data folder: what
// `gapmap serve` uses when no database URL is given, so it runs on a machine with nothing installed.
// One connection, one process: serve locks the folder (dataFolderLock.ts).
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDatabase, SqlQueryable, SqlValue } from './sqlDatabase';

type PgliteLike = Pick<PGlite, 'query' | 'exec'> | Transaction;

function queryableOf(db: PgliteLike): SqlQueryable {
  return {
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      return (await db.query<Row>(text, params as unknown[])).rows;
    },
    async exec(script) {
      await db.exec(script);
    },
    async queryArrays(text, params = []) {
      return (await db.query<unknown[]>(text, params as unknown[], { rowMode: 'array' })).rows;
    },
    async copyIn(table, columns, lines) {
      const parts: string[] = [];
      for (const line of lines) parts.push(line);
      await db.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
    },
  };
}

/** Opens (creating if needed) the embedded database in `dataDir`; `memory://` keeps it in memory. */
export async function openPglite(dataDir: string): Promise<SqlDatabase> {
  const db = await PGlite.create(dataDir);
  return {
    engine: 'pglite',
    ...queryableOf(db),
    transaction: (work) => db.transaction((tx) => work(queryableOf(tx))),
    async listen(channel, onMessage, onListening) {
      // In this process: announcements cannot be missed.
      const stop = await db.listen(channel, onMessage);
      onListening?.(true);
      return async () => {
        onListening?.(false);
        await stop();
      };
    },
    close: () => db.close(),
  };
}
