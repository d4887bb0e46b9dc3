import { access, constants } from "node:fs/promises";
import * as path from "node:path";

/** Whether `command` is an executable on PATH (plus the sbin folders a non-login root shell may lack). */
export async function commandExists(command: string, envPath = process.env.PATH ?? ""): Promise<boolean> {
  const dirs = [...envPath.split(path.delimiter), "/usr/local/sbin", "/usr/sbin", "/sbin"].filter(Boolean);
  for (const dir of dirs) {
    try {
      await access(path.join(dir, command), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

/** Environment for apt-get: never prompt. */
export function aptEnv(): NodeJS.ProcessEnv {
  return { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
}
