/// <reference lib="webworker" />
// The browser host of the backend (SPEC §8): the same app as `gapmap serve` (src/server/http/app.ts),
// answering in its own thread each request the page posts (browser.ts), on the organisation in
// IndexedDB. Loading, seeding the demo and every computation run here; the page's main thread only renders.
import { todayIso } from '../../../domain/dates';
import { ImportWorkerError } from '../../import/importWorkerClient';
import { indexedDbStore } from '../../store/indexedDbStore';
import { createApp } from '../../http/app';
import type { CommitImportSession } from '../../http/importRoutes';
import { createOrganisationState } from '../../state/organisationState';
import { errorResponse } from '../../http/requestContext';
import type { ApiRequestMessage, ApiResponseMessage, CommitSessionMessage, FromApiWorker, ToApiWorker } from './apiWorkerProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromApiWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

// Import sessions live in the page (its import worker holds the records): ask the page to commit one.
let nextQuestion = 1;
const waitingForPage = new Map<number, { resolve: (value: Awaited<ReturnType<CommitImportSession>>) => void; reject: (error: Error) => void }>();

const commitImportSession: CommitImportSession = (session, { mode, validRowsOnly }) =>
  new Promise((resolve, reject) => {
    const id = nextQuestion++;
    waitingForPage.set(id, { resolve, reject });
    const question: CommitSessionMessage = { type: 'commit-session', id, session, mode, validRowsOnly };
    post(question);
  });

const state = createOrganisationState(indexedDbStore(), () => todayIso());
const app = createApp(state, { commitImportSession });

async function answer(message: ApiRequestMessage): Promise<void> {
  const request = new Request(message.url, { method: message.method, headers: message.headers, body: message.body });
  let response: Response;
  try {
    response = await app.fetch(request);
  } catch (error) {
    response = errorResponse(500, 'internal', error instanceof Error ? error.message : String(error));
  }
  const body = await response.arrayBuffer();
  const reply: ApiResponseMessage = {
    type: 'response', id: message.id, status: response.status, statusText: response.statusText, headers: [...response.headers], body,
  };
  post(reply, [body]);
}

self.onmessage = (event: MessageEvent<ToApiWorker>) => {
  const message = event.data;
  if (message.type === 'request') {
    void answer(message);
    return;
  }
  const waiting = waitingForPage.get(message.id);
  if (!waiting) return;
  waitingForPage.delete(message.id);
  if (message.ok) waiting.resolve(message.result ?? undefined);
  else waiting.reject(new ImportWorkerError(message.code, message.message));
};
