// Runs a TypeScript file of this repo in a plain `node` process, for tests that need really
// separate processes (inter-process locks): `node ts-child.js <file.ts> [args…]`.
const { transformFileSync } = require("@swc/core");

require.extensions[".ts"] = (module, filename) => {
  const { code } = transformFileSync(filename, {
    jsc: { target: "es2022", parser: { syntax: "typescript" } },
    module: { type: "commonjs" },
    swcrc: false,
  });
  module._compile(code, filename);
};

require(process.argv[2]);
