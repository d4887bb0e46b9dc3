import { ExitCode } from "@labctl/sdk";

/**
 * Ctrl-C becomes an AbortSignal so engines cancel gracefully; a second Ctrl-C exits at once.
 * Returns the signal and a function that removes the handler.
 */
export function abortOnInterrupt(onFirst: () => void): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const handler = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    onFirst();
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
