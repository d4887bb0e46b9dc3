#!/usr/bin/env node
// labctl entry point: oclif finds the commands in oclif.manifest.json (written by `npm run build`)
// and loads only the one that runs. Whatever fails, in a command or before one runs (unknown
// command, a hook, `help <typo>`), is printed by the one renderer, dist/render-failure.js: labctl's
// message and advice, its exit codes, one document under --json, never a stack trace and never
// exit 1 (that means "a check failed"). bench/cli-startup.mjs times the start-up.
// Node keeps the compiled code of labctl and its dependencies (in the OS temp folder): from the
// second run on, start-up takes about half the time. Through the environment, the class workers
// labctl starts use it too (loading the Pulumi SDK: 0.4 s, 0.27 s from the cache).
const compileCache = require("node:module").enableCompileCache?.();
if (compileCache?.directory) process.env.NODE_COMPILE_CACHE ??= compileCache.directory;
const argv = process.argv.slice(2);
const render = (error, commands) => {
  const { renderFailure, wantsJson } = require("../dist/render-failure");
  return renderFailure(error, { json: wantsJson(argv), commands });
};
// An error nothing awaited: labctl's rendering and exit code instead of Node's stack and exit 1,
// unless something else (the Pulumi runtime during a program) listens for it.
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (error) => {
    if (process.listenerCount(event) === 1) process.exit(render(error));
  });
}
void (async () => {
  // oclif's own answer to `--version` (its first word only, as oclif reads it), without oclif.
  if (argv[0] === "--version") {
    process.stdout.write(`${require("../dist/version-line").versionLine(require("../package.json"))}\n`);
    return;
  }
  // The root help and `labs [--json]`, as oclif prints them, from dist/fast-answers.json (written
  // by `npm run build`) when src/fast-answer.ts is sure they are oclif's; else oclif answers.
  if (argv.length <= 2) {
    const answer = require("../dist/fast-answer").fastAnswer(argv, require("../package.json"));
    if (answer !== undefined) {
      process.stdout.on("error", () => undefined); // as console.log, oclif's printer: `| head` is no failure
      process.stdout.write(answer);
      return;
    }
  }
  // oclif's entry points, not its index (which also loads the parser, the UX kit and semver).
  const oclif = {
    run: require("@oclif/core/run").run,
    flush: require("@oclif/core/flush").flush,
    Config: { load: (root) => require("@oclif/core/config").Config.load(root) },
  };
  try {
    await oclif.run(argv, __dirname);
    await oclif.flush();
  } catch (error) {
    // `labctl help verfy`: the command list, for "did you mean".
    const commands = /^Command \S+ not found/.test(String(error?.message))
      ? await oclif.Config.load(__dirname).catch(() => undefined)
      : undefined;
    const code = render(error, commands);
    await oclif.flush().catch(() => undefined);
    // As oclif's own handler does: a failed command may leave sockets or timers behind.
    process.exit(code);
  }
})();
