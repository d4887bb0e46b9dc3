import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { type EngineEvent, ExitCode, LabctlError } from "@labctl/sdk";
import type { PulumiCli, PulumiDriver } from "./driver";

export interface ResolveCliOptions {
  version: string;
  /** Where labctl installs the CLI, and where an offline room pre-seeds it (`<root>/bin/pulumi`). */
  root: string;
  /** False: never download (tests, and rooms that forbid it). */
  install?: boolean;
  onEvent?: (event: EngineEvent) => void;
}

/**
 * Finds a compatible Pulumi CLI: on PATH, then pre-seeded under `root`, then installed there.
 * When none can be had, throws one LabctlError (exit 2) and leaves nothing behind.
 */
export async function resolveCli(driver: PulumiDriver, opts: ResolveCliOptions): Promise<PulumiCli> {
  const { version, root } = opts;
  let onPath: string | undefined;
  try {
    return await driver.findCli({ version });
  } catch (e) {
    onPath = foundVersion(e);
  }
  try {
    return await driver.findCli({ version, root });
  } catch {
    // Not pre-seeded either: try to install it.
  }
  let failure = "downloading it is turned off";
  if (opts.install !== false) {
    const existed = existsSync(root);
    opts.onEvent?.({ kind: "step", message: `Installing the Pulumi CLI ${version} into ${root}` });
    try {
      return await driver.installCli({ version, root });
    } catch (e) {
      if (!existed) await rm(root, { recursive: true, force: true });
      failure = `it could not be downloaded (${reason(e)})`;
    }
  }
  const problem = onPath
    ? `The Pulumi CLI on PATH is ${onPath}, not compatible with the ${version} labctl needs, and ${failure}.`
    : `The Pulumi CLI ${version} is not installed, and ${failure}.`;
  throw new LabctlError(
    problem,
    `Install Pulumi ${version} and put it on PATH, or pre-seed it as ${join(root, "bin", "pulumi")}, or use \`--engine docker\`.`,
    ExitCode.infrastructure,
    "PULUMI_CLI_MISSING",
  );
}

/** The version of a CLI that was found but refused (the SDK's version check message names it). */
function foundVersion(e: unknown): string | undefined {
  const text = e instanceof Error ? e.message : String(e);
  const match = /current CLI version is v?(\S+?)\.?(?:\s|$)|using Pulumi CLI version v?(\S+)/.exec(text);
  return match?.[1] ?? match?.[2];
}

function reason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.trim().split("\n")[0] ?? "unknown error";
}
