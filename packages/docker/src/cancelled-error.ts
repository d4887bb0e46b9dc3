import { ExitCode, LabctlError } from "@labctl/sdk";

/** What an aborted up or down reports (Ctrl-C): the environment may be half-built. */
export function cancelledError(): LabctlError {
  return new LabctlError(
    "Cancelled before the end: the environment may be half-built.",
    "Run up again to finish it, or down to remove what was created.",
    ExitCode.infrastructure,
    "CANCELLED",
  );
}
