/**
 * The dependency rule (CONTRIBUTING "Layout"), checked by `npm run deps` inside `npm test`:
 * cli → class → roster → core → docker → sdk ← labs; the engines (engine-docker, engine-pulumi)
 * build on core and docker and are loaded by core by package name behind its Engine interface
 * (core/src/engine/load-engine.ts), so nothing imports them but their own tests and cli's; testing
 * is for tests only; new-lab stands alone; no arrow back up. The platform infra packages
 * (infra/<x>, e.g. infra-swarm) build on core, docker and sdk and are loaded by core by name
 * (core/src/infra/load-infra.ts): nothing imports them. A test may also borrow a lower
 * package's src/test-support/ (never built into dist/). Workspace packages resolve to their
 * sources (tsconfig.depcruise.json), so the check runs before any build.
 */
const TEST = "(\\.test\\.ts$|/src/test-support/)";
const WORKSPACE = "^(packages|labs|infra)/";

/** A rule: files of `from` may only reach workspace modules matching `allowed`. */
const onlyReaches = (name, comment, from, allowed) => ({
  name,
  comment,
  severity: "error",
  from,
  to: { path: WORKSPACE, pathNot: allowed },
});

/** The packages a package's code may import (itself included), and what its tests may add. */
const LAYERS = {
  sdk: { code: ["sdk"] },
  docker: { code: ["docker", "sdk"] },
  core: { code: ["core", "docker", "sdk"] },
  roster: { code: ["roster", "core", "sdk"] },
  "engine-docker": { code: ["engine-docker", "core", "docker", "sdk"] },
  "engine-pulumi": { code: ["engine-pulumi", "core", "docker", "sdk"] },
  class: { code: ["class", "roster", "core", "sdk"] },
  testing: { code: ["testing", "core", "docker", "sdk"] },
  kind: { code: ["kind", "sdk"] },
  new: { code: [] },
};
const either = (names) => `^packages/(${names.join("|")})/`;
/** A test may also use a lower package's test-support folder (and @labctl/testing where listed). */
const lowerTestSupport = (names) => `^packages/(${names.join("|")})/src/test-support/`;

const layerRules = Object.entries(LAYERS)
  .filter(([name]) => name !== "new")
  .flatMap(([name, { code }]) => [
    onlyReaches(
      `${name}-layer`,
      `${name} imports only ${code.filter((c) => c !== name).join(", ") || "nothing of labctl"}.`,
      { path: `^packages/${name}/`, pathNot: TEST },
      either(code),
    ),
    onlyReaches(
      `${name}-tests`,
      `${name}'s tests reach the same packages, plus a lower package's test-support.`,
      { path: `^packages/${name}/.*${TEST}` },
      `(${either(code)}|${lowerTestSupport(code)})`,
    ),
  ]);

/** infra/<x>: what its code may import (itself included). */
const INFRA = { swarm: ["core", "docker", "sdk"] };
const infraRules = Object.entries(INFRA).flatMap(([name, code]) => [
  onlyReaches(
    `infra-${name}-layer`,
    `infra-${name} imports only ${code.join(", ")}; core loads it by name.`,
    { path: `^infra/${name}/`, pathNot: TEST },
    `^(infra/${name}/|${either(code).slice(1)})`,
  ),
  onlyReaches(
    `infra-${name}-tests`,
    `infra-${name}'s tests reach the same packages, plus their test-support and @labctl/testing.`,
    { path: `^infra/${name}/.*${TEST}` },
    `^(infra/${name}/|${either([...code, "testing"]).slice(1)})`,
  ),
]);

module.exports = {
  forbidden: [
    ...layerRules,
    ...infraRules,
    {
      name: "nothing-imports-infra",
      comment: "Core loads the infra packages by name (load-infra.ts): no other package imports one.",
      severity: "error",
      from: { path: WORKSPACE, pathNot: "^infra/" },
      to: { path: "^infra/" },
    },
    onlyReaches(
      "cli-layer",
      "cli imports class, roster, core, docker, sdk and the labs (its catalog); engines are loaded by core by name.",
      { path: "^packages/cli/", pathNot: TEST },
      "^(packages/(cli|class|roster|core|docker|sdk)|labs/[^/]+)/",
    ),
    onlyReaches(
      "cli-tests",
      "cli's tests may also use @labctl/testing and the engines (cli is the top).",
      { path: `^packages/cli/.*${TEST}` },
      "^(packages/[^/]+|labs/[^/]+)/",
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
      "A lab's engine-tier tests drive the real engine, so they may also reach core and docker.",
      { path: "^labs/([^/]+)/.*\\.e2e\\.test\\.ts$" },
      "^(labs/$1|packages/(sdk|testing|core|docker))/",
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
