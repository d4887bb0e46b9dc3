import { kindFailure } from "./kind-errors";
import { type KindOptions, runKind } from "./run-kind";

/** `kind get clusters`: the names, one a line on stdout ("No kind clusters found." on stderr when none). */
export async function listClusters(options: KindOptions = {}): Promise<string[]> {
  const run = await runKind(["get", "clusters"], options);
  if (run.exitCode !== 0) throw kindFailure(run);
  if (run.stderr.includes("No kind clusters found.")) return [];
  return run.stdout
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}
