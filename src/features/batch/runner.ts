/**
 * Start a batch run: in a module Web Worker where the browser has one, else (tests, very old browsers)
 * on the main thread in chunks with a pause between them. Either way `cancel` stops it at once.
 */
import { batchRun, type BatchEvent, type BatchRequest } from './run';

export type BatchJob = { cancel: () => void };
export type RunnerEvent = BatchEvent | { type: 'crashed'; detail: string };

export function startBatch(request: BatchRequest, onEvent: (event: RunnerEvent) => void, options: { worker?: boolean } = {}): BatchJob {
  if ((options.worker ?? true) && typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
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
