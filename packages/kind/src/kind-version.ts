import { ExitCode, LabctlError } from "@labctl/sdk";
import { INSTALL_KIND } from "./kind-binary";
import { kindFailure } from "./kind-errors";
import { type KindOptions, runKind } from "./run-kind";

export interface KindVersion {
  /** Semver without the "v": "0.33.0", "0.34.0-alpha+aa74c7f3e55dba". */
  version: string;
  /** The Go it was built with, e.g. "go1.25.1"; absent from `kind --version`'s shorter form. */
  go?: string;
  /** e.g. "linux/amd64". */
  platform?: string;
}

// `kind version` prints "kind v0.33.0 go1.25.1 linux/amd64"; `kind --version`, "kind version 0.33.0".
const LONG = /^kind v(\S+) (go\S+) (\S+\/\S+)/;
const SHORT = /^kind version v?(\d\S*)/;

/** The version in `kind version`'s output, or undefined when it is not kind's. */
export function parseKindVersion(text: string): KindVersion | undefined {
  const line = text.trim();
  const long = LONG.exec(line);
  if (long?.[1]) return { version: long[1], go: long[2], platform: long[3] };
  const short = SHORT.exec(line);
  return short?.[1] ? { version: short[1] } : undefined;
}

/** `kind version`, parsed. */
export async function kindVersion(options: KindOptions = {}): Promise<KindVersion> {
  const run = await runKind(["version"], options);
  if (run.exitCode !== 0) throw kindFailure(run);
  const parsed = parseKindVersion(run.stdout);
  if (parsed) return parsed;
  throw new LabctlError(
    `\`kind version\` printed something that is not a kind version: "${run.stdout.trim().slice(0, 80)}".`,
    `Check that the binary labctl runs ($LABCTL_KIND, else \`kind\` on PATH) is kind. ${INSTALL_KIND}`,
    ExitCode.infrastructure,
    "KIND_VERSION_UNKNOWN",
  );
}
