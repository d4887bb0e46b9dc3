import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fastAnswer } from "./fast-answer";
import { runCli } from "./test-support/run-cli";

// bin/run.js answers the root help and `labs [--json]` from dist/fast-answers.json without
// loading oclif: what it prints must be what oclif prints (run here as bin/run.js runs it, without
// the fast path), the file must be what the build gives, and anything else goes to oclif.
const root = join(__dirname, "..");
const file = join(root, "dist", "fast-answers.json");
const pjson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

/** Settings of this machine's user that oclif would read: none, unless a test puts some there. */
function scratchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), "labctl-fast-"));
  return { OCLIF_COLUMNS: "", LABCTL_CONFIG_DIR: dir, LABCTL_DATA_DIR: dir, ...extra };
}

/** oclif's own answer: bin/run.js's oclif.run, same environment as runCli's. */
function oclif(args: string[], env: NodeJS.ProcessEnv) {
  const script = 'require("@oclif/core/run").run(process.argv.slice(2), process.argv[1])';
  const run = spawnSync(process.execPath, ["-e", script, join(root, "bin"), ...args], {
    encoding: "utf8",
    env: { ...process.env, LABCTL_ENGINE: "", CI: "true", ...env },
  });
  return { status: run.status, stdout: run.stdout };
}

/** oclif's own code (not the colour modules the fast help borrows from its dependencies). */
const oclifModules = (modules: string[]) =>
  modules.filter((m) => /node_modules\/@oclif\/[^/]+\/lib\//.test(m));
const labModules = (modules: string[]) => modules.filter((m) => /\/labs\/tp\d+\//.test(m));
const check = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, "scripts", "fast-answers.js"), "--check", ...args], {
    encoding: "utf8",
  });

describe("fast answers (dist/fast-answers.json)", () => {
  it("are in sync with the built CLI", () => {
    const run = check();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it.each([
    ["a command's summary", "List the labs", "List labs"],
    ["a lab's checks", "4 checks, 8 points", "3 checks, 8 points"],
  ])("a stale file (%s changed since) fails the check, naming the file", (_, was, now) => {
    const stale = join(mkdtempSync(join(tmpdir(), "labctl-fast-")), "fast-answers.json");
    const text = readFileSync(file, "utf8");
    expect(text).toContain(was);
    writeFileSync(stale, text.replace(was, now));
    const run = check(stale);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${stale} is stale`);
  });

  it.each([
    [[], {}],
    [["--help"], {}],
    [["-h"], {}],
    [["help"], {}],
    [["--help"], { OCLIF_COLUMNS: "40" }],
    [["--help"], { OCLIF_COLUMNS: "120" }],
    [["--help"], { FORCE_COLOR: "1" }],
    [["labs"], {}],
    [["labs", "--json"], {}],
  ])("labctl %j (%j) prints what oclif prints, without loading oclif or a lab", (args, extra) => {
    const env = scratchEnv(extra);
    const fast = runCli(args, env);
    expect(fast.status).toBe(0);
    expect(fast.stdout).toBe(oclif(args, env).stdout);
    expect(fast.stdout.length).toBeGreaterThan(100);
    expect(oclifModules(fast.modules)).toEqual([]);
    expect(labModules(fast.modules)).toEqual([]);
  });

  it("colours headers only as oclif does (FORCE_COLOR: bold, FORCE_COLOR=0: none)", () => {
    expect(runCli(["--help"], scratchEnv({ FORCE_COLOR: "1" })).stdout).toContain(
      "\u001b[1mCOMMANDS\u001b[22m",
    );
    expect(runCli(["--help"], scratchEnv({ FORCE_COLOR: "0" })).stdout).not.toContain("\u001b");
  });

  it("in a terminal: its width and colours, as oclif (through script(1), where it exists)", () => {
    const has = spawnSync("script", ["--version"]).status === 0;
    if (!has) return; // util-linux's script gives the command a terminal; the widths are tested above too
    const { CI, ...parent } = process.env; // supports-color finds no colour under CI
    const env = { ...parent, ...scratchEnv(), TERM: "xterm-256color" };
    const inTerminal = (command: string) =>
      spawnSync("script", ["-qec", `stty cols 57; ${command}`, "/dev/null"], { encoding: "utf8", env })
        .stdout;
    const node = JSON.stringify(process.execPath);
    const fast = inTerminal(`${node} ${JSON.stringify(join(root, "bin", "run.js"))} --help`);
    const script = `require('@oclif/core/run').run(['--help'], '${join(root, "bin")}')`;
    expect(fast).toContain("\u001b[1mCOMMANDS");
    expect(fast).toBe(inTerminal(`${node} -e "${script}"`));
  });

  it.each([
    ["labs", "--help"],
    ["labs", "extra"],
    ["labs", "--jsn"],
    ["help", "labs"],
    ["--help", "labs"],
  ])("leaves %j %j to oclif", (...args) => {
    const run = runCli(args, scratchEnv());
    expect(oclifModules(run.modules).length).toBeGreaterThan(0);
  });

  it("leaves to oclif what it would answer otherwise: a user theme or plugin, LABCTL_CONTENT_TYPE", () => {
    const themed = scratchEnv();
    writeFileSync(join(themed.LABCTL_CONFIG_DIR as string, "theme.json"), '{"sectionHeader":"red"}');
    const plugins = scratchEnv();
    writeFileSync(join(plugins.LABCTL_DATA_DIR as string, "package.json"), "{}");
    const xdg = mkdtempSync(join(tmpdir(), "labctl-fast-"));
    mkdirSync(join(xdg, "labctl"));
    writeFileSync(join(xdg, "labctl", "theme.json"), "{}");
    for (const env of [themed, plugins, { ...scratchEnv(), LABCTL_CONFIG_DIR: "", XDG_CONFIG_HOME: xdg }])
      expect(fastAnswer(["--help"], pjson, file, env)).toBeUndefined();
    expect(fastAnswer(["labs"], pjson, file, scratchEnv({ LABCTL_CONTENT_TYPE: "json" }))).toBeUndefined();
    expect(fastAnswer(["labs"], pjson, file, scratchEnv())).toContain("tp01");
    // Under LABCTL_CONTENT_TYPE=json, oclif prints the JSON document.
    const run = runCli(["labs"], scratchEnv({ LABCTL_CONTENT_TYPE: "json" }));
    expect(JSON.parse(run.stdout)[0].id).toBe("tp01");
  });

  it("without the file (not built), oclif answers", () => {
    expect(
      fastAnswer(["--help"], pjson, join(tmpdir(), "no-such-fast-answers.json"), scratchEnv()),
    ).toBeUndefined();
  });
});
