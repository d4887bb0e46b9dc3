/**
 * The dependency rule (CONTRIBUTING "Layout"), checked by `npm run deps` inside `npm test`:
 * cli → core → sdk ← labs, testing → core + sdk and used by test files only, new-lab stands alone,
 * no arrow back up. Workspace packages resolve to their sources (tsconfig.depcruise.json), so the
 * check runs before any build.
 */
const TEST = "(\\.test\\.ts$|/src/test-support/)";
const WORKSPACE = "^(packages|labs)/";

/** A rule: files of `from` may only reach workspace modules matching `allowed`. */
const onlyReaches = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: "error",
  from,
  to: { path: WORKSPACE, pathNot: allowed },
});

module.exports = {
  forbidden: [
    onlyReaches(
      "sdk-stands-alone",
      "sdk is the bottom layer: it imports no other @labctl package.",
      { path: "^packages/sdk/" },
      "^packages/sdk/",
    ),
    onlyReaches(
      "core-only-sdk",
      "core imports only sdk.",
      { path: "^packages/core/" },
      "^packages/(core|sdk)/",
    ),
    onlyReaches(
      "cli-core-sdk-labs",
      "cli imports core, sdk and the labs (its catalog); @labctl/testing only from tests.",
      { path: "^packages/cli/", pathNot: TEST },
      "^(packages/(cli|core|sdk)|labs/[^/]+)/",
    ),
    onlyReaches(
      "cli-tests",
      "cli's tests may also use @labctl/testing.",
      { path: `^packages/cli/.*${TEST}` },
      "^(packages/(cli|core|sdk|testing)|labs/[^/]+)/",
    ),
    onlyReaches(
      "labs-only-sdk",
      "A lab imports only @labctl/sdk (and @labctl/testing from its tests); never core, cli or another lab.",
      { path: "^labs/([^/]+)/", pathNot: TEST },
      "^(labs/$1|packages/sdk)/",
    ),
    onlyReaches(
      "lab-tests",
      "A lab's tests may also use @labctl/testing.",
      { path: `^labs/([^/]+)/.*${TEST}`, pathNot: "\\.e2e\\.test\\.ts$" },
      "^(labs/$1|packages/(sdk|testing))/",
    ),
    onlyReaches(
      "lab-engine-tests",
      "A lab's engine-tier tests drive the real engine, so they may also reach core.",
      { path: "^labs/([^/]+)/.*\\.e2e\\.test\\.ts$" },
      "^(labs/$1|packages/(sdk|testing|core))/",
    ),
    onlyReaches(
      "testing-core-sdk",
      "testing builds on core and sdk only.",
      { path: "^packages/testing/" },
      "^packages/(testing|core|sdk)/",
    ),
    onlyReaches(
      "new-lab-alone",
      "new-lab is a generator: at run time it imports no @labctl package.",
      { path: "^packages/new-lab/", pathNot: TEST },
      "^packages/new-lab/",
    ),
    onlyReaches(
      "new-lab-tests",
      "new-lab's tests may use sdk and testing.",
      { path: `^packages/new-lab/.*${TEST}` },
      "^packages/(new-lab|sdk|testing)/",
    ),
    {
      name: "testing-is-test-only",
      comment: "@labctl/testing is for tests: no non-test file outside it imports it.",
      severity: "error",
      from: { path: WORKSPACE, pathNot: [TEST, "^packages/testing/"] },
      to: { path: "^packages/testing/" },
    },
    {
      name: "nothing-imports-cli",
      comment: "cli is the top: no other package imports @labctl/cli.",
      severity: "error",
      from: { path: WORKSPACE, pathNot: "^packages/cli/" },
      to: { path: "^packages/cli/" },
    },
    {
      name: "probes-not-engine-docker",
      comment:
        "core's probes are below the docker engine: they must not import src/engine/docker (tests may borrow its test-support).",
      severity: "error",
      from: { path: "^packages/core/src/probes/", pathNot: TEST },
      to: { path: "^packages/core/src/engine/docker/" },
    },
    {
      name: "labctl-resolves",
      comment:
        "An @labctl/* import that does not resolve to a workspace package's sources escapes the rules above.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, path: "^@labctl/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsConfig: { fileName: "tsconfig.depcruise.json" },
    tsPreCompilationDeps: true,
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
