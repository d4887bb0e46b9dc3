import { join } from "node:path";
import { bad, type Case, config, ENGINE_DOWN, LONG_ID, write } from "./bad-input-case";

const at = (name: string) => (c: { in: (n: string) => string }) => c.in(name);

/** The commands that act on one environment: up, preview, verify, down. */
export const ENVIRONMENT_CASES: Case[] = [
  // up
  bad("up without a lab", ["up"], 64, /Missing argument LAB/),
  bad("up of an unknown lab", ["up", "tp99"], 64, /Unknown lab "tp99".*tp03/s),
  bad("up of an unknown lab --json", ["up", "tp99", "--json"], 64, /Unknown lab "tp99"/),
  bad("up with an extra argument", ["up", "tp03", "extra"], 64, /Unexpected argument: extra/),
  bad("up --student Alice", ["up", "tp03", "--student", "Alice"], 64, /"Alice" is not a valid student id/),
  bad("up --student a/b", ["up", "tp03", "--student", "a/b"], 64, /"a\/b" is not a valid student id/),
  bad(
    "up --student of 31 characters",
    ["up", "tp03", "-s", LONG_ID],
    64,
    /not a valid student id.*at most 30/s,
  ),
  bad("up --student empty", ["up", "tp03", "--student", ""], 64, /"" is not a valid student id/),
  bad(
    "up --student Alice --json",
    ["up", "tp03", "-s", "Alice", "--json"],
    64,
    /"Alice" is not a valid student/,
  ),
  bad("up -s without a value", ["up", "tp03", "-s"], 64, /--student expects a value/),
  bad(
    "up --student twice",
    ["up", "tp03", "-s", "ann", "-s", "bob"],
    64,
    /--student can only be specified once/,
  ),
  bad(
    "up --class ../../escape",
    ["up", "tp03", "-s", "ann", "--class", "../../escape"],
    64,
    /not a valid class id/,
  ),
  bad("up --class ..", ["up", "tp03", "-s", "ann", "--class", ".."], 64, /"\.\." is not a valid class id/),
  bad("up --class A", ["up", "tp03", "-s", "ann", "--class", "A"], 64, /"A" is not a valid class id/),
  bad(
    "up --engine bogus",
    ["up", "tp03", "--engine", "bogus"],
    64,
    /--engine must be one of pulumi, docker \(got "bogus"\)/,
  ),
  bad("up --engine without a value", ["up", "tp03", "--engine"], 64, /--engine expects/),
  bad("up --studnet suggests --student", ["up", "tp03", "--studnet", "ann"], 64, /Did you mean --student\?/),
  bad("up --show-secrets=yes", ["up", "tp03", "--show-secrets=yes"], 64, /Unexpected argument/),
  bad("up with config.yaml not YAML", ["up", "tp03", "-s", "ann"], 65, /config\.yaml is not valid YAML/, {
    setup: config("engine: [docker\n"),
  }),
  bad("up with an unknown config key", ["up", "tp03", "-s", "ann"], 65, /config\.yaml is invalid: .*enigne/, {
    setup: config("enigne: docker\n"),
  }),
  bad("up with portBase: 1", ["up", "tp03", "-s", "ann"], 65, /config\.yaml is invalid: portBase/, {
    setup: config("portBase: 1\n"),
  }),
  bad("up with dockerHost: tcp://", ["up", "tp03", "-s", "ann", "--engine", "docker"], 65, /dockerHost/, {
    setup: config("dockerHost: tcp://\n"),
  }),
  bad(
    "up with dockerHost: ftp://x",
    ["up", "tp03", "-s", "ann", "--engine", "docker"],
    65,
    /dockerHost.*ftp:/s,
    {
      setup: config("dockerHost: ftp://x\n"),
    },
  ),
  bad(
    "up --docker-host ftp://x",
    ["up", "tp03", "-s", "ann", "--engine", "docker", "--docker-host", "ftp://x"],
    64,
    /ftp:\/\/x/,
  ),
  bad(
    "up with LABCTL_IMAGE_MAP to a missing file",
    ["up", "tp03", "-s", "ann"],
    66,
    /LABCTL_IMAGE_MAP points to .*missing-map\.yaml, which does not exist/,
    {
      env: (c) => ({ LABCTL_IMAGE_MAP: c.in("missing-map.yaml") }),
    },
  ),
  bad(
    "up with LABCTL_IMAGE_MAP not YAML",
    ["up", "tp03", "-s", "ann"],
    65,
    /image map .*bad-map\.yaml is not valid YAML/,
    {
      env: (c) => ({ LABCTL_IMAGE_MAP: c.in("bad-map.yaml") }),
    },
  ),
  bad("up with LABCTL_ENGINE=bogus", ["up", "tp03", "-s", "ann"], 65, /engine/, {
    env: () => ({ LABCTL_ENGINE: "bogus" }),
  }),
  bad(
    "up when LABCTL_HOME cannot be created",
    ["up", "tp03", "-s", "ann", "--engine", "docker"],
    2,
    /LABCTL_HOME .*a-file is a file/,
    {
      env: (c) => ({ LABCTL_HOME: join(c.in("a-file"), "home") }),
    },
  ),
  // preview
  bad("preview without a lab", ["preview"], 64, /Missing argument LAB/),
  bad("preview of an unknown lab", ["preview", "tp99"], 64, /Unknown lab "tp99"/),
  bad(
    "preview --student Alice",
    ["preview", "tp03", "--student", "Alice"],
    64,
    /"Alice" is not a valid student id/,
  ),
  bad(
    "preview --class ../../escape --json",
    ["preview", "tp03", "--class", "../../escape", "--json"],
    64,
    /not a valid class id/,
  ),
  // verify
  bad(
    "verify --timeout abc",
    ["verify", "tp03", "--timeout", "abc"],
    64,
    /--timeout must be an integer \(got "abc"\)/,
  ),
  bad(
    "verify --timeout 0",
    ["verify", "tp03", "--timeout", "0"],
    64,
    /--timeout must be an integer greater than or equal to 1/,
  ),
  bad("verify --timeout without a value", ["verify", "tp03", "--timeout"], 64, /--timeout expects a value/),
  bad(
    "verify --junit into a missing folder",
    (c) => ["verify", "tp03", "--junit", join(c.root, "no-dir", "x.xml")],
    64,
    /--junit .*no-dir does not exist/,
  ),
  bad(
    "verify --junit into a missing folder --json",
    ["verify", "tp03", "--junit", "/nonexistent-dir/x.xml", "--json"],
    64,
    /--junit/,
  ),
  bad(
    "verify --junit at a folder",
    (c) => ["verify", "tp03", "--junit", at("a-folder")(c)],
    64,
    /--junit .*a-folder is a folder, not a file/,
  ),
  bad(
    "verify --markdown under a file",
    (c) => ["verify", "tp03", "--markdown", join(at("a-file")(c), "x.md")],
    64,
    /a-file is a file, not a folder/,
  ),
  bad(
    "verify --markdown empty",
    ["verify", "tp03", "--markdown", ""],
    64,
    /--markdown was given an empty path/,
  ),
  bad("verify with no lab up", ["verify", "-s", "ann"], 64, /No lab is up for ann/),
  bad("verify of an unknown lab", ["verify", "tp99"], 64, /Unknown lab "tp99"/),
  bad(
    "verify --student 31 characters --json",
    ["verify", "tp03", "-s", LONG_ID, "--json"],
    64,
    /not a valid student id/,
  ),
  bad(
    "verify --class .. without a lab",
    ["verify", "-s", "ann", "--class", ".."],
    64,
    /"\.\." is not a valid class id/,
  ),
  bad(
    "verify with the engine unreachable",
    ["verify", "tp03", "-s", "ann", "--engine", "docker"],
    2,
    ENGINE_DOWN,
  ),
  // down
  bad("down without a lab", ["down"], 64, /Missing argument LAB/),
  bad("down of an unknown lab", ["down", "tp99"], 64, /Unknown lab "tp99"/),
  bad(
    "down --class ../../escape deletes nothing",
    ["down", "tp03", "-s", "ann", "--class", "../../escape", "-y"],
    64,
    /not a valid class id/,
    {
      setup: (c) => write(join(c.root, "a", "b", "escape", "tp03", "ann", "keep.txt"), "mine"),
    },
  ),
  bad(
    "down in a class without --yes",
    ["down", "tp03", "-s", "ann", "--class", "devops"],
    64,
    /down removes tp03 of ann in class devops: pass --yes to confirm \(no terminal to ask on\)/,
  ),
  bad(
    "down in a class without --yes --json",
    ["down", "tp03", "-s", "ann", "--class", "devops", "--json"],
    64,
    /pass --yes to confirm/,
  ),
  bad(
    "down --student Alice",
    ["down", "tp03", "--student", "Alice"],
    64,
    /"Alice" is not a valid student id/,
  ),
  bad("down --yes=no", ["down", "tp03", "--yes=no"], 64, /Unexpected argument|--yes/),
];
