import { join } from "node:path";
import { bad, type Case, type Ctx, config } from "./bad-input-case";

const roster = (c: Ctx) => c.in("devops.csv");
/** `labctl class <verb> tp03 --roster devops.csv …` */
const cls =
  (verb: string, ...rest: (string | ((c: Ctx) => string))[]) =>
  (c: Ctx) => [
    "class",
    verb,
    "tp03",
    "--roster",
    roster(c),
    ...rest.map((r) => (typeof r === "string" ? r : r(c))),
  ];
/** `labctl class <verb> tp03 --roster <file> …` */
const withRoster =
  (verb: string, file: string, ...rest: string[]) =>
  (c: Ctx) => ["class", verb, "tp03", "-r", c.in(file), ...rest];

/** class up, verify, down, status, report. */
export const CLASS_CASES: Case[] = [
  bad("class up without a lab", ["class", "up"], 64, /Missing argument LAB/),
  bad("class up without --roster", ["class", "up", "tp03"], 64, /Missing required flag --roster/),
  bad("class up -r without a value", ["class", "up", "tp03", "-r"], 64, /--roster expects a value/),
  bad(
    "class up, roster not found",
    withRoster("up", "missing.csv"),
    66,
    /Roster .*missing\.csv not found.*--roster/s,
  ),
  bad(
    "class up, roster is a folder",
    withRoster("up", "a-folder"),
    66,
    /Roster .*a-folder is a folder, not a file/,
  ),
  bad("class up, empty roster", withRoster("up", "empty.csv"), 65, /Roster .*empty\.csv has/),
  bad(
    "class up, roster of only a header",
    withRoster("up", "header-only.csv"),
    65,
    /Roster .*header-only\.csv has/,
  ),
  bad(
    "class up, duplicate ids",
    withRoster("up", "dup.csv"),
    65,
    /line 3: duplicate id ann \(also on line 2\)/,
  ),
  bad("class up, duplicate ids --json", withRoster("up", "dup.csv", "--json"), 65, /duplicate id ann/),
  bad(
    "class up -c 0",
    cls("up", "-c", "0"),
    64,
    /--concurrency must be an integer greater than or equal to 1 \(got "0"\)/,
  ),
  bad(
    "class up -c 65",
    cls("up", "-c", "65"),
    64,
    /--concurrency must be an integer less than or equal to 64 \(got "65"\)/,
  ),
  bad("class up --concurrency 999", cls("up", "--concurrency", "999"), 64, /less than or equal to 64/),
  bad("class up -c abc", cls("up", "-c", "abc"), 64, /--concurrency must be an integer \(got "abc"\)/),
  bad('class up --only ""', cls("up", "--only", ""), 64, /--only was given no student id/),
  bad("class up --only ,,", cls("up", "--only", ",,"), 64, /--only was given no student id/),
  bad('class up --only " "', cls("up", "--only", " "), 64, /--only was given no student id/),
  bad("class up --only ,, --json", cls("up", "--only", ",,", "--json"), 64, /--only was given no student id/),
  bad(
    "class up --only ghost-student",
    cls("up", "--only", "ghost-student", "--engine", "docker"),
    64,
    /Not in the roster: ghost-student/,
  ),
  bad("class up --class ../../escape", cls("up", "--class", "../../escape"), 64, /not a valid class id/),
  bad("class up --class A", cls("up", "--class", "A"), 64, /"A" is not a valid class id/),
  bad("class up --engine bogus", cls("up", "--engine", "bogus"), 64, /--engine must be one of/),
  bad(
    "class up of an unknown lab",
    (c) => ["class", "up", "tp99", "-r", roster(c)],
    64,
    /Unknown lab "tp99"/,
  ),
  bad("class up with a bad config", cls("up"), 65, /bindAddress/, {
    setup: config("bindAddress: nowhere\n"),
  }),
  // class verify
  bad(
    "class verify --out is a file",
    cls("verify", "--out", (c) => c.in("a-file")),
    64,
    /--out .*a-file is a file, not a folder/,
  ),
  bad(
    "class verify --out is a file --json",
    cls("verify", "--json", "--out", (c) => c.in("a-file")),
    64,
    /is a file, not a folder/,
  ),
  bad(
    "class verify --timeout 0",
    cls("verify", "--timeout", "0"),
    64,
    /--timeout must be an integer greater than or equal to 1/,
  ),
  bad("class verify --only ,,", cls("verify", "--only", ",,"), 64, /--only was given no student id/),
  bad("class verify, roster not found", withRoster("verify", "nope.csv"), 66, /not found/),
  bad(
    "class verify --retry-failed, no previous run",
    cls("verify", "--retry-failed", "--engine", "docker"),
    64,
    /No previous `class verify` of tp03 is recorded/,
  ),
  // class down
  bad(
    "class down without --yes",
    cls("down"),
    64,
    /class down removes 2 environments of tp03 \(class devops\): pass --yes to confirm \(no terminal to ask on\)/,
  ),
  bad(
    "class down --only one, without --yes",
    cls("down", "--only", "ann-lee"),
    64,
    /class down removes 1 environment of tp03/,
  ),
  bad("class down without --yes --json", cls("down", "--json"), 64, /pass --yes to confirm/),
  bad('class down --only "" --yes', cls("down", "--only", "", "--yes"), 64, /--only was given no student id/),
  bad(
    "class down --only ghost-student --yes",
    cls("down", "--only", "ghost-student", "--yes"),
    64,
    /Not in the roster: ghost-student/,
  ),
  bad("class down, roster is a folder", withRoster("down", "a-folder", "--yes"), 66, /is a folder/),
  // class status
  bad("class status without --roster", ["class", "status", "tp03"], 64, /Missing required flag --roster/),
  bad("class status, roster not found", withRoster("status", "nope.csv"), 66, /not found/),
  bad("class status --class ..", cls("status", "--class", ".."), 64, /not a valid class id/),
  bad(
    "class status --docker-host ftp://x",
    cls("status", "--docker-host", "ftp://x"),
    64,
    /"ftp:\/\/x" is not a Docker host/,
  ),
  bad("class status with an extra argument", cls("status", "extra"), 64, /Unexpected argument: extra/),
  // class report
  bad(
    "class report --out is a file",
    cls("report", "--out", (c) => c.in("a-file")),
    64,
    /--out .*a-file is a file, not a folder/,
  ),
  bad(
    "class report --out under a file",
    cls("report", "--out", (c) => join(c.in("a-file"), "r")),
    64,
    /a-file is a file, not a folder/,
  ),
  bad("class report, roster not found", withRoster("report", "nope.csv"), 66, /not found/),
  bad("class report -c 2 (no such flag)", cls("report", "-c", "2"), 64, /Unknown flag -c/),
];
