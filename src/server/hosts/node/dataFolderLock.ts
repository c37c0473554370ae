// The embedded PGlite serves one process: `gapmap serve` takes a lock file in its data folder and
// a second process is refused with a clear message. A lock left by a process that no longer runs
// (killed, machine restarted) is taken over.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderBusyError extends Error {
  constructor(folder: string, pid: number) {
    super(
      `The data folder ${folder} is in use by another Gapmap process (pid ${pid}). The embedded database serves one process: ` +
        'stop the other one, use another --data folder, or run several processes on one PostgreSQL server (--database-url).',
    );
    this.name = 'DataFolderBusyError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock; returns the function that releases it. */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'gapmap.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) throw new DataFolderBusyError(folder, pid);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Cannot take the lock ${path}.`);
}
