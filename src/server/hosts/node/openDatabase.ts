// The server's database: any PostgreSQL 15+ by URL, or the embedded PGlite in a data folder
// (locked to this process). Migrated before anything else runs.
import { join, resolve } from 'node:path';
import { connectPostgres } from '../../store/sql/postgresDatabase';
import { openPglite } from '../../store/sql/pgliteDatabase';
import { migrate } from '../../store/sql/migrations';
import type { SqlDatabase } from '../../store/sql/sqlDatabase';
import { lockDataFolder } from './dataFolderLock';

export interface DatabaseChoice {
  /** postgres://… — when absent, the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
}

export interface OpenedDatabase {
  db: SqlDatabase;
  /** Where it lives, for the start-up message (the URL without its password). */
  description: string;
  close(): Promise<void>;
}

export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'a PostgreSQL server';
  }
}

export async function openDatabase(choice: DatabaseChoice): Promise<OpenedDatabase> {
  if (choice.databaseUrl) {
    const db = await connectPostgres(choice.databaseUrl);
    await migrate(db);
    return { db, description: `PostgreSQL at ${describeUrl(choice.databaseUrl)}`, close: () => db.close() };
  }
  const folder = resolve(choice.dataDir ?? 'gapmap-data');
  const release = lockDataFolder(folder);
  try {
    const db = await openPglite(join(folder, 'pglite'));
    await migrate(db);
    return {
      db,
      description: `the embedded database in ${folder}`,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
