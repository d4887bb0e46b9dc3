import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadClassEngine, resolveHome } from "@labctl/core";
import { ClassRunRecorder } from "./class-run-record";
import { openClass } from "./open-class";
import { rememberStudentIds } from "./student-ids";
import { fakeLab } from "./test-support/fake-class";

jest.mock("@labctl/core", () => ({
  ...jest.requireActual("@labctl/core"),
  loadClassEngine: jest.fn((name: string) => ({ name })),
}));
const loadClassEngineMock = loadClassEngine as jest.MockedFunction<typeof loadClassEngine>;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "labctl-open-class-"));
  const home = resolveHome({ LABCTL_HOME: join(dir, "home") });
  const rosterFile = join(dir, "devops.csv");
  writeFileSync(rosterFile, "id,name,email\nann,Ann,ann@example.org\n,Bob Martin,bob@example.org\n");
  return { home, rosterFile };
}

beforeEach(() => loadClassEngineMock.mockClear());

describe("openClass", () => {
  it("names the class after the roster file, reads the roster, and loads no engine until asked", () => {
    const { home, rosterFile } = setup();
    const opened = openClass({ lab: fakeLab, rosterFile, home, env: {} });
    expect(opened.classId).toBe("devops");
    expect(opened.roster.students.map((s) => s.id)).toEqual(["ann", "bob-martin"]);
    expect(opened.engineName).toBe("pulumi");
    expect(loadClassEngineMock).not.toHaveBeenCalled();
    opened.engine(3);
    expect(loadClassEngineMock.mock.calls).toEqual([
      ["pulumi", home, { concurrency: 3, dockerHost: opened.config.dockerHost }],
    ]);
  });

  it("keeps the ids this class already gave (a renamed student keeps the id)", () => {
    const { home, rosterFile } = setup();
    rememberStudentIds(home, "devops", {
      source: "devops.csv",
      format: "csv",
      students: [{ id: "bob", name: "Bob", email: "bob@example.org" }],
    });
    expect(openClass({ lab: fakeLab, rosterFile, home, env: {} }).roster.students[1]?.id).toBe("bob");
  });

  it("follows the engine of the class's last run, unless --engine says otherwise", () => {
    const { home, rosterFile } = setup();
    new ClassRunRecorder(home, { classId: "devops", lab: fakeLab.id }, "up", { engine: "docker" });
    expect(openClass({ lab: fakeLab, rosterFile, home, env: {} }).engineName).toBe("docker");
    expect(openClass({ lab: fakeLab, rosterFile, home, env: {}, engine: "pulumi" }).engineName).toBe(
      "pulumi",
    );
  });

  it("checks the class id before it looks at the home", () => {
    const { rosterFile } = setup();
    const home = jest.fn();
    expect(() => openClass({ lab: fakeLab, rosterFile, classId: "../x", home, env: {} })).toThrow(
      expect.objectContaining({ code: "BAD_ID", exitCode: 64 }),
    );
    expect(home).not.toHaveBeenCalled();
  });
});
