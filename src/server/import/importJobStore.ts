// Where an import in progress keeps its files (SPEC §4, §8): the uploaded bytes and the reading
// options of each, under a job id. In memory in the browser host and in tests; in PostgreSQL on a
// server, so any process can check, commit or cancel a job another one received.
import type { FileReadOptions } from '../../api/importContract';

export interface StoredJobFile {
  fileId: string;
  fileName: string;
  options: FileReadOptions;
  bytes: Uint8Array;
  /** Increases whenever the file's bytes or options change: a parsed copy of an older version is stale. */
  version: number;
}

export interface ImportJobStore {
  create(owner: string): Promise<string>;
  /** The job's owner, or undefined when there is no such job. */
  owner(jobId: string): Promise<string | undefined>;
  putFile(jobId: string, file: { fileName: string; bytes: Uint8Array }): Promise<StoredJobFile>;
  setOptions(jobId: string, fileId: string, options: FileReadOptions): Promise<StoredJobFile | undefined>;
  removeFile(jobId: string, fileId: string): Promise<void>;
  /** The files in upload order, without their bytes (an empty array): what a check needs to know is stale. */
  files(jobId: string): Promise<StoredJobFile[]>;
  /** One file with its bytes, to be read again. */
  file(jobId: string, fileId: string): Promise<StoredJobFile | undefined>;
  delete(jobId: string): Promise<void>;
}

export function newJobId(): string {
  return `job-${crypto.randomUUID()}`;
}

export function memoryImportJobStore(): ImportJobStore {
  const jobs = new Map<string, { owner: string; files: StoredJobFile[]; nextFile: number }>();
  return {
    async create(owner) {
      const id = newJobId();
      jobs.set(id, { owner, files: [], nextFile: 1 });
      return id;
    },
    async owner(jobId) {
      return jobs.get(jobId)?.owner;
    },
    async putFile(jobId, file) {
      const job = jobs.get(jobId);
      if (!job) throw new Error(`no import job ${jobId}`);
      const stored: StoredJobFile = { fileId: `f${job.nextFile++}`, fileName: file.fileName, options: {}, bytes: file.bytes, version: 1 };
      job.files.push(stored);
      return stored;
    },
    async setOptions(jobId, fileId, options) {
      const file = jobs.get(jobId)?.files.find((candidate) => candidate.fileId === fileId);
      if (!file) return undefined;
      file.options = options;
      file.version++;
      return file;
    },
    async removeFile(jobId, fileId) {
      const job = jobs.get(jobId);
      if (job) job.files = job.files.filter((file) => file.fileId !== fileId);
    },
    async files(jobId) {
      return jobs.get(jobId)?.files ?? [];
    },
    async file(jobId, fileId) {
      return jobs.get(jobId)?.files.find((file) => file.fileId === fileId);
    },
    async delete(jobId) {
      jobs.delete(jobId);
    },
  };
}
