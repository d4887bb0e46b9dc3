import type { Hook } from "@oclif/core";
import { isInteractive } from "../confirm";
import { wantsJson } from "../render-failure";
import { readUnknown, unknownCommandError } from "../unknown-command";

/**
 * An unknown command or topic (`labctl verfy`, `labctl class fly`). On a terminal,
 * @oclif/plugin-not-found asks "Did you mean verify?" and runs the answer; in scripts, CI and
 * under --json it is a usage error (64) naming the closest command, never a prompt. Extra words
 * after a command that takes none (`labctl labs extra`) are an unexpected argument, not a typo.
 */
const hook: Hook.CommandNotFound = async function (opts) {
  const commands = {
    commandIDs: opts.config.commands.filter((c) => !c.hidden).map((c) => c.id),
    topics: opts.config.topics,
  };
  const read = readUnknown(opts.id, commands);
  if ("typed" in read && isInteractive() && !wantsJson(opts.argv ?? [])) {
    const { default: didYouMean } = await import("@oclif/plugin-not-found");
    try {
      return await didYouMean.call(this, {
        ...opts,
        id: read.typed,
        argv: [...read.rest, ...(opts.argv ?? [])],
      });
    } catch (error) {
      // Answered no: the plugin exits 127 with "Run labctl help…"; labctl says it its way (64).
      if ((error as { oclif?: { exit?: number } }).oclif?.exit === 127)
        throw unknownCommandError(opts.id, commands);
      throw error;
    }
  }
  throw unknownCommandError(opts.id, commands);
};

export default hook;
