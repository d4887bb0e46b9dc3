#!/usr/bin/env node
// Builds the stand-in images tests use (all, or those named: `build-images.js ghost mysql:8.0`).
// Uses the compiled package: run `npm run build` first.
const path = require("node:path");

const dist = path.join(__dirname, "..", "dist");
let testing;
try {
  // Only these two modules: they need nothing else of labctl built.
  testing = {
    ...require(path.join(dist, "docker-engine.js")),
    ...require(path.join(dist, "images", "index.js")),
  };
} catch (err) {
  console.error(`@labctl/testing is not built (${err.message}); run \`npm run build\` first.`);
  process.exit(2);
}

async function main() {
  const only = process.argv.slice(2);
  const started = Date.now();
  await testing.ensureDockerEngine();
  const map = await testing.ensureStandinImages(only.length > 0 ? { only } : {});
  console.log(JSON.stringify(map, null, 2));
  console.error(`[standin] done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
