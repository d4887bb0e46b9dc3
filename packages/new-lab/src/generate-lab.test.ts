import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generateLab, type InstalledVersion, installedVersion } from "./generate-lab.ts";
import { type Ran, run, scratchRepo } from "./test-support/scratch-repo.ts";

// The generator for real: `npm run new-lab` in a scratch copy of the repository, then the new
// labs' own tests, the catalog's rules, the type checker and the linter, all there.
const ROOT = join(__dirname, "..", "..", "..");
const tool = (...path: string[]) => join(ROOT, "node_modules", ...path);
const JEST = tool("jest", "bin", "jest.js");
const TSC = tool("typescript", "bin", "tsc");
let scratch: string;
let generated: Record<string, Ran>;

const newLab = (...args: string[]) => run("npm", ["run", "--silent", "new-lab", "--", ...args], scratch);
const read = (file: string) => readFileSync(join(scratch, file), "utf8");
/** A command's exit code then its output, so a failing assertion shows why. */
const outcome = (ran: Ran) => `exit ${ran.code}\n${ran.stdout}${ran.stderr}`;

beforeAll(async () => {
  scratch = scratchRepo(ROOT);
  generated = {
    tp90: await newLab("tp90", "--platform", "docker"),
    tp91: await newLab("tp91", "--platform", "swarm", "--title", "Services | replicas"),
  };
}, 60_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run new-lab, in a scratch copy of the repository", () => {
  it("writes each lab (its package, one check, a program test, an engine test, a hand-out) and what to do next", () => {
    for (const [id, ran] of Object.entries(generated)) {
      expect(outcome(ran)).toMatch(/^exit 0\n/);
      expect(ran.stdout).toContain(`cd labs/${id} && npx jest`);
      expect(JSON.parse(read(`labs/${id}/package.json`)).name).toBe(`@labctl/lab-${id}`);
      for (const file of [
        "src/index.ts",
        "src/program.ts",
        "src/program.test.ts",
        `src/${id}.e2e.test.ts`,
        "README.md",
      ]) {
        expect(existsSync(join(scratch, "labs", id, file))).toBe(true);
      }
    }
    expect(read("labs/tp90/src/checks/web-running.test.ts")).toContain('it("fails when');
    expect(read("labs/tp91/src/program.ts")).toContain("new docker.Service(");
  });

  it("wires both labs in: catalog import and entry, CLI dependency, nightly matrix, README row", () => {
    const catalog = read("packages/cli/src/catalog.ts");
    expect(catalog).toContain('import tp90 from "@labctl/lab-tp90";\nimport tp91 from "@labctl/lab-tp91";\n');
    expect(catalog).toMatch(/^ +tp90 as Lab,\n +tp91 as Lab,$/m);
    const cli = JSON.parse(read("packages/cli/package.json")) as { dependencies: Record<string, string> };
    expect(cli.dependencies).toMatchObject({ "@labctl/lab-tp90": "*", "@labctl/lab-tp91": "*" });
    expect(read(".github/workflows/nightly.yml")).toMatch(/^ +lab: \[tp01, [^\]]*tp90, tp91\]$/m);
    expect(read("README.md")).toMatch(
      /^\| tp91 \| Services \\\| replicas +\| \[labs\/tp91\/README\.md\]\(labs\/tp91\/README\.md\) \|$/m,
    );
  });

  it("makes labs whose unit tests, catalog rules, types and lint pass", async () => {
    const [tp90, tp91, catalog, ...checks] = await Promise.all([
      run(process.execPath, [JEST, "--ci"], join(scratch, "labs", "tp90")),
      run(process.execPath, [JEST, "--ci"], join(scratch, "labs", "tp91")),
      run(
        process.execPath,
        [JEST, "--ci", "--verbose", "src/catalog.test.ts"],
        join(scratch, "packages", "cli"),
      ),
      run(process.execPath, [TSC, "-p", "labs/tp90/tsconfig.json", "--noEmit"], scratch),
      run(process.execPath, [TSC, "-p", "labs/tp91/tsconfig.json", "--noEmit"], scratch),
      run(tool(".bin", "biome"), ["check", "labs/tp90", "labs/tp91", "packages/cli", ".github"], scratch),
    ]);
    for (const lab of [tp90, tp91] as Ran[]) {
      expect(outcome(lab)).toMatch(/^exit 0\n/);
      expect(lab.stderr).toMatch(/Test Suites: 2 passed, 2 total/);
    }
    expect(outcome(catalog as Ran)).toMatch(/^exit 0\n/);
    expect(catalog?.stderr).toContain("lab tp91");
    for (const check of checks) expect(outcome(check)).toMatch(/^exit 0\n/);
  }, 90_000);

  it("refuses a second run for the same id, and changes nothing", async () => {
    const before = read("packages/cli/src/catalog.ts");
    const again = await newLab("tp90", "--platform", "docker");
    expect(again.code).toBe(65);
    expect(again.stderr).toBe(
      "new-lab: Lab tp90 already exists (labs/tp90 or the catalog has it).\nPick a free id: `ls labs` lists the ones taken.\n",
    );
    expect(read("packages/cli/src/catalog.ts")).toBe(before);
  });

  it("refuses an id that is not tp and two digits, and an unknown platform (exit 64)", async () => {
    const badId = await newLab("lab7", "--platform", "docker");
    expect(badId.code).toBe(64);
    expect(badId.stderr).toMatch(/^new-lab: Lab id "lab7" is not tp followed by two digits\.\n/);
    const badPlatform = await newLab("tp93", "--platform", "nomad");
    expect(badPlatform.code).toBe(64);
    expect(badPlatform.stderr).toMatch(
      /^new-lab: Unknown platform "nomad"\.\nUse --platform docker, swarm, kind\.\n$/,
    );
    expect(existsSync(join(scratch, "labs", "tp93"))).toBe(false);
  });

  it("kind: refuses without @pulumi/kubernetes, writing nothing; with it, writes a Namespace lab", async () => {
    const request = { id: "tp92", platform: "kind", title: "Namespaces" } as const;
    const versions =
      (kubernetes: string | undefined): InstalledVersion =>
      (root, name) =>
        name === "@pulumi/kubernetes" ? kubernetes : installedVersion(root, name);
    const catalog = read("packages/cli/src/catalog.ts");
    expect(() => generateLab(scratch, request, versions(undefined))).toThrow(
      "the kind platform needs @pulumi/kubernetes (not installed yet)",
    );
    expect(existsSync(join(scratch, "labs", "tp92"))).toBe(false);
    expect(read("packages/cli/src/catalog.ts")).toBe(catalog);

    generateLab(scratch, request, versions("4.23.0"));
    expect(JSON.parse(read("labs/tp92/package.json")).dependencies["@pulumi/kubernetes"]).toBe("^4.23.0");
    expect(read("labs/tp92/src/program.ts")).toContain("new k8s.core.v1.Namespace(");
    // Its program cannot load here (no @pulumi/kubernetes); its check's tests and its lint can run.
    const [checkTests, lint] = await Promise.all([
      run(process.execPath, [JEST, "--ci", "src/checks"], join(scratch, "labs", "tp92")),
      run(tool(".bin", "biome"), ["check", "labs/tp92"], scratch),
    ]);
    expect(outcome(checkTests)).toMatch(/^exit 0\n/);
    expect(outcome(lint)).toMatch(/^exit 0\n/);
  }, 60_000);
});
