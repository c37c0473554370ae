// The messages between the page and the API worker (api.worker.ts): requests and their
// responses as plain data, bodies as transferred ArrayBuffers (an uploaded file is never copied).

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

export type ToApiWorker = ApiRequestMessage;
export type FromApiWorker = ApiResponseMessage;
