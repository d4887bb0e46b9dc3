#!/usr/bin/env node
// Class benchmarks (numbers, not tests). Needs the built CLI (`npm run build`), a Docker engine,
// and the stand-in images with their image map (built by `npm run test:e2e`, or pass your own map
// with LABCTL_IMAGE_MAP). Usage: node bench/class-bench.mjs [--students 30] [--concurrency 4]
//   1. `class up` of N tp01 students (docker engine) against a shell loop of the same docker commands
//   2. `class verify` of N students against `verify` of one
//   3. peak memory of labctl (the CLI and any process it starts) during each
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sampleMemory } from "./process-memory.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(here, "../packages/cli/bin/run.js");
const { values } = parseArgs({
  options: {
    students: { type: "string", default: "30" },
    concurrency: { type: "string", default: "4" },
    "port-base": { type: "string", default: "55000" },
  },
});
const students = Number(values.students);
const portBase = Number(values["port-base"]);
const { LABCTL_IMAGE_MAP } = process.env;
const mapFile = LABCTL_IMAGE_MAP ?? join(tmpdir(), "labctl-standin", "image-map.json");
const images = existsSync(mapFile) ? JSON.parse(readFileSync(mapFile, "utf8")) : {};
const image = (ref) => images[ref] ?? ref;

const dir = mkdtempSync(join(tmpdir(), "labctl-bench-"));
const home = join(dir, "home");
mkdirSync(home);
writeFileSync(join(home, "config.yaml"), `engine: docker\nportBase: ${portBase}\n`);
const roster = join(dir, "bench.csv");
writeFileSync(
  roster,
  `id,name\n${Array.from({ length: students }, (_, i) => `s${i + 1},Student ${i + 1}`).join("\n")}\n`,
);
const env = {
  ...process.env,
  LABCTL_HOME: home,
  LABCTL_IMAGE_MAP: existsSync(mapFile) ? mapFile : "",
  CI: "true",
};

/** Runs a command, timing it and sampling the memory of its process tree. */
function measure(command, args) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    const stop = sampleMemory(child.pid);
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.on("exit", (code) => {
      const memory = stop();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0 && code !== 1) return fail(new Error(`${command} ${args.join(" ")} exited ${code}`));
      done({ seconds, memory, code, stdout });
    });
  });
}

const removeByClass = (classId) => {
  const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=dev.labctl.class=${classId}`], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "ignore" });
  const nets = execFileSync(
    "docker",
    ["network", "ls", "-q", "--filter", `label=dev.labctl.class=${classId}`],
    {
      encoding: "utf8",
    },
  )
    .split("\n")
    .filter(Boolean);
  if (nets.length > 0) execFileSync("docker", ["network", "rm", ...nets], { stdio: "ignore" });
};
const labctl = (...args) => measure(process.execPath, [bin, ...args]);
const fmt = (r) =>
  `${r.seconds.toFixed(1)} s, peak ${r.memory.treeMiB} MiB in ${r.memory.processes} processes (CLI alone ${r.memory.rootMiB} MiB)`;

const shellClass = "bench-shell";
removeByClass(shellClass);
const shell = await measure("bash", [
  join(here, "tp01-shell-loop.sh"),
  String(students),
  String(portBase + students * 100),
  image("nginx:1.27-alpine"),
  image("hello-world:latest"),
  shellClass,
]);
removeByClass(shellClass);

/** One `labctl class <verb>` over the whole roster with the docker engine, measured. */
const classRun = (verb, ...extra) =>
  labctl(
    "class",
    verb,
    "tp01",
    "--roster",
    roster,
    "--engine",
    "docker",
    "--concurrency",
    values.concurrency,
    "--json",
    ...extra,
  );

const up = await classRun("up");
if (JSON.parse(up.stdout).counts.ok !== students)
  throw new Error(`class up did not bring every student up: ${up.stdout}`);
const again = await classRun("up");
const one = await labctl(
  "verify",
  "tp01",
  "--student",
  "s1",
  "--class",
  "bench",
  "--engine",
  "docker",
  "--json",
);
const all = await classRun("verify");
const down = await classRun("down", "--yes");

const ratio = (a, b) => (a.seconds / b.seconds).toFixed(2);
console.log(
  `tp01, ${students} students, --concurrency ${values.concurrency}, ${execFileSync("nproc", { encoding: "utf8" }).trim()} CPUs`,
);
console.log(`  shell loop of docker commands   ${shell.seconds.toFixed(1)} s`);
console.log(
  `  labctl class up                 ${fmt(up)}  -> ${ratio(up, shell)}x the shell loop (goal <= 1.5x)`,
);
console.log(`  labctl class up again (no-op)   ${fmt(again)}`);
console.log(`  labctl verify (one student)     ${fmt(one)}`);
console.log(
  `  labctl class verify (${students})     ${fmt(all)}  -> ${ratio(all, one)}x verify of one (goal <= 5x)`,
);
console.log(`  labctl class down               ${fmt(down)}`);
