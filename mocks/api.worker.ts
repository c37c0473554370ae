/// <reference lib="webworker" />
// The standalone /api in its own thread: the same msw handlers as the tests, answered with msw's
// getResponse for each request the page posts (mocks/browser.ts), on the organisation in IndexedDB.
// Loading, seeding the demo and every computation run here, so the page's main thread only renders.
// First: msw needs a localStorage before it loads (see the module).
import './workerLocalStorage';
import { getResponse } from 'msw';
import { todayIso } from '../src/domain/dates';
import { ImportWorkerError } from '../src/workers/importWorkerClient';
import { indexedDbStore } from './db/indexedDbStore';
import { createHandlers } from './handlers';
import type { CommitImportSession } from './importHandlers';
import { createOrganisationState } from './organisationState';
import { errorResponse } from './requestContext';
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
const handlers = createHandlers(state, { commitImportSession });

async function answer(message: ApiRequestMessage): Promise<void> {
  const request = new Request(message.url, { method: message.method, headers: message.headers, body: message.body });
  let response: Response;
  try {
    response =
      (await getResponse(handlers, request)) ??
      errorResponse(404, 'not-found', `The API has no ${message.method} ${new URL(message.url).pathname}.`);
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
