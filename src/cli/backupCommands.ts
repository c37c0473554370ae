// `gapmap backup --out FILE` and `gapmap restore FILE`: the whole organisation of a server's
// database in one file, and back (also a file the browser's "Download everything" made).
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import type { ServerCommand } from './serverCommandNames';

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const BACKUP_HELP = `gapmap backup --out FILE [--data DIR | --database-url URL]
gapmap restore FILE [--data DIR | --database-url URL] [--force]

backup   writes the whole organisation (records, goals, change history, badge mappings) to FILE (gzip JSON)
restore  replaces the database's organisation with FILE's, in one transaction; refuses a database that
         holds data unless --force (the replaced data stays in the history as the change before)`;

export async function runBackupCommand(command: Exclude<ServerCommand, 'serve' | 'users'>, args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: command === 'restore',
      options: { out: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    });
  } catch (error) {
    io.stderr(`gapmap ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${BACKUP_HELP}\n`);
    return 0;
  }
  if (command === 'backup' && !values.out) {
    io.stderr('gapmap backup: --out FILE is required.\n');
    return 2;
  }
  if (command === 'restore' && positionals.length !== 1) {
    io.stderr('gapmap restore: give exactly one backup FILE.\n');
    return 2;
  }
  const { openDatabase } = await import('../server/hosts/node/openDatabase');
  const { postgresStore, postgresMappingStore, restoreBackup } = await import('../server/store/postgresStore');
  const { backupOf, encodeBackup, decodeBackup, BadBackupError } = await import('../server/backup/backupFile');
  const database = await openDatabase({ dataDir: values.data, databaseUrl: values['database-url'] ?? process.env.DATABASE_URL });
  try {
    const store = postgresStore(database.db);
    if (command === 'backup') {
      const stored = await store.load();
      if (!stored) {
        io.stderr(`gapmap backup: ${database.description} holds no organisation yet: nothing to back up.\n`);
        return 1;
      }
      const backup = backupOf({
        organisation: stored.organisation,
        history: (await store.history()).entries,
        achievementMappings: await postgresMappingStore(database.db).load(),
        madeBy: 'server',
      });
      const bytes = await encodeBackup(backup);
      // Written beside, then renamed: an interrupted backup never leaves a half file under the name.
      const out = values.out!;
      writeFileSync(`${out}.partial`, bytes);
      renameSync(`${out}.partial`, out);
      io.stdout(`Backed up ${stored.organisation.employees.length} employees, ${stored.organisation.awards.length} awards and ${backup.history.length} changes to ${out}.\n`);
      return 0;
    }
    let backup;
    try {
      backup = await decodeBackup(new Uint8Array(readFileSync(positionals[0]!)));
    } catch (error) {
      if (error instanceof BadBackupError) {
        io.stderr(`gapmap restore: ${positionals[0]}: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    if (!values.force && (await store.load()) !== undefined) {
      io.stderr(`gapmap restore: ${database.description} already holds an organisation: pass --force to replace it (it stays in the history as the change before).\n`);
      return 1;
    }
    await restoreBackup(database.db, backup, positionals[0]!);
    io.stdout(`Restored ${backup.organisation.employees.length} employees, ${backup.organisation.awards.length} awards, ${backup.organisation.goals.length} goals and ${backup.history.length} earlier changes from ${positionals[0]}.\n`);
    return 0;
  } finally {
    await database.close();
  }
}
