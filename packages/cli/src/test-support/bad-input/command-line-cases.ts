import { bad, type Case, WEDGED_SOCKET } from "./bad-input-case";

const wedged = { env: () => ({ DOCKER_HOST: `unix://${WEDGED_SOCKET}` }) };

/** An engine that accepts connections and never answers: bounded waits, exit 2 naming it (first: they wait). */
export const WEDGED_CASES: Case[] = [
  bad(
    "gc --dry-run against a wedged engine",
    ["gc", "--dry-run"],
    2,
    /did not answer within 5 s \(GET \/_ping\)/,
    wedged,
  ),
  bad(
    "gc --all --dry-run --json against a wedged engine",
    ["gc", "--all", "--dry-run", "--json"],
    2,
    /did not answer/,
    wedged,
  ),
  bad("doctor against a wedged engine", ["doctor"], 2, /FAIL +docker .*did not answer within/, {
    ...wedged,
    reported: true,
    writes: /^a(\/b(\/home)?)?$/, // doctor creates the (empty) home it checks
  }),
];

/** labs, unknown commands and topics, help, autocomplete. */
export const COMMAND_LINE_CASES: Case[] = [
  bad("labs with an argument", ["labs", "extra"], 64, /Unexpected argument: extra\./),
  bad("labs with an unknown flag", ["labs", "--frob"], 64, /Unknown flag --frob/),
  bad("labs --jsn suggests --json", ["labs", "--jsn"], 64, /Did you mean --json\?/),
  bad("labs --frob --json", ["labs", "--frob", "--json"], 64, /Unknown flag --frob/),
  // unknown commands and topics
  bad("a typo of verify", ["verfy"], 64, /"verfy" is not a labctl command\. Did you mean "verify"\?/),
  bad("a typo with arguments --json", ["verfy", "tp03", "--json"], 64, /^"verfy" is not.*"verify"/),
  bad("a typo of status", ["stauts"], 64, /Did you mean "status"/),
  bad(
    "an unknown class verb",
    ["class", "fly", "tp03"],
    64,
    /"class fly" is not a labctl command.*help class/s,
  ),
  bad("a word far from any command", ["xyzzyplugh"], 64, /"xyzzyplugh" is not a labctl command\.\n/),
  bad("a flag instead of a command", ["--frob"], 64, /"--frob" is not a labctl command/),
  // help and autocomplete
  bad("help of a typo", ["help", "verfy"], 64, /Did you mean "verify"/),
  bad("help of an unknown class verb", ["help", "class", "fly"], 64, /"class fly" is not a labctl command/),
  bad("help --json (help has no --json)", ["help", "verfy", "--json"], 64, /Unknown flag --json/),
  bad("help class up shows that command", ["help", "class", "up"], 0, /labctl class up LAB -r <value>/),
  bad("-h works as --help on a command", ["class", "down", "-h"], 0, /labctl class down LAB -r <value>/),
  bad(
    "autocomplete for an unsupported shell",
    ["autocomplete", "fish"],
    64,
    /fish.*one of: zsh, bash, powershell/,
  ),
  bad("autocomplete bash prints the setup", ["autocomplete", "bash"], 0, /labctl autocomplete script bash/, {
    writes: /^user\/\.cache(\/labctl(\/autocomplete(\/.*)?)?)?$/, // its cache, in the user's cache folder
  }),
];
