/**
 * Start a batch run: in a module Web Worker where the browser has one, else (tests, very old browsers)
 * on the main thread in chunks with a pause between them. Either way `cancel` stops it at once.
 * The batch screen prepares a worker when it opens, so that the worker's code is fetched and evaluated while
 * the user picks a file, not after (about 150 ms on a slow machine).
 */
import { batchRun, type BatchEvent, type BatchRequest } from './run';

export type BatchJob = { cancel: () => void };
export type RunnerEvent = BatchEvent | { type: 'crashed'; detail: string };

/** A worker started ahead of the next run; `failed`: its script did not load (the error came before any run listened). */
let spare: { worker: Worker; failed: boolean } | null = null;

const newWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** Start the next run's worker now. The function returned ends it if no run has taken it. */
export function prepareBatchWorker(): () => void {
  if (typeof Worker === 'undefined') return () => undefined;
  if (!spare) {
    const prepared = { worker: newWorker(), failed: false };
    prepared.worker.addEventListener('error', () => (prepared.failed = true), { once: true });
    spare = prepared;
  }
  const mine = spare;
  return () => {
    if (spare !== mine) return;
    spare = null;
    mine.worker.terminate();
  };
}

/** The prepared worker if there is a sound one, else a new one. */
function takeWorker(): Worker {
  const prepared = spare;
  spare = null;
  if (prepared && !prepared.failed) return prepared.worker;
  prepared?.worker.terminate();
  return newWorker();
}

export function startBatch(request: BatchRequest, onEvent: (event: RunnerEvent) => void, options: { worker?: boolean } = {}): BatchJob {
  if ((options.worker ?? true) && typeof Worker !== 'undefined') {
    const worker = takeWorker();
    let finished = false;
    const stop = () => {
      finished = true;
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<RunnerEvent>) => {
      if (finished) return;
      if (e.data.type === 'done' || e.data.type === 'failed' || e.data.type === 'crashed') stop();
      onEvent(e.data);
    };
    worker.onerror = (e) => {
      if (finished) return;
      stop();
      onEvent({ type: 'crashed', detail: e.message });
    };
    // The bytes are handed over, not copied.
    worker.postMessage(request, [request.bytes.buffer]);
    return { cancel: stop };
  }
  let cancelled = false;
  const run = async () => {
    try {
      for await (const event of batchRun(request)) {
        if (cancelled) return;
        onEvent(event);
        if (event.type === 'done' || event.type === 'failed') return;
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } catch (e) {
      if (!cancelled) onEvent({ type: 'crashed', detail: (e as Error).message });
    }
  };
  void run();
  return {
    cancel: () => {
      cancelled = true;
    },
  };
}
