import type { EngineEvent } from "@labctl/sdk";

/**
 * Engine progress on stderr: every resource step on a terminal, only failures and warnings
 * in CI or when output is piped (quiet logs), nothing with --json.
 */
export function progressPrinter(opts: {
  json: boolean;
  write: (line: string) => void;
}): (event: EngineEvent) => void {
  const verbose = process.stderr.isTTY === true && !process.env.CI;
  return (event) => {
    if (opts.json) return;
    if (event.kind === "resource") {
      if (event.phase === "failed")
        opts.write(`  ✗ ${event.action} ${event.name} (${event.type}): ${event.message ?? "failed"}`);
      else if (verbose && event.phase === "done" && event.action !== "same")
        opts.write(`  ✓ ${event.action} ${event.name}`);
    } else if (event.kind === "diagnostic") {
      if (event.severity !== "info" || verbose) opts.write(`  ${event.severity}: ${event.message}`);
    } else if (verbose) {
      opts.write(`  … ${event.message}`);
    }
  };
}
