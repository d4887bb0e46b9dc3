import { ExitCode, LabctlError } from "@labctl/sdk";
import { closestMatch } from "./closest-match";

/** What labctl knows of its commands, from oclif's config. */
export interface CommandList {
  commandIDs: string[];
  topics: { name: string }[];
}

const spaced = (id: string) => id.replaceAll(":", " ");

/**
 * What oclif could not match, read back: with `topicSeparator: " "` it folds the leading words
 * into the id, so `labctl labs extra` arrives as `labs:extra` and `labctl verfy tp03` as
 * `verfy:tp03`. Returns the known command and its extra words, or the word(s) typed as a command.
 */
export function readUnknown(
  id: string,
  commands: CommandList,
): { command: string; extra: string[] } | { typed: string; rest: string[] } {
  const parts = id.split(":");
  for (let i = parts.length - 1; i >= 1; i--) {
    const command = parts.slice(0, i).join(":");
    if (commands.commandIDs.includes(command)) return { command, extra: parts.slice(i) };
  }
  let depth = 1;
  const isTopic = (n: number) => commands.topics.some((t) => t.name === parts.slice(0, n).join(":"));
  while (depth < parts.length && isTopic(depth)) depth++;
  return { typed: parts.slice(0, depth).join(":"), rest: parts.slice(depth) };
}

/**
 * `labctl verfy`, `labctl class fly`, `labctl help verfy`, `labctl labs extra`: a usage error (64)
 * naming the closest command when it looks like a typo, and where to see the list.
 */
export function unknownCommandError(id: string, commands: CommandList): LabctlError {
  const read = readUnknown(id, commands);
  if ("command" in read) {
    const s = read.extra.length === 1 ? "" : "s";
    return new LabctlError(
      `Unexpected argument${s}: ${read.extra.join(", ")}.`,
      `Run \`labctl ${spaced(read.command)} --help\` for its arguments and flags.`,
      ExitCode.usage,
      "USAGE",
    );
  }
  const suggestion = closestMatch(read.typed, commands.commandIDs);
  const topic = commands.topics.find((t) => t.name === read.typed.split(":")[0]);
  const hint = suggestion ? ` Did you mean "${spaced(suggestion)}"?` : "";
  return new LabctlError(
    `"${spaced(read.typed)}" is not a labctl command.${hint}`,
    `Run \`labctl help${topic ? ` ${topic.name}` : ""}\` for the list of commands.`,
    ExitCode.usage,
    "UNKNOWN_COMMAND",
  );
}
