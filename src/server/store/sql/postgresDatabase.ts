// A PostgreSQL server through `pg` (a pool of connections) and `pg-copy-streams` for bulk loads.
// A lost connection surfaces as DatabaseUnavailableError (503); the pool opens new connections by
// itself once the server is back, and LISTEN reconnects with a growing delay.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DatabaseUnavailableError, type SqlDatabase, type SqlQueryable, type SqlValue } from './sqlDatabase';


// Socket errors, PostgreSQL's connection-exception class 08 and shutdown codes 57P0x, and 53300
// (too many connections): the database is out of reach for now, not the request wrong.
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code && CONNECTION_ERRORS.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // pg's own wording: a cut connection, a connect that timed out, and a pool whose every connection
  // stayed busy past connectionTimeoutMillis ("timeout exceeded when trying to connect").
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|timeout expired|Client has encountered a connection error|not queryable/i.test(message);
}

function translated(error: unknown): unknown {
  return isConnectionError(error) ? new DatabaseUnavailableError(error) : error;
}

function queryableOf(client: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row extends object>(text: string, params: readonly SqlValue[] = []) {
      try {
        return (await client.query(text, params as unknown[])).rows as Row[];
      } catch (error) {
        throw translated(error);
      }
    },
    async exec(script) {
      try {
        await client.query(script);
      } catch (error) {
        throw translated(error);
      }
    },
    async queryArrays(text, params = []) {
      try {
        return (await client.query({ text, values: params as unknown[], rowMode: 'array' })).rows as unknown[][];
      } catch (error) {
        throw translated(error);
      }
    },
    async copyIn(table, columns, lines) {
      if (!('release' in client)) throw new Error('COPY runs inside a transaction');
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      try {
        await pipeline(Readable.from(batched(lines)), stream);
      } catch (error) {
        throw translated(error);
      }
    },
  };
}

/** Joins lines into ~256 KB writes: one write per row would cost more than the rows. */
function* batched(lines: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const line of lines) {
    batch.push(line);
    size += line.length;
    if (size >= 256 * 1024) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

export interface PostgresOptions {
  maxConnections?: number;
  /** How long a request waits for a connection (to connect, or for a busy pool to free one) before a 503. */
  connectionTimeoutMs?: number;
}

export async function connectPostgres(connectionString: string, options: PostgresOptions = {}): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000 });
  // An idle connection cut by the server must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  const direct = queryableOf(pool);
  const listeners = new Set<pg.Client>();

  const database: SqlDatabase = {
    engine: 'postgres',
    ...direct,
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translated(error);
      }
      let broken = false;
      // A connection lost while this transaction holds it (between two of its statements) is
      // reported as an 'error' event too: the statement that follows fails with it, so the event is
      // only heard here, never left to crash the process.
      const heard = () => undefined;
      client.on('error', heard);
      try {
        await client.query('BEGIN');
        const result = await work(queryableOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = isConnectionError(error) || error instanceof DatabaseUnavailableError;
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw translated(error);
      } finally {
        client.off('error', heard);
        client.release(broken);
      }
    },
    async listen(channel, onMessage, onListening) {
      let stopped = false;
      let current: pg.Client | undefined;
      let delay = 250;
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
        let retried = false;
        const retry = () => {
          // Both the 'error' event and a failed connect or LISTEN lead here: one new attempt, not two.
          if (retried) return;
          retried = true;
          onListening?.(false);
          listeners.delete(client);
          client.removeAllListeners();
          // A broken connection may still report its end: heard and ignored, never an uncaught error.
          client.on('error', () => undefined);
          void client.end().catch(() => undefined);
          if (stopped) return;
          setTimeout(() => void connect(), delay).unref();
          delay = Math.min(delay * 2, 5_000);
        };
        client.on('error', retry);
        client.on('notification', (message) => {
          if (message.channel === channel) onMessage(message.payload ?? '');
        });
        try {
          await client.connect();
          await client.query(`LISTEN ${channel}`);
          listeners.add(client);
          current = client;
          delay = 250;
          onListening?.(true);
          // Whatever was announced while disconnected is unknown: say so, so caches check again.
          onMessage('');
        } catch {
          retry();
        }
      };
      await connect();
      return async () => {
        stopped = true;
        onListening?.(false);
        if (current) {
          listeners.delete(current);
          await current.end().catch(() => undefined);
        }
      };
    },
    async close() {
      for (const client of listeners) await client.end().catch(() => undefined);
      await pool.end();
    },
  };
  return database;
}
