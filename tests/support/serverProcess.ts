// `gapmap serve` as a real child process for tests that need one (several processes on one
// database, SIGKILL in the middle of an import): started on a free port, its URL read from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** A built page is not needed to test the /api: an index.html is enough for serve to start. */
export function minimalDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gapmap-dist-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>Gapmap</title></head><body><div id="root"></div></body></html>');
  return dir;
}

export function startServerProcess(args: string[], env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['bin/gapmap.js', 'serve', '--port', '0', '--dist', minimalDist(), ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gapmap serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving (http:\/\/[^\s]+) on/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          async stop() {
            child.kill('SIGTERM');
            await exited;
          },
          async kill() {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gapmap serve exited with ${code} before serving:\n${output}`));
    });
  });
}

/** Runs `gapmap serve` expecting it to refuse to start; resolves with its exit code and output. */
export function serveRefusal(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['bin/gapmap.js', 'serve', '--port', '0', '--dist', minimalDist(), ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
