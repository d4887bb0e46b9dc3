#!/usr/bin/env node
// A stand-in for kind in unit tests (installed by fake-kind.ts, which rewrites the line above to the
// Node running the tests): records each call, then replays the reply its script gives the command.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const script = JSON.parse(fs.readFileSync(path.join(__dirname, "script.json"), "utf8"));
const argv = process.argv.slice(2);
const flag = (name) => {
  const at = argv.indexOf(name);
  return at < 0 ? undefined : argv[at + 1];
};
const words = [];
for (const arg of argv) {
  if (arg.startsWith("-") || words.length === 2) break;
  words.push(arg);
}
const command = words.join(" ");

const configPath = flag("--config");
const call = {
  argv,
  pid: process.pid,
  config: configPath && fs.existsSync(configPath) ? fs.readFileSync(configPath, "utf8") : undefined,
  kubeconfig: flag("--kubeconfig"),
};
fs.appendFileSync(path.join(__dirname, "calls.jsonl"), `${JSON.stringify(call)}\n`);

const reply = script.replies[command] ?? {
  stderr: `ERROR: unknown command "${command}" for "kind"\n`,
  exitCode: 1,
};
const fill = (text) =>
  text.replaceAll("{{name}}", flag("--name") ?? "kind").replaceAll("{{kubeconfig}}", call.kubeconfig ?? "");
const read = (fixture) => fs.readFileSync(path.join(script.fixtures, fixture), "utf8");
const stderr = fill(reply.fixture ? read(reply.fixture) : (reply.stderr ?? ""));
const lines = stderr.split(/(?<=\n)/);
const before = reply.pauseAfterLine ?? lines.length;

function finish() {
  process.stderr.write(lines.slice(before).join(""));
  if (reply.writeKubeconfig && call.kubeconfig)
    fs.writeFileSync(call.kubeconfig, fill(read("kubeconfig.yaml")));
  process.stdout.write(fill(reply.stdoutFixture ? read(reply.stdoutFixture) : (reply.stdout ?? "")));
  process.exitCode = reply.exitCode ?? 0;
}

process.stderr.write(lines.slice(0, before).join(""));
if (reply.sleepMs) setTimeout(finish, reply.sleepMs);
else finish();
