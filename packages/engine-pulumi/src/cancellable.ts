import { ExitCode, LabctlError } from "@labctl/sdk";
import type { StackHandle } from "./driver";
import { describeEnv, type EnvRef } from "./error-mapper";

/**
 * Runs one stack operation so that aborting `signal` (Ctrl-C) stops it gracefully: the
 * Automation API sends SIGINT to the CLI, which finishes in-flight steps and saves its state;
 * then `pulumi cancel` releases any lock left behind, and the call rejects with "cancelled".
 * A CLI that has not stopped after `graceMs` is left to itself and the lock released anyway.
 */
export async function runCancellable<T>(
  stack: StackHandle,
  env: EnvRef,
  signal: AbortSignal | undefined,
  graceMs: number,
  operation: (signal?: AbortSignal) => Promise<T>,
): Promise<T> {
  if (!signal) return operation(undefined);
  if (signal.aborted) throw cancelled(env);
  let timer: NodeJS.Timeout | undefined;
  let onAbort = () => {};
  const graceExpired = new Promise<"grace-expired">((resolve) => {
    onAbort = () => {
      timer = setTimeout(() => resolve("grace-expired"), graceMs);
    };
  });
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const running = operation(signal);
    running.catch(() => undefined); // settled below, or abandoned once the grace period is over
    const outcome = await Promise.race([running.then((value) => ({ value })), graceExpired]);
    if (outcome !== "grace-expired") return outcome.value;
  } catch (e) {
    if (!signal.aborted) throw e;
  } finally {
    signal.removeEventListener("abort", onAbort);
    clearTimeout(timer);
  }
  await stack.cancel().catch(() => undefined); // no lock left is the normal case
  throw cancelled(env);
}

export function cancelled(env: EnvRef): LabctlError {
  return new LabctlError(
    `Cancelled: the operation on ${describeEnv(env)} stopped part-way.`,
    `Run the same command again to finish it; \`labctl down ${env.lab}\` removes what was built.`,
    ExitCode.infrastructure,
    "CANCELLED",
  );
}
