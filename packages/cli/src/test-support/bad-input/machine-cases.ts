import { join } from "node:path";
import { bad, type Case, config, ENGINE_DOWN } from "./bad-input-case";

/** status, doctor, gc, repair, smoke. */
export const MACHINE_CASES: Case[] = [
  // status
  bad("status with an argument", ["status", "extra"], 64, /Unexpected argument: extra/),
  bad("status --lab without a value", ["status", "--lab"], 64, /--lab expects a value/),
  bad("status --frob --json", ["status", "--frob", "--json"], 64, /Unknown flag --frob/),
  bad("status with a bad config", ["status"], 65, /portBase/, { setup: config("portBase: 1\n") }),
  // doctor
  bad("doctor with an argument", ["doctor", "extra"], 64, /Unexpected argument: extra/),
  bad("doctor with an unknown flag", ["doctor", "--frob"], 64, /Unknown flag --frob/),
  bad("doctor --frob --json", ["doctor", "--frob", "--json"], 64, /Unknown flag --frob/),
  // gc
  bad(
    "gc --all without --yes",
    ["gc", "--all"],
    64,
    /gc --all removes every labctl environment on this engine: pass --yes to confirm/,
  ),
  bad(
    "gc --all --lab tp03 without --yes",
    ["gc", "--all", "--lab", "tp03"],
    64,
    /every tp03 environment.*pass --yes/,
  ),
  bad("gc --all --json without --yes", ["gc", "--all", "--json"], 64, /pass --yes to confirm/),
  bad("gc --all --dry-run needs no --yes", ["gc", "--all", "--dry-run"], 2, ENGINE_DOWN),
  bad("gc --all --yes with the engine down", ["gc", "--all", "--yes"], 2, ENGINE_DOWN),
  bad("gc with the engine down --json", ["gc", "--json"], 2, ENGINE_DOWN),
  bad("gc --lab without a value", ["gc", "--lab"], 64, /--lab expects a value/),
  bad("gc with an argument", ["gc", "extra"], 64, /Unexpected argument: extra/),
  // repair
  bad("repair without a lab", ["repair"], 64, /Missing argument LAB/),
  bad("repair of an unknown lab", ["repair", "tp99"], 64, /Unknown lab "tp99"/),
  bad("repair --class ..", ["repair", "tp03", "-s", "ann", "--class", ".."], 64, /not a valid class id/),
  // smoke
  bad("smoke without a lab", ["smoke"], 64, /Missing argument LAB/),
  bad(
    "smoke --junit into a missing folder, before up",
    (c) => ["smoke", "tp03", "--engine", "docker", "--junit", join(c.root, "nope", "j.xml")],
    64,
    /--junit .*does not exist/,
  ),
  bad(
    "smoke --timeout 0",
    ["smoke", "tp03", "--timeout", "0"],
    64,
    /--timeout must be an integer greater than or equal to 1/,
  ),
  bad(
    "smoke --student a/b --json",
    ["smoke", "tp03", "--student", "a/b", "--json"],
    64,
    /not a valid student id/,
  ),
];
