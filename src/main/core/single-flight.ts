/**
 * One outbox run at a time (photos, catalogue changes, location edits). A call while a run is busy shares
 * that run's promise and asks for one more pass after it: work may have become due meanwhile (back online,
 * a Retry). The run is forgotten only after it was assigned: a pass with nothing to send can finish before
 * the assignment, and forgetting it from inside left it remembered for good, so no later flush ever sent
 * anything (issue 22, found twice before it became this one function).
 */
export function singleFlight(pass: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    const run = (async () => {
      do {
        again = false;
        await pass();
      } while (again);
    })();
    running = run;
    run
      .finally(() => {
        if (running === run) running = null;
      })
      .catch(() => undefined); // the caller gets the failure from `run`
    return run;
  };
}
