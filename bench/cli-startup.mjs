#!/usr/bin/env node
// CLI start-up benchmark (numbers, not a test). Needs the built CLI (`npm run build`); plain Node,
// no other tool. Usage: node bench/cli-startup.mjs [--rounds 10] [--no-verify] [--bin <run.js>]
// [--port-base 56000] (the ports of the tp01 student that `verify` checks; another run may hold them)
// Runs `node -e ''` and each labctl command in alternation (node, a, b, c, node, a, b, c, …), so
// that every round compares them under the same machine load, after one warm-up round.
// Prints min/median/max of each and the median of the per-round ratios against bare node.
// `verify tp01` of one student is timed when a Docker engine answers and `labctl up tp01` works.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "10" },
    "no-verify": { type: "boolean", default: false },
    "port-base": { type: "string", default: "56000" },
    bin: { type: "string", default: resolve(here, "../packages/cli/bin/run.js") },
  },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer`);

// A scratch labctl home: nothing of the user's is read or changed.
const dir = mkdtempSync(join(tmpdir(), "labctl-startup-"));
const home = join(dir, "home");
mkdirSync(home);
writeFileSync(join(home, "config.yaml"), `engine: docker\nportBase: ${Number(values["port-base"])}\n`);
const { LABCTL_IMAGE_MAP } = process.env;
const imageMap = LABCTL_IMAGE_MAP ?? join(tmpdir(), "labctl-standin", "image-map.json");
const env = {
  ...process.env,
  LABCTL_HOME: home,
  LABCTL_IMAGE_MAP: existsSync(imageMap) ? imageMap : "",
  CI: "true",
};
const labctl = (...args) => [process.execPath, [values.bin, ...args]];
const run = ([command, args]) => spawnSync(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });

const cases = [
  { name: "node -e ''", command: [process.execPath, ["-e", ""]] },
  { name: "labctl --version", command: labctl("--version") },
  { name: "labctl --help", command: labctl("--help") },
  { name: "labctl labs", command: labctl("labs") },
];

/** What a failed `--json` run said (its error document), else its first line on stderr. */
const failure = (result) => {
  try {
    return JSON.parse(String(result.stdout)).error.message;
  } catch {
    return String(result.stderr).split("\n")[0];
  }
};

const student = ["tp01", "--student", "bench", "--engine", "docker"];
let verifyNote = "not measured (--no-verify)";
let upDone = false;
if (!values["no-verify"]) {
  const up = run(labctl("up", ...student, "--json"));
  upDone = up.status === 0;
  if (!upDone) run(labctl("down", ...student, "--json")); // whatever a failed up left
  if (upDone) cases.push({ name: "labctl verify tp01", command: labctl("verify", ...student, "--json") });
  else verifyNote = `not measured: \`labctl up tp01\` exited ${up.status}: ${failure(up)}`;
}

/** One timed run, in milliseconds; a command that fails makes the figures meaningless. */
function time(c) {
  const started = process.hrtime.bigint();
  const result = run(c.command);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 && !(c.name.includes("verify") && result.status === 1))
    throw new Error(`${c.name} exited ${result.status}: ${String(result.stderr).trim()}`);
  return ms;
}

try {
  for (const c of cases) time(c); // warm-up: file cache, Node's compile cache
  const times = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, c] of cases.entries()) times[i].push(time(c));
  }

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  };
  const ms = (x) => `${x.toFixed(0)} ms`.padStart(8);
  console.log(`${rounds} rounds, Node ${process.version}, ${cpus().length} CPUs, ${values.bin}`);
  console.log(`${"command".padEnd(20)}     min   median      max  ratio to node (median of rounds)`);
  cases.forEach((c, i) => {
    const t = times[i];
    const ratios = t.map((x, r) => x / times[0][r]);
    const ratio = i === 0 ? "" : `${median(ratios).toFixed(2)}x`;
    console.log(`${c.name.padEnd(20)}${ms(Math.min(...t))}${ms(median(t))}${ms(Math.max(...t))}  ${ratio}`);
  });
  if (!upDone) console.log(`labctl verify tp01: ${verifyNote}`);
} finally {
  if (upDone) run(labctl("down", ...student, "--json"));
  rmSync(dir, { recursive: true, force: true });
}
