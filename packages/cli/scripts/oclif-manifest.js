#!/usr/bin/env node
// Writes oclif.manifest.json from the built commands (dist/commands), as `oclif manifest` does:
// with it, oclif finds commands, their flags and their help in one JSON file and loads only the
// command that runs. Run by `npm run build`. `--check`: exit 1 when the file on disk is not what
// the built commands give (stale). Usage: node scripts/oclif-manifest.js [--check [file]]
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { Plugin } = require("@oclif/core");

const root = join(__dirname, "..");
const [flag, checked] = process.argv.slice(2);
const check = flag === "--check";
const file = check && checked ? checked : join(root, "oclif.manifest.json");

/** The manifest of the package at `root`, from its built commands (each is loaded once here). */
async function manifestOf(root) {
  const plugin = new Plugin({
    root,
    type: "core",
    ignoreManifest: true,
    errorOnManifestCreate: true,
    respectNoCacheDefault: true,
  });
  await plugin.load();
  // A command whose source is gone but whose build output remains would still be listed.
  for (const command of Object.values(plugin.manifest.commands)) {
    const source = join(root, "src", ...command.relativePath.slice(1)).replace(/\.js$/, ".ts");
    if (!existsSync(source))
      throw new Error(
        `${command.relativePath.join("/")} has no source (${source}): delete dist/ and build again.`,
      );
  }
  return `${JSON.stringify(plugin.manifest, null, 2)}\n`;
}

manifestOf(root).then(
  (manifest) => {
    if (!check) return writeFileSync(file, manifest);
    const onDisk = existsSync(file) ? readFileSync(file, "utf8") : "(missing)";
    if (onDisk === manifest) return;
    process.stderr.write(`${file} is stale (or missing): run \`npm run build\` in packages/cli.\n`);
    process.exitCode = 1;
  },
  (error) => {
    process.stderr.write(`oclif manifest: ${error.message}\n`);
    process.exitCode = 1;
  },
);
