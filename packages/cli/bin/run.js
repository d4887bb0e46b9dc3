#!/usr/bin/env node
// labctl entry point: oclif loads the explicit command list from dist/commands.js. Whatever fails,
// in a command or before one runs (unknown command, a hook, `help <typo>`), is printed by the one
// renderer, dist/render-failure.js: labctl's message and advice, its exit codes, one document under
// --json, never a stack trace and never exit 1 (that means "a check failed").
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
  const oclif = await import("@oclif/core");
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
