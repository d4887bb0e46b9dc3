import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where one case runs: <root>/a/b/home is LABCTL_HOME, <root>/in holds its input files. */
export interface Ctx {
  root: string;
  home: string;
  in: (name: string) => string;
}

export type Args = string[] | ((c: Ctx) => string[]);

export interface Case {
  name: string;
  args: Args;
  exit: number;
  /** What the message (stderr, or the JSON error's message and advice) must say. */
  message: RegExp;
  env?: (c: Ctx) => NodeJS.ProcessEnv;
  /** Files the case needs before it runs (config.yaml in the home, a sentinel outside it). */
  setup?: (c: Ctx) => void;
  /** The message is in the command's report on stdout (doctor), not an error on stderr. */
  reported?: boolean;
  /** Paths (relative to the case's root) the run may create or change; nothing by default. */
  writes?: RegExp;
}

/** One table row: name, command line, exit code, message; the rest when needed. */
export const bad = (
  name: string,
  args: Args,
  exit: number,
  message: RegExp,
  more: Partial<Case> = {},
): Case => ({
  name,
  args,
  exit,
  message,
  ...more,
});

export const write = (path: string, text: string) => {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
};

/** A config.yaml in the case's home. */
export const config = (text: string) => (c: Ctx) => write(join(c.home, "config.yaml"), text);

/** Inputs every case gets, outside the home. */
export function writeInputs(c: Ctx): void {
  write(c.in("devops.csv"), "name,email\nAnn Lee,ann@example.org\nBob Ray,bob@example.org\n");
  write(c.in("dup.csv"), "id,name\nann,Ann\nann,Ann Bis\n");
  write(c.in("empty.csv"), "");
  write(c.in("header-only.csv"), "id,name,email\n");
  write(c.in("a-file"), "not a folder");
  write(c.in("bad-map.yaml"), "images: [unclosed\n");
  mkdirSync(c.in("a-folder"), { recursive: true });
}

export const LONG_ID = "a".repeat(31);
/** A socket path where no engine listens: commands that reach Docker fail fast (exit 2). */
export const NO_DOCKER = `unix:///tmp/labctl-no-docker-${process.pid}.sock`;
export const ENGINE_DOWN = /Cannot (reach|connect to) .*labctl-no-docker/;
/** A socket whose server accepts and never answers (a wedged dockerd); the suite serves it. */
export const WEDGED_SOCKET = `/tmp/labctl-wedged-${process.pid}.sock`;
