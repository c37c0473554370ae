// Import jobs in PostgreSQL: the uploaded files' bytes and options, so a job received by one
// process can be checked, committed or cancelled by another. Jobs older than a day are dropped.
import type { FileReadOptions } from '../../api/importContract';
import { newJobId, type ImportJobStore, type StoredJobFile } from '../import/importJobStore';
import type { SqlDatabase } from './sql/sqlDatabase';

interface FileRow {
  file_id: string;
  file_name: string;
  options: FileReadOptions | string;
  bytes?: Uint8Array;
  version: number;
}

function fileOf(row: FileRow): StoredJobFile {
  return {
    fileId: row.file_id,
    fileName: row.file_name,
    options: typeof row.options === 'string' ? (JSON.parse(row.options) as FileReadOptions) : row.options,
    bytes: row.bytes ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : new Uint8Array(0),
    version: row.version,
  };
}

export function postgresImportJobStore(db: SqlDatabase): ImportJobStore {
  return {
    async create(owner) {
      const id = newJobId();
      // An abandoned job (a closed tab) must not keep 65 MB of uploads forever.
      await db.query(`delete from import_jobs where created_at < now() - interval '1 day'`);
      await db.query('insert into import_jobs (id, owner) values ($1, $2)', [id, owner]);
      return id;
    },
    async owner(jobId) {
      const [row] = await db.query<{ owner: string }>('select owner from import_jobs where id = $1', [jobId]);
      return row?.owner;
    },
    async putFile(jobId, file) {
      return db.transaction(async (tx) => {
        const [job] = await tx.query<{ next_file: number }>('update import_jobs set next_file = next_file + 1 where id = $1 returning next_file - 1 as next_file', [jobId]);
        if (!job) throw new Error(`no import job ${jobId}`);
        const fileId = `f${job.next_file}`;
        await tx.query(
          'insert into import_job_files (job_id, file_id, position, file_name, bytes) values ($1, $2, $3, $4, $5)',
          [jobId, fileId, job.next_file, file.fileName, file.bytes],
        );
        return { fileId, fileName: file.fileName, options: {}, bytes: file.bytes, version: 1 };
      });
    },
    async setOptions(jobId, fileId, options) {
      const [row] = await db.query<FileRow>(
        'update import_job_files set options = $3, version = version + 1 where job_id = $1 and file_id = $2 returning file_id, file_name, options, version',
        [jobId, fileId, JSON.stringify(options)],
      );
      return row ? fileOf(row) : undefined;
    },
    async removeFile(jobId, fileId) {
      await db.query('delete from import_job_files where job_id = $1 and file_id = $2', [jobId, fileId]);
    },
    async files(jobId) {
      const rows = await db.query<FileRow>('select file_id, file_name, options, version from import_job_files where job_id = $1 order by position', [jobId]);
      return rows.map(fileOf);
    },
    async file(jobId, fileId) {
      const [row] = await db.query<FileRow>('select file_id, file_name, options, version, bytes from import_job_files where job_id = $1 and file_id = $2', [jobId, fileId]);
      return row ? fileOf(row) : undefined;
    },
    async delete(jobId) {
      await db.query('delete from import_jobs where id = $1', [jobId]);
    },
  };
}
