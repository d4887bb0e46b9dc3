#!/usr/bin/env node
// Writes dist/fast-answers.json, from which bin/run.js answers the root help and `labctl labs
// [--json]` without loading oclif (src/fast-answer.ts): the root help's rows as oclif's Help class
// lists them (src/fast-help.ts renders them for the width in force), and what `labs` prints, run
// through oclif. Run by `npm run build` after oclif-manifest.js. `--check`: exit 1 when the file
// on disk is not what the build gives (stale). Usage: node scripts/fast-answers.js [--check [file]]
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

// What this machine's user set must not end up in the file: a theme, JSON output for all.
process.env.LABCTL_DISABLE_THEME = "true";
delete process.env.LABCTL_CONTENT_TYPE;
const { Config } = require("@oclif/core/config");
const { Help } = require("@oclif/core/help");
const { run } = require("@oclif/core/run");

const root = join(__dirname, "..");
const [flag, checked] = process.argv.slice(2);
const check = flag === "--check";
const file = check && checked ? checked : join(root, "dist", "fast-answers.json");

/** What src/fast-help.ts needs; refuses what it cannot render as oclif would. */
async function rootHelpModel(config) {
  const { oclif } = config.pjson;
  const hooks = ["init", "preparse", "prerun", "postrun", "finally"];
  const unknown = Object.entries({
    "a help class": oclif.helpClass,
    "help options": oclif.helpOptions ?? config.pjson.helpOptions,
    "a state": oclif.state,
    "a theme": oclif.theme,
    "a single command": config.isSingleCommandCLI,
    "bin aliases": oclif.binAliases?.length,
    "another bin or dirname": config.bin !== "labctl" || config.dirname !== "labctl",
    "hooks on these paths":
      config.plugins && [...config.plugins.values()].some((p) => hooks.some((h) => p.hooks[h])),
  }).filter(([, has]) => has);
  if (unknown.length)
    throw new Error(`src/fast-help.ts does not know ${unknown.map(([name]) => name).join(", ")}.`);

  const help = new Help(config);
  const [summary, ...description] = help
    .render(oclif.description || config.pjson.description || "")
    .split("\n");
  if (description.join("\n")) throw new Error("src/fast-help.ts does not render a root DESCRIPTION section.");
  // Help.showRootHelp, with its lists kept instead of printed: renderList's rows, section's header.
  const sections = [];
  let rows = [];
  help.renderList = (input) => {
    rows = input.map(([name, text]) => [name, text || ""]);
    return "";
  };
  help.section = (header) => {
    sections.push({ header, rows });
    return "";
  };
  help.log = () => undefined;
  await help.showRootHelp();
  const texts = [summary, ...sections.flatMap((s) => s.rows.flat())];
  const odd = texts.find((text) => !/^[ -~]*$/.test(text) || text.includes("<%"));
  if (odd !== undefined)
    throw new Error(`src/fast-help.ts renders printable ASCII only, without templates: "${odd}"`);
  const words = [
    "--help",
    ...(oclif.additionalHelpFlags ?? []),
    ...(config.findCommand("help") ? ["help"] : []),
  ];
  return { summary, usage: `$ ${config.bin} [COMMAND]`, sections, words };
}

/** What the CLI prints on stdout for `argv`, run through oclif as bin/run.js runs it. */
async function printed(argv) {
  const write = process.stdout.write;
  let out = "";
  process.stdout.write = (chunk) => {
    out += chunk;
    return true;
  };
  try {
    await run(argv, join(root, "bin"));
  } finally {
    process.stdout.write = write;
  }
  return out;
}

async function answers() {
  const help = await rootHelpModel(await Config.load(root));
  const labs = { human: await printed(["labs"]), json: await printed(["labs", "--json"]) };
  return `${JSON.stringify({ help, labs }, null, 2)}\n`;
}

answers().then(
  (text) => {
    if (!check) return writeFileSync(file, text);
    const onDisk = existsSync(file) ? readFileSync(file, "utf8") : "(missing)";
    if (onDisk === text) return;
    process.stderr.write(`${file} is stale (or missing): run \`npm run build\` in packages/cli.\n`);
    process.exitCode = 1;
  },
  (error) => {
    process.stderr.write(`fast answers: ${error.message}\n`);
    process.exitCode = 1;
  },
);
