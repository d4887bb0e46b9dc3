import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "../home/labctl-home";
import { allocatePorts } from "./port-allocator";

const layout = { portBase: 20000, portBlockSize: 100 };
const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-ports-")) });

describe("allocatePorts", () => {
  it("gives each student a block and each lab a window, in order of first use", () => {
    const home = newHome();
    expect(
      allocatePorts(home, layout, { classId: "c", student: "alice", lab: "tp03", roles: ["ghost"] }),
    ).toEqual({ ghost: 20000 });
    expect(
      allocatePorts(home, layout, { classId: "c", student: "bob", lab: "tp03", roles: ["ghost"] }),
    ).toEqual({ ghost: 20100 });
    expect(
      allocatePorts(home, layout, { classId: "c", student: "alice", lab: "tp01", roles: ["web", "api"] }),
    ).toEqual({ web: 20010, api: 20011 });
  });

  it("is stable across calls and when the roster grows", () => {
    const home = newHome();
    const before = allocatePorts(home, layout, {
      classId: "c",
      student: "bob",
      lab: "tp03",
      roles: ["ghost"],
    });
    allocatePorts(home, layout, { classId: "c", student: "aaron", lab: "tp03", roles: ["ghost"] });
    expect(
      allocatePorts(home, layout, { classId: "c", student: "bob", lab: "tp03", roles: ["ghost"] }),
    ).toEqual(before);
  });

  it("can look without claiming", () => {
    const home = newHome();
    expect(
      allocatePorts(home, layout, { classId: "c", student: "zed", lab: "tp03", roles: ["ghost"] }, false),
    ).toEqual({ ghost: 20000 });
    expect(
      allocatePorts(home, layout, { classId: "c", student: "amy", lab: "tp03", roles: ["ghost"] }),
    ).toEqual({ ghost: 20000 });
  });

  it("refuses layouts that run past the last port", () => {
    const home = newHome();
    expect(() =>
      allocatePorts(
        home,
        { portBase: 65530, portBlockSize: 100 },
        { classId: "c", student: "a", lab: "tp03", roles: ["x"] },
      ),
    ).toThrow(/No host ports left/);
  });
});
