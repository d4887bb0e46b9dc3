import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LAZY_EXPORTS } from "@labctl/core";
import { runCli, runCliAsync } from "./test-support/run-cli";

// Contract of the built CLI (run `npm run build` first; `npm test` does): command ids, flags,
// --json shapes, exit codes, and what must not load.
const heavy = (modules: string[]) =>
  modules.filter((m) => /node_modules\/(@pulumi|dockerode|docker-modem|ssh2)\//.test(m));
/** Modules of labctl's own packages (core, sdk, labs, the CLI's dist) and of oclif's plugins. */
const labctlCode = (modules: string[]) => modules.filter((m) => /\/(packages|labs)\/[^/]+\/dist\//.test(m));
const oclifPlugins = (modules: string[]) => modules.filter((m) => /node_modules\/@oclif\/plugin-/.test(m));
/** core's engines, the modules behind its lazy names (its src/index.ts) and their libraries. */
const lazyCore = Object.keys(LAZY_EXPORTS).map((path) => `packages/core/dist/${path.slice(2)}.js`);
const coreHeavyParts = (modules: string[]) =>
  modules.filter(
    (m) =>
      /packages\/core\/dist\/engine\/(docker|pulumi)\//.test(m) ||
      lazyCore.some((path) => m.endsWith(path)) ||
      /node_modules\/(zod|yaml|proper-lockfile|csv-parse|csv-stringify|fast-xml-parser)\//.test(m),
  );

describe("labctl CLI contract", () => {
  it("--help lists every command without loading Pulumi or the Docker client", () => {
    const run = runCli(["--help"]);
    expect(run.status).toBe(0);
    for (const id of ["labs", "up", "verify", "down", "status", "doctor", "gc", "smoke", "preview", "repair"])
      expect(run.stdout).toContain(id);
    expect(run.modules.length).toBeGreaterThan(0);
    expect(heavy(run.modules)).toEqual([]);
    // From dist/fast-answers.json: no command, no lab, no plugin code is loaded to list them.
    expect(labctlCode(run.modules).filter((m) => !/cli\/dist\/(fast-\w+|version-line)\.js$/.test(m))).toEqual(
      [],
    );
    expect(oclifPlugins(run.modules)).toEqual([]);
  });

  it("--version prints the version without loading Pulumi or the Docker client", () => {
    const run = runCli(["--version"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^@labctl\/cli\/\d+\.\d+\.\d+ .* node-v22\./);
    expect(heavy(run.modules)).toEqual([]);
    // Answered before oclif loads: bin/run.js, its version line and package.json.
    expect(run.modules.filter((m) => m.includes("/node_modules/"))).toEqual([]);
    expect(run.modules.length).toBeLessThanOrEqual(5);
  });

  it("--version prints what oclif would (its userAgent)", () => {
    const userAgent = spawnSync(
      process.execPath,
      [
        "-e",
        'require("@oclif/core").Config.load(process.argv[1]).then((c) => console.log(c.userAgent))',
        join(__dirname, ".."),
      ],
      { encoding: "utf8" },
    );
    expect(userAgent.stdout).toMatch(/^@labctl\/cli\//);
    expect(runCli(["--version"]).stdout).toBe(userAgent.stdout);
  });

  it("labs --json gives each lab with title, platform and checks, without loading Pulumi", () => {
    const run = runCli(["labs", "--json"]);
    expect(run.status).toBe(0);
    const labs = JSON.parse(run.stdout);
    const tp03 = labs.find((l: { id: string }) => l.id === "tp03");
    expect(tp03).toMatchObject({
      id: "tp03",
      platform: "docker",
      title: { en: expect.any(String), fr: expect.any(String) },
    });
    expect(tp03.checks.length).toBeGreaterThanOrEqual(5);
    for (const check of tp03.checks)
      expect(check).toEqual({
        id: expect.any(String),
        title: expect.any(String),
        points: expect.any(Number),
        deep: expect.any(Boolean),
        needs: expect.any(Array),
      });
    expect(tp03.totalPoints).toBe(tp03.checks.reduce((n: number, c: { points: number }) => n + c.points, 0));
    expect(heavy(run.modules)).toEqual([]);
    expect(coreHeavyParts(run.modules)).toEqual([]);
    // Answered from dist/fast-answers.json (src/fast-answer.ts): no command is loaded, not even labs.
    expect(
      run.modules.filter((m) => /cli\/dist\/commands\//.test(m)).map((m) => m.split("/dist/")[1]),
    ).toEqual([]);
  });

  it("an unknown lab answers with the available ones, exit 64", () => {
    const run = runCli(["up", "tp99"]);
    expect(run.status).toBe(64);
    expect(run.stderr).toContain('Unknown lab "tp99"');
    expect(run.stderr).toContain("tp03");
  });

  it("errors are JSON under --json", () => {
    const run = runCli(["up", "tp99", "--json"]);
    expect(run.status).toBe(64);
    expect(JSON.parse(run.stdout)).toEqual({
      error: expect.objectContaining({ code: "UNKNOWN_LAB", exitCode: 64 }),
    });
  });

  it("usage errors exit 64: bad student id, unknown flag, missing argument", () => {
    expect(runCli(["up", "tp03", "--student", "Not A Slug"]).status).toBe(64);
    expect(runCli(["up", "tp03", "--frobnicate"]).status).toBe(64);
    expect(runCli(["up"]).status).toBe(64);
  });

  it("verify without a reachable Docker engine is inconclusive (exit 2) and says what to do", () => {
    const run = runCli(["verify", "tp03", "--student", "alice", "--engine", "docker"], {
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Cannot reach the Docker engine at unix:///nonexistent/docker.sock");
    expect(run.stderr).toContain("Start Docker");
  });

  it("up with the Pulumi engine and no Pulumi CLI: one clear sentence, exit 2, nothing created", () => {
    const run = runCli(["up", "tp03", "--student", "alice", "--engine", "pulumi"], { PATH: "/usr/bin:/bin" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Pulumi CLI/);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const created = existsSync(run.home) ? readdirSync(run.home) : [];
    expect(created.filter((f) => ["state", "workspaces", "envs"].includes(f))).toEqual([]);
  });
});

describe("labctl class: contract", () => {
  const roster = (name: string, text: string | Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-roster-"));
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it("class up|verify|down|status|report exist, under the class topic", () => {
    const run = runCli(["class", "--help"]);
    expect(run.status).toBe(0);
    for (const verb of ["up", "verify", "down", "status", "report"])
      expect(run.stdout).toContain(`class ${verb}`);
    expect(heavy(run.modules)).toEqual([]);
  });

  it("a bad roster exits 65 listing every problem with its line, before anything is created", () => {
    const file = roster(
      "devops.csv",
      "id,name,email\nann,Ann,ann@example.org\nann,Ann Bis,bob@example.org\n,Cid,BOB@example.org\n,,dan@example.org\n",
    );
    for (const verb of ["up", "verify", "down", "status", "report"]) {
      const run = runCli(["class", verb, "tp03", "--roster", file]);
      expect(run.status).toBe(65);
      expect(run.stderr).toContain("has 3 problems:");
      expect(run.stderr).toContain("line 3: duplicate id ann (also on line 2)");
      expect(run.stderr).toContain("line 4: duplicate email BOB@example.org (also on line 3)");
      expect(run.stderr).toContain("line 5: no name");
      expect(existsSync(join(run.home, "classes"))).toBe(false);
      expect(existsSync(join(run.home, "ports.json"))).toBe(false);
    }
  });

  it("the roster error is one JSON error under --json; a missing roster exits 66; a Latin-1 file is named", () => {
    const missing = runCli(["class", "up", "tp03", "--roster", "/nonexistent/roster.csv", "--json"]);
    expect(missing.status).toBe(66);
    const latin1 = roster("latin.csv", Buffer.from("name\nZo\xe9\n", "latin1"));
    const run = runCli(["class", "up", "tp03", "--roster", latin1, "--json"]);
    expect(run.status).toBe(65);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      code: "BAD_ROSTER",
      exitCode: 65,
      message: expect.stringContaining("line 2: not valid UTF-8"),
    });
  });

  it("usage errors exit 64: no roster, a bad class id, an --only id not in the roster, nothing to retry", () => {
    const file = roster("devops.csv", "name\nAnn\n");
    expect(runCli(["class", "up", "tp03"]).status).toBe(64);
    expect(runCli(["class", "up", "tp03", "--roster", file, "--class", "Not A Slug"]).status).toBe(64);
    const only = runCli(["class", "up", "tp03", "--roster", file, "--only", "zed", "--engine", "docker"]);
    expect(only.status).toBe(64);
    expect(only.stderr).toContain("Not in the roster: zed.");
    const retry = runCli([
      "class",
      "verify",
      "tp03",
      "--roster",
      file,
      "--retry-failed",
      "--engine",
      "docker",
    ]);
    expect(retry.status).toBe(64);
    expect(retry.stderr).toContain("No previous `class verify` of tp03 is recorded for class devops");
  });

  it("class status with no engine answering is exit 2 naming the engine, not a roster of 'down'", () => {
    const file = roster("devops.csv", "First name;Last name;Email address\nÉlodie;Müller;e@example.org\n");
    const run = runCli(["class", "status", "tp03", "--roster", file, "--json"], {
      DOCKER_HOST: "tcp://127.0.0.1:9",
    });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("tcp://127.0.0.1:9"),
    });
  });
});

describe("labctl verify: start-up", () => {
  // A Docker engine stand-in: /_ping answers, everything else is "no such object" (the checks fail).
  let server: Server;
  let host: string;
  beforeAll(async () => {
    const socket = join(mkdtempSync(join(tmpdir(), "labctl-docker-")), "docker.sock");
    server = createServer((req, res) => {
      if (req.url?.endsWith("/_ping")) return res.end("OK");
      res.writeHead(404, { "content-type": "application/json" }).end('{"message":"No such object"}');
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    host = `unix://${socket}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("verify of an environment the docker engine brought up does not load the Pulumi SDK", async () => {
    // What `labctl up tp01 --engine docker` leaves: the record and the saved outputs.
    const home = mkdtempSync(join(tmpdir(), "labctl-home-"));
    const dir = join(home, "envs", "default", "tp01", "bench");
    mkdirSync(dir, { recursive: true });
    const now = new Date().toISOString();
    const record = {
      lab: "tp01",
      student: "bench",
      classId: "default",
      engine: "docker",
      ports: { web: 56000 },
    };
    const outputs = {
      webUrl: "http://127.0.0.1:56000",
      webContainer: "w",
      helloContainer: "h",
      network: "n",
    };
    writeFileSync(
      join(dir, "environment.json"),
      JSON.stringify({ ...record, createdAt: now, updatedAt: now }),
      {
        mode: 0o600,
      },
    );
    writeFileSync(join(dir, "docker-outputs.json"), JSON.stringify({ outputs, hosts: [] }), { mode: 0o600 });
    const run = await runCliAsync(["verify", "tp01", "--student", "bench", "--timeout", "1", "--json"], {
      home,
      env: { DOCKER_HOST: host },
    });
    const report = JSON.parse(run.stdout) as { reports: { checks: unknown[] }[] };
    expect(report.reports[0]?.checks.length).toBeGreaterThan(0); // the checks ran
    expect(run.modules.filter((m) => m.includes("/node_modules/@pulumi/"))).toEqual([]);
    expect(
      run.modules.filter((m) => /core\/dist\/engine\/docker\/(program-runner|realizer)/.test(m)),
    ).toEqual([]);
  });
});
