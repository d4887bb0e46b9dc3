import { type CheckResult, error } from "./check";

/**
 * Runs a probe; a throw means the Docker engine could not answer (probes return undefined for
 * missing objects), which is `error`, never a grade.
 */
export async function engineGuard(probe: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await probe();
  } catch (err) {
    return error(`could not query the Docker engine: ${errorText(err)}`);
  }
}

/** The most useful short form of a thrown value: its code when it has one, then its message. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && !err.message.includes(code) ? `${code} (${err.message})` : err.message;
}
