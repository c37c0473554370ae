/// <reference lib="webworker" />
// The browser host of the backend (SPEC §8): the same app as `gapmap serve` (src/server/http/app.ts),
// answering in its own thread each request the page posts (browser.ts), on the organisation in
// IndexedDB. Loading, seeding the demo and every computation run here; the page's main thread only renders.
import { todayIso } from '../../../domain/dates';
import { indexedDbStore } from '../../store/indexedDbStore';
import { createApp } from '../../http/app';
import { createOrganisationState } from '../../state/organisationState';
import { errorResponse } from '../../http/requestContext';
import type { ApiRequestMessage, ApiResponseMessage, FromApiWorker, ToApiWorker } from './apiWorkerProtocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromApiWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);

const state = createOrganisationState(indexedDbStore(), () => todayIso());
const app = createApp(state);

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

self.onmessage = (event: MessageEvent<ToApiWorker>) => void answer(event.data);
