import { addCliDependency, addToCatalog, addToNightly, addToReadme } from "./lab-wiring.ts";

const CATALOG = `import { ExitCode, LabctlError } from "@labctl/core";
import tp01 from "@labctl/lab-tp01";
import tp06 from "@labctl/lab-tp06";
import type { Lab } from "@labctl/sdk";

export const LABS: readonly Lab[] = [
  tp01 as Lab,
  tp06 as Lab,
];
`;

const notFound = (file: string) =>
  expect.objectContaining({
    message: expect.stringContaining(`Cannot find where to add the lab in ${file}`),
    exitCode: 2,
  });

describe("addToCatalog", () => {
  it("adds the import and the entry in id order, indented like the others", () => {
    expect(addToCatalog(CATALOG, "tp03")).toBe(
      CATALOG.replace(
        'tp06 from "@labctl/lab-tp06";',
        'tp03 from "@labctl/lab-tp03";\nimport tp06 from "@labctl/lab-tp06";',
      ).replace("  tp06 as Lab,", "  tp03 as Lab,\n  tp06 as Lab,"),
    );
    const last = addToCatalog(CATALOG, "tp07");
    expect(last).toContain(
      'import tp06 from "@labctl/lab-tp06";\nimport tp07 from "@labctl/lab-tp07";\nimport type',
    );
    expect(last).toContain("  tp06 as Lab,\n  tp07 as Lab,\n];");
  });

  it("refuses a catalog without the lines it expects, saying which", () => {
    expect(() => addToCatalog("export const LABS = [];\n", "tp07")).toThrow(
      notFound("packages/cli/src/catalog.ts"),
    );
    expect(() => addToCatalog('import tp01 from "@labctl/lab-tp01";\n', "tp07")).toThrow(/tp01 as Lab/);
  });
});

describe("addCliDependency", () => {
  it("adds the lab's package to the dependencies, sorted as npm keeps them", () => {
    const pkg = {
      name: "@labctl/cli",
      dependencies: { "@labctl/core": "*", "@labctl/lab-tp01": "*", "@labctl/sdk": "*" },
    };
    const out = addCliDependency(JSON.stringify(pkg), "tp07");
    expect(out.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(out).dependencies)).toEqual([
      "@labctl/core",
      "@labctl/lab-tp01",
      "@labctl/lab-tp07",
      "@labctl/sdk",
    ]);
  });

  it("refuses a package.json without dependencies", () => {
    expect(() => addCliDependency("{}", "tp07")).toThrow(notFound("packages/cli/package.json"));
  });
});

describe("addToNightly", () => {
  it("adds the id to the matrix line, sorted, once", () => {
    const yaml = "    strategy:\n      matrix:\n        lab: [tp01, tp06]\n    env:\n";
    expect(addToNightly(yaml, "tp03")).toBe(
      "    strategy:\n      matrix:\n        lab: [tp01, tp03, tp06]\n    env:\n",
    );
    expect(addToNightly(addToNightly(yaml, "tp07"), "tp07")).toContain("lab: [tp01, tp06, tp07]");
  });

  it("refuses a workflow without a matrix line", () => {
    expect(() => addToNightly("jobs: {}\n", "tp07")).toThrow(notFound(".github/workflows/nightly.yml"));
  });
});

describe("addToReadme", () => {
  const readme = [
    "Labs today:",
    "",
    "| id   | what it builds | hand-out                                   |",
    "| ---- | -------------- | ------------------------------------------ |",
    "| tp01 | nginx          | [labs/tp01/README.md](labs/tp01/README.md) |",
    "| tp06 | registry       | [labs/tp06/README.md](labs/tp06/README.md) |",
    "",
    "| tp99 | another table |",
  ].join("\n");

  it("adds a row to the lab table in id order, padded to its columns, the title's pipes escaped", () => {
    const lines = addToReadme(readme, "tp03", "a | b").split("\n");
    expect(lines.slice(4, 7)).toEqual([
      "| tp01 | nginx          | [labs/tp01/README.md](labs/tp01/README.md) |",
      "| tp03 | a \\| b         | [labs/tp03/README.md](labs/tp03/README.md) |",
      "| tp06 | registry       | [labs/tp06/README.md](labs/tp06/README.md) |",
    ]);
    expect(addToReadme(readme, "tp07", "x").split("\n")[6]).toMatch(/^\| tp07 \| x +\| \[labs\/tp07/);
    expect(addToReadme(readme, "tp07", "x").split("\n")[8]).toBe("| tp99 | another table |");
  });

  it("refuses a README without the lab table", () => {
    expect(() => addToReadme("# labctl\n", "tp07", "x")).toThrow(notFound("README.md"));
  });
});
