const path = require("node:path");

const preset = require("../../jest.preset.js")("unit");

// kubernetes-models (the schemas the manifest tests validate against) and the packages it loads
// are ESM-only, and export for `import` only: resolve them with that condition (the resolver) and
// let swc turn them into CommonJS like the preset's other ESM-only packages.
const ESM_ONLY = ["kubernetes-models", "@kubernetes-models", "is-cidr", "cidr-regex"];

module.exports = {
  ...preset,
  resolver: path.join(__dirname, "jest-esm-resolver.js"),
  transformIgnorePatterns: preset.transformIgnorePatterns.map((p) =>
    p.replace("(?!(", `(?!(${ESM_ONLY.join("|")}|`),
  ),
};
