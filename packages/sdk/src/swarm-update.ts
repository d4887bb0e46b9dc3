/**
 * A rolling update's state (`UpdateStatus.State`) in which Swarm is still replacing tasks or
 * watching the last ones for the monitor period: a failure then can still roll the service back.
 */
export const updateUnderWay = (state: string | undefined): boolean =>
  state === "updating" || state === "rollback_started";

/** A rolling update stopped by its failure action "pause": it waits for someone to resume it. */
export const updatePaused = (state: string | undefined): boolean =>
  state === "paused" || state === "rollback_paused";
