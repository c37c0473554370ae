// The worker thread of `gapmap report` (started by readAwardsInWorker): reads the awards file into
// columns while the main thread reads the other files, and hands the columns back without copying.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { readAwardRefColumns, type AwardRefColumns } from '../domain/csv/readRecordColumns';
import type { CsvReadOptions } from '../domain/csv/types';

const { path, options } = workerData as { path: string; options: CsvReadOptions };
let columns: AwardRefColumns | null = null;
try {
  const bytes = await readFile(path);
  columns = readAwardRefColumns(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), options);
} catch {
  // Unreadable: the main thread's full import path reads the file again and says why.
  columns = null;
}
const buffers = columns === null ? [] : [columns.employee, columns.credential, columns.issued, columns.expires].map((column) => column.buffer as ArrayBuffer);
parentPort?.postMessage(columns, buffers);
