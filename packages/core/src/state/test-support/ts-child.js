// Runs a TypeScript file of this repo in a plain `node` process, for tests that need really
// separate processes (inter-process locks): `node ts-child.js <file.ts> [args…]`.
const Module = require("node:module");
const { join } = require("node:path");
const { transformFileSync } = require("@swc/core");

// As jest does (jest.preset.js): workspace packages resolve to their sources, so no build is needed.
const packages = join(__dirname, "..", "..", "..", "..");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const lab = /^@labctl\/lab-([^/]+)$/.exec(request);
  const infra = /^@labctl\/infra-([^/]+)$/.exec(request);
  const pkg = /^@labctl\/([^/]+)$/.exec(request);
  if (lab) request = join(packages, "..", "labs", lab[1], "src", "index.ts");
  else if (infra) request = join(packages, "..", "infra", infra[1], "src", "index.ts");
  else if (pkg) request = join(packages, pkg[1], "src", "index.ts");
  return resolve.call(this, request, ...rest);
};

require.extensions[".ts"] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    jsc: { target: "es2022", parser: { syntax: "typescript" } },
    module: { type: "commonjs" },
    swcrc: false,
  });
  module._compile(code, filename);
};

require(process.argv[2]);
