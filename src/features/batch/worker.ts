/** The batch run off the main thread: the page stays responsive; cancelling terminates the worker. */
import { batchRun, type BatchRequest } from './run';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<BatchRequest>) => {
  for (const event of batchRun(e.data)) scope.postMessage(event);
};
