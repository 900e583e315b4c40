/** The batch run off the main thread: the page stays responsive; cancelling terminates the worker. */
import { batchRun, type BatchRequest } from './run';
import type { RunnerEvent } from './runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (e: MessageEvent<BatchRequest>) => {
  try {
    for await (const event of batchRun(e.data)) scope.postMessage(event satisfies RunnerEvent);
  } catch (error) {
    // A rejected promise is no error event for the page: say so in a message.
    scope.postMessage({ type: 'crashed', detail: (error as Error).message } satisfies RunnerEvent);
  }
};
