import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  type Case,
  type Ctx,
  NO_DOCKER,
  WEDGED_SOCKET,
  writeInputs,
} from "./test-support/bad-input/bad-input-case";
import { CLASS_CASES } from "./test-support/bad-input/class-cases";
import { COMMAND_LINE_CASES, WEDGED_CASES } from "./test-support/bad-input/command-line-cases";
import { ENVIRONMENT_CASES } from "./test-support/bad-input/environment-cases";
import { MACHINE_CASES } from "./test-support/bad-input/machine-cases";
import { type CliRun, inPool, runCliAsync } from "./test-support/run-cli";

// The bad-input suite (CLI contract tier, no Docker): every command given what a person or a
// script gets wrong (tables in test-support/bad-input/). Each case asserts the exit code, a
// message that names the problem, no stack trace or raw `Code: E…`, one JSON document under
// --json, and that nothing was written under LABCTL_HOME or next to it. Runs the built bin.
// The wedged-engine cases first: they wait for the engine's timeouts while the others run.
const CASES: Case[] = [
  ...WEDGED_CASES,
  ...COMMAND_LINE_CASES,
  ...ENVIRONMENT_CASES,
  ...MACHINE_CASES,
  ...CLASS_CASES,
];

/** Every file and folder under `dir`, with what shows a change. */
function listing(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      const s = statSync(path);
      found.set(relative(dir, path), entry.isDirectory() ? "dir" : `${s.size}:${s.mtimeMs}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return found;
}

function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = [...after].filter(([p, v]) => before.get(p) !== v).map(([p]) => p);
  const removed = [...before.keys()].filter((p) => !after.has(p)).map((p) => `removed ${p}`);
  return [...changed, ...removed].sort();
}

interface Outcome {
  args: string[];
  run: CliRun;
  /** What the run created, changed or removed anywhere under the case's folder. */
  changed: string[];
}

const outcomes = new Map<string, Outcome>();

/** One case in its own folder: the home two levels down (so `../../x` would land in the folder). */
async function runCase(kase: Case, root: string): Promise<Outcome> {
  const c: Ctx = { root, home: join(root, "a", "b", "home"), in: (name) => join(root, "in", name) };
  const user = join(root, "user");
  mkdirSync(user, { recursive: true });
  writeInputs(c);
  kase.setup?.(c);
  const before = listing(root);
  const args = typeof kase.args === "function" ? kase.args(c) : kase.args;
  const run = await runCliAsync(args, {
    home: c.home,
    cwd: root,
    env: {
      DOCKER_HOST: NO_DOCKER,
      HOME: user,
      XDG_CACHE_HOME: join(user, ".cache"),
      XDG_CONFIG_HOME: join(user, ".config"),
      XDG_DATA_HOME: join(user, ".local", "share"),
      ...kase.env?.(c),
    },
    timeoutMs: 30_000,
  });
  return { args, run, changed: changes(before, listing(root)) };
}

let wedged: Server | undefined;

beforeAll(async () => {
  rmSync(WEDGED_SOCKET, { force: true });
  wedged = createServer((socket) => socket.resume()); // reads every request, answers none
  await new Promise<void>((listening) => wedged?.listen(WEDGED_SOCKET, listening));
  const dir = mkdtempSync(join(tmpdir(), "labctl-bad-input-"));
  await inPool(
    6,
    CASES.map((kase, i) => async () => {
      outcomes.set(kase.name, await runCase(kase, join(dir, String(i))));
    }),
  );
}, 180_000);

afterAll(async () => {
  await new Promise((closed) => wedged?.close(closed));
  rmSync(WEDGED_SOCKET, { force: true });
});

describe("labctl bad input: exit code, message, nothing written", () => {
  it("has at least 80 cases, each with its own name", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, kase) => {
    const outcome = outcomes.get(kase.name);
    if (!outcome) throw new Error("the case did not run");
    const { args, run, changed } = outcome;
    const said = `labctl ${args.join(" ")}: exit ${run.status}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
    // The status first, with everything the run said when it is not the expected one.
    expect({ status: run.status, said }).toEqual({ status: kase.exit, said });
    let text = run.stderr;
    if (args.includes("--json")) {
      // Exactly one JSON document on stdout, whose exit code is the process's.
      const doc = JSON.parse(run.stdout) as { error: Record<string, unknown> };
      expect(doc.error).toEqual({
        code: expect.any(String),
        message: expect.any(String),
        advice: expect.any(String),
        exitCode: run.status,
      });
      text = `${doc.error.message}\n${doc.error.advice}`;
    } else if (kase.exit === 0 || kase.reported) {
      text = run.stdout;
    } else {
      expect(run.stdout).toBe(""); // errors go to stderr; stdout stays data
    }
    expect(text).toMatch(kase.message);
    for (const out of [run.stdout, run.stderr]) {
      expect(out).not.toMatch(/\n\s+at /); // no stack trace
      expect(out).not.toMatch(/Code: E|EEXIT|›/); // nothing of oclif's own error display
    }
    expect(changed.filter((p) => !kase.writes?.test(p))).toEqual([]);
  });
});
