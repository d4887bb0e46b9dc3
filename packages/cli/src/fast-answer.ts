import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir, platform, tmpdir } from "node:os";
import { join } from "node:path";
import { helpWidth, type RootHelpModel, rootHelp } from "./fast-help";
import { versionLine } from "./version-line";

/**
 * bin/run.js answers the root help (`labctl`, `--help`, `-h`, `help`) and `labctl labs [--json]`
 * from dist/fast-answers.json, without loading oclif (three times Node's start-up) or the labs,
 * printing exactly what oclif prints. The file is written at build by scripts/fast-answers.js,
 * from oclif itself: the root help's rows, and the labs command's own output. Whenever the answer
 * could differ from oclif's (any other command line, a user plugin or theme oclif would load,
 * LABCTL_CONTENT_TYPE, no file), this returns undefined and oclif runs as usual.
 * fast-answer.test.ts compares both outputs.
 */
export interface FastAnswers {
  help: RootHelpModel;
  labs: { human: string; json: string };
}

export function fastAnswer(
  argv: string[],
  pjson: { name: string; version: string },
  file = join(__dirname, "fast-answers.json"),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const line = JSON.stringify(argv);
  const labs = line === '["labs"]' ? "human" : line === '["labs","--json"]' ? "json" : undefined;
  if (!labs && argv.length > 1) return undefined;
  if (oclifWouldDiffer(env)) return undefined;
  const answers = readAnswers(file);
  if (!answers) return undefined;
  if (labs) return answers.labs[labs];
  if (argv.length === 1 && !answers.help.words.includes(argv[0] as string)) return undefined;
  return rootHelp(answers.help, {
    width: helpWidth(env),
    userAgent: versionLine(pjson),
    bold: oclifBold(env),
  });
}

function readAnswers(file: string): FastAnswers | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as FastAnswers;
  } catch {
    return undefined; // not built yet: oclif answers
  }
}

/**
 * What oclif's Config.load reads that could change these answers: plugins a user installed (its
 * data folder's package.json), a theme (its config folder's theme.json), LABCTL_CONTENT_TYPE
 * (JSON output). Its folders as it finds them (XDG, else ~/.config, ~/.local/share; Windows has
 * its own rules: oclif answers there).
 */
function oclifWouldDiffer(env: NodeJS.ProcessEnv): boolean {
  if (platform() === "win32" || env.LABCTL_CONTENT_TYPE) return true;
  const home = env.HOME || homedir() || tmpdir();
  const dir = (xdg: string | undefined, fallback: string) => join(xdg || join(home, fallback), "labctl");
  const config = env.LABCTL_CONFIG_DIR || dir(env.XDG_CONFIG_HOME, ".config");
  const data = env.LABCTL_DATA_DIR || dir(env.XDG_DATA_HOME, ".local/share");
  return existsSync(join(config, "theme.json")) || existsSync(join(data, "package.json"));
}

/**
 * oclif's colorize("bold", header): ansis' bold when supports-color finds colour on stdout and
 * stderr. Without a terminal on stdout and without FORCE_COLOR it never does (known without
 * loading them); otherwise ask the very modules oclif uses.
 */
function oclifBold(env: NodeJS.ProcessEnv): (text: string) => string {
  const plain = (text: string) => text;
  if (!process.stdout.isTTY && !("FORCE_COLOR" in env)) return plain;
  const fromOclif = createRequire(require.resolve("@oclif/core"));
  const colour = fromOclif("supports-color") as { stdout: unknown; stderr: unknown };
  if (!colour.stdout || !colour.stderr) return plain;
  return (fromOclif("ansis") as { bold: (text: string) => string }).bold;
}
