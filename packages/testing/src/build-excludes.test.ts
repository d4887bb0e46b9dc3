// No test helper reaches a package's dist/: each tsconfig.build.json is resolved the way `tsc`
// would build it (its files plus everything they import), without emitting anything.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const ROOT = join(__dirname, "../../..");

/** The files of a build that are test code: tests, test-support folders, fakes, e2e helpers. */
function testHelpersIn(files: string[], testLibrary: boolean): string[] {
  return files.filter(
    (file) =>
      /\.test\.ts$|\/test-support\//.test(file) ||
      // @labctl/testing ships fakes on purpose: the labs' tests import them from its build.
      (!testLibrary && /\/(fake-[^/]*|[^/]*e2e-support)\.ts$/.test(file)),
  );
}

function workspaces(): string[] {
  return ["packages", "labs"].flatMap((group) =>
    readdirSync(join(ROOT, group))
      .map((name) => join(ROOT, group, name))
      .filter((dir) => existsSync(join(dir, "tsconfig.build.json"))),
  );
}

// One cache of parsed files for all the programs: the packages share most of node_modules.
const host = ts.createCompilerHost({});
const parsed = new Map<string, ts.SourceFile | undefined>();
const getSourceFile = host.getSourceFile;
host.getSourceFile = (file, ...rest) => {
  if (!parsed.has(file)) parsed.set(file, getSourceFile(file, ...rest));
  return parsed.get(file);
};

/** The package's own sources that `tsc -p tsconfig.build.json` would compile. */
function builtSources(dir: string): string[] {
  const configFile = join(dir, "tsconfig.build.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configFile}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  const src = join(dir, "src");
  return program
    .getSourceFiles()
    .map((file) => file.fileName)
    .filter((file) => !relative(src, file).startsWith(".."));
}

describe("testHelpersIn", () => {
  it("finds tests, test-support files, fakes and e2e helpers", () => {
    const files = [
      "/p/src/index.ts",
      "/p/src/up.test.ts",
      "/p/src/up.e2e.test.ts",
      "/p/src/class/test-support/fake-class.ts",
      "/p/src/engine/fake-driver.ts",
      "/p/src/class-e2e-support.ts",
      "/p/src/fakery.ts",
    ];
    expect(testHelpersIn(files, false)).toEqual(files.slice(1, 6));
  });

  it("lets the test library ship its fakes, not its own tests", () => {
    expect(
      testHelpersIn(["/t/src/fake-check-context.ts", "/t/src/fake-check-context.test.ts"], true),
    ).toEqual(["/t/src/fake-check-context.test.ts"]);
  });
});

describe("tsconfig.build.json of every package", () => {
  const dirs = workspaces();

  it("covers the packages and the labs", () => {
    const names = dirs.map((dir) => relative(ROOT, dir));
    expect(names).toEqual(expect.arrayContaining(["packages/core", "packages/cli", "labs/tp01"]));
  });

  it.each(dirs.map((dir) => [relative(ROOT, dir), dir]))("%s compiles no test helper", (_, dir) => {
    const sources = builtSources(dir);
    expect(sources).toContain(join(dir, "src/index.ts"));
    const testLibrary = dir === join(ROOT, "packages/testing");
    expect(testHelpersIn(sources, testLibrary).map((file) => relative(ROOT, file))).toEqual([]);
  });
});
