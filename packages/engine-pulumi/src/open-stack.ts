import { existsSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import type { PulumiDriver, StackArgs, StackHandle } from "./driver";

/** Creates the environment's stack (and its workDir) when missing. */
export async function createOrSelectStack(driver: PulumiDriver, args: StackArgs): Promise<StackHandle> {
  await mkdir(args.workDir, { recursive: true, mode: 0o700 });
  return driver.createOrSelectStack(args);
}

/** The environment's stack, or undefined when it has none; asking leaves no workDir behind. */
export async function selectStack(driver: PulumiDriver, args: StackArgs): Promise<StackHandle | undefined> {
  const existed = existsSync(args.workDir);
  await mkdir(args.workDir, { recursive: true, mode: 0o700 });
  try {
    return await driver.selectStack(args);
  } catch (e) {
    if (!(e instanceof Error && e.name === "StackNotFoundError")) throw e;
    if (!existed) await rm(args.workDir, { recursive: true, force: true });
    return undefined;
  }
}
