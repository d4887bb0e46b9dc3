// Shared jest settings: TypeScript through swc (types are checked by `check-types`),
// workspace packages resolved to their sources so tests never need a build.
const path = require("node:path");

const root = __dirname;
const esmOnly = ["p-limit", "yocto-queue", "execa"].join("|");

module.exports = (tier) => ({
  testEnvironment: "node",
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" }, module: { type: "commonjs" } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly})/)`],
  moduleNameMapper: {
    "^@labctl/lab-(.*)$": path.join(root, "labs/$1/src/index.ts"),
    "^@labctl/infra-(.*)$": path.join(root, "infra/$1/src/index.ts"),
    "^@labctl/((?!lab-|infra-)[^/]+)$": path.join(root, "packages/$1/src/index.ts"),
  },
  testMatch: tier === "e2e" ? ["**/src/**/*.e2e.test.ts"] : ["**/src/**/*.test.ts"],
  testPathIgnorePatterns:
    tier === "e2e" ? ["/node_modules/", "/dist/"] : ["/node_modules/", "/dist/", "\\.e2e\\.test\\.ts$"],
  testTimeout: tier === "e2e" ? 600_000 : 20_000,
  // The engine tier shares one Docker engine: one test file at a time, after the engine and
  // the stand-in images are ready (the setup starts/builds them when missing).
  ...(tier === "e2e" && {
    maxWorkers: 1,
    globalSetup: path.join(root, "packages/testing/src/e2e-global-setup.ts"),
  }),
});
