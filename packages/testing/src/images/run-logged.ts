import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";

export interface RunLoggedOptions {
  /** File that receives the command line, stdout and stderr (appended). */
  logFile: string;
  env?: NodeJS.ProcessEnv;
  /** Piped into the command's stdin (e.g. a tar stream for `docker import -`). */
  stdin?: NodeJS.ReadableStream;
}

/** Runs a command to completion with its output in a log file; rejects naming the log and its tail. */
export async function runLogged(
  command: string,
  args: readonly string[],
  opts: RunLoggedOptions,
): Promise<void> {
  const log = createWriteStream(opts.logFile, { flags: "a" });
  await new Promise<void>((resolve, reject) => {
    log.write(`$ ${command} ${args.join(" ")}\n`, (err) => (err ? reject(err) : resolve()));
  });
  const code = await new Promise<number | string>((resolve) => {
    const child = spawn(command, args, {
      env: opts.env ?? process.env,
      stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "pipe"],
    });
    if (opts.stdin && child.stdin) opts.stdin.pipe(child.stdin);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.on("error", (err) => resolve(err.message));
    child.on("close", (status, signal) => resolve(status ?? `signal ${signal}`));
  });
  await new Promise<void>((resolve) => log.end(resolve));
  if (code === 0) return;
  const tail = (await readFile(opts.logFile, "utf8").catch(() => ""))
    .trimEnd()
    .split("\n")
    .slice(-15)
    .join("\n");
  throw new Error(
    `\`${command} ${args[0] ?? ""}\` failed (${code}); full output in ${opts.logFile}:\n${tail}`,
  );
}
