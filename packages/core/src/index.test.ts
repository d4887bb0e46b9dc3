// The index is cheap to import (`labctl labs`, `--help`): heavy modules load on first use.
const HEAVY_DEPENDENCIES = [
  "zod",
  "yaml",
  "csv-parse",
  "csv-stringify",
  "fast-xml-parser",
  "proper-lockfile",
  "write-file-atomic",
  "p-limit",
  "dockerode",
  "@pulumi/pulumi",
];

type Index = typeof import("./index");

/** A fresh copy of the index in which requiring any heavy dependency throws. */
function indexWithoutHeavyDependencies(): Index {
  let index: Index | undefined;
  jest.isolateModules(() => {
    for (const name of HEAVY_DEPENDENCIES)
      jest.doMock(name, () => {
        throw new Error(`${name} was loaded`);
      });
    index = require("./index");
  });
  return index as Index;
}

describe("@labctl/core index", () => {
  afterEach(() => {
    for (const name of HEAVY_DEPENDENCIES) jest.dontMock(name);
    jest.resetModules();
  });

  it("loads no heavy dependency until a heavy name is used", () => {
    const index = indexWithoutHeavyDependencies();
    expect(index.LabctlError).toBeDefined();
    expect(index.stackName("alice", "default")).toBe("alice");
    // The control: reading a lazy name loads its module, here config (yaml, zod).
    expect(() => index.loadConfig).toThrow(/was loaded/);
  });

  it("lists, for each heavy module, exactly the values it exports", () => {
    const { LAZY_EXPORTS } = require("./index") as Index;
    for (const [path, names] of Object.entries(LAZY_EXPORTS)) {
      const values = Object.keys(require(path)).filter((name) => name !== "__esModule");
      expect({ path, names: [...names].sort() }).toEqual({ path, names: values.sort() });
    }
  });

  it("gives every heavy module's values through the index", () => {
    const index = require("./index") as Record<string, unknown> & Index;
    for (const [path, names] of Object.entries(index.LAZY_EXPORTS))
      for (const name of names) expect(index[name]).toBe(require(path)[name]);
  });
});
