/**
 * What the batch screen keeps while another view is shown (src/features/batch/batch-screen.tsx, Props.keeper):
 * the results it showed, and the file of a run that leaving it stopped. Held by the app, which stays loaded,
 * so that the screen's own code (loaded with it) is not needed to make one.
 */
export type BatchKeeper<Result> = {
  keep(result: Result | null): void;
  kept(): Result | null;
  /** The file of the run that leaving the screen stopped (null: none, or said). */
  stopped(fileName: string | null): void;
  stoppedRun(): string | null;
};

export function batchKeeper<Result>(): BatchKeeper<Result> {
  let kept: Result | null = null;
  let stopped: string | null = null;
  return { keep: (result) => void (kept = result), kept: () => kept, stopped: (fileName) => void (stopped = fileName), stoppedRun: () => stopped };
}
