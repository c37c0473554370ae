// `gapmap serve | backup | restore` (SPEC §6, §8): the commands that run the server's Node host or
// work on its database. Loaded only when one of them runs, so the report commands stay light.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { ServerCommand } from './serverCommandNames';


export const SERVE_HELP = `gapmap serve [--port 8080] [--data DIR] [--database-url URL] [--demo]

Serves the app and its /api for a whole organisation from one origin.
  --port N            the port to listen on (default 8080)
  --data DIR          the embedded database's folder (default ./gapmap-data), used when no database URL is given;
                      one process only (the folder is locked)
  --database-url URL  any PostgreSQL 15+ (or DATABASE_URL); several processes may share it
  --demo              store the demo organisation when the database is empty
  --dist DIR          the built page (default: the dist/ folder of this installation; run 'npm run build' first)
  --host H            the address to listen on (default 127.0.0.1; another only once sign-in is configured)
Everyone signs in (an account made with 'gapmap users add', or OpenID Connect: GAPMAP_OIDC_ISSUER,
GAPMAP_OIDC_CLIENT_ID, GAPMAP_OIDC_CLIENT_SECRET, GAPMAP_OIDC_REDIRECT_URL). With no admin yet,
a one-time setup link is printed at start.`;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const defaultIo: Io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

function installationDist(): string {
  return resolve(new URL('../../dist', import.meta.url).pathname);
}

export async function runServerCommand(command: ServerCommand, args: string[], io: Io = defaultIo): Promise<number> {
  if (command === 'serve') return serveCommand(args, io);
  if (command === 'users') {
    const { runUsersCommand } = await import('./usersCommand');
    return runUsersCommand(args, io);
  }
  const { runBackupCommand } = await import('./backupCommands');
  return runBackupCommand(command as Exclude<ServerCommand, 'serve' | 'users'>, args, io);
}

async function serveCommand(args: string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        'database-url': { type: 'string' },
        demo: { type: 'boolean' },
        dist: { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    io.stderr(`gapmap serve: ${error instanceof Error ? error.message : String(error)}\nRun 'gapmap serve --help' for usage.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${SERVE_HELP}\n`);
    return 0;
  }
  const port = values.port === undefined ? Number(process.env.PORT ?? 8080) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`gapmap serve: --port must be a port number, not "${values.port}".\n`);
    return 2;
  }
  const distDir = resolve(values.dist ?? installationDist());
  if (!existsSync(resolve(distDir, 'index.html'))) {
    io.stderr(`gapmap serve: no built page in ${distDir}: run 'npm run build' first (or pass --dist DIR).\n`);
    return 2;
  }
  const { startServer } = await import('../server/hosts/node/serve');
  const { DataFolderBusyError } = await import('../server/hosts/node/dataFolderLock');
  const { SignInNotConfiguredError } = await import('../server/hosts/node/serve');
  let server;
  try {
    server = await startServer({
      port,
      dataDir: values.data,
      databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
      demo: values.demo === true,
      distDir,
      host: values.host ?? process.env.HOST,
    });
  } catch (error) {
    if (error instanceof DataFolderBusyError || error instanceof SignInNotConfiguredError) {
      io.stderr(`gapmap serve: ${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      io.stderr(`gapmap serve: port ${port} is already in use: choose another with --port.\n`);
      return 1;
    }
    io.stderr(`gapmap serve: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  io.stdout(
    `Gapmap is serving ${server.url} on ${server.database.description}.\n` +
      (server.setupUrl
        ? 'Everyone signs in, and there is no admin yet. It listens on 127.0.0.1 only until there is.\n' +
          `Create the first admin with 'gapmap users add --role admin --email you@example.com --password-stdin', or open this one-time link within an hour:\n  ${server.setupUrl}\n`
        : server.host === '127.0.0.1'
          ? 'It listens on 127.0.0.1 only (give --host 0.0.0.0 to serve the network: sign-in is configured).\n'
          : '') +
      'Press Ctrl+C to stop.\n',
  );
  await new Promise<void>((done) => {
    const stop = () => {
      io.stdout('Stopping Gapmap…\n');
      void server.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
