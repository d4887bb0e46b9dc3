import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { arch, platform, release } from "node:os";

/**
 * `labctl --version`: oclif's line (its `config.userAgent`, "@labctl/cli/0.1.0 linux-x64
 * node-v22.23.3"), made as oclif makes it but without loading oclif and its plugins, which
 * takes several times as long as starting Node (bin/run.js answers with it before oclif loads).
 */
export function versionLine(pjson: { name: string; version: string }): string {
  const cpu = arch() === "ia32" ? "x86" : arch();
  return `${pjson.name}/${pjson.version} ${oclifPlatform()}-${cpu} node-${process.version}`;
}

/**
 * oclif names the Windows Subsystem for Linux "wsl" (wsl-utils' isWsl), else os.platform().
 * isWsl is true only when one of the signs below is there: without any, the answer is known
 * without loading it (an ES module: loading it costs a third of Node's start-up).
 */
function oclifPlatform(): string {
  if (platform() !== "linux" || !wslSign()) return platform();
  const fromOclif = createRequire(require.resolve("@oclif/core"));
  const { isWsl } = fromOclif(fromOclif.resolve("wsl-utils")) as { isWsl: boolean };
  return isWsl ? "wsl" : platform();
}

/** What is-wsl looks at: the kernel release, /proc/version, WSL's interop file and run folder. */
export function wslSign(): boolean {
  const proc = (() => {
    try {
      return readFileSync("/proc/version", "utf8");
    } catch {
      return "";
    }
  })();
  return (
    [release(), proc].some((text) => text.toLowerCase().includes("microsoft")) ||
    existsSync("/proc/sys/fs/binfmt_misc/WSLInterop") ||
    existsSync("/run/WSL")
  );
}
