// The messages between the page and the API worker (api.worker.ts): requests and their
// responses as plain data (bodies as transferred ArrayBuffers), and the worker's one question back
// to the page, committing an import session the page's import worker holds.
import type { ImportMode } from '../../../api/importContract';
import type { ImportResults } from '../../import/importProtocol';
import type { ImportWorkerError } from '../../import/importWorkerClient';

export type HeaderList = [string, string][];

export interface ApiRequestMessage {
  type: 'request';
  id: number;
  url: string;
  method: string;
  headers: HeaderList;
  body: ArrayBuffer | null;
}

export interface ApiResponseMessage {
  type: 'response';
  id: number;
  status: number;
  statusText: string;
  headers: HeaderList;
  body: ArrayBuffer;
}

export interface CommitSessionMessage {
  type: 'commit-session';
  id: number;
  session: string;
  mode: ImportMode;
  validRowsOnly: boolean;
}

export type CommitSessionResultMessage =
  | { type: 'commit-session-result'; id: number; ok: true; result: ImportResults['commit'] | null }
  | { type: 'commit-session-result'; id: number; ok: false; code: ImportWorkerError['code']; message: string };

export type ToApiWorker = ApiRequestMessage | CommitSessionResultMessage;
export type FromApiWorker = ApiResponseMessage | CommitSessionMessage;
