import { join } from "node:path";
import { environmentDir, insideHome, resolveHome } from "./labctl-home";

describe("insideHome", () => {
  const home = resolveHome({ LABCTL_HOME: "/tmp/labctl-home-test" });

  it("joins segments under the home", () => {
    expect(insideHome(home, "envs", "c", "l", "s")).toBe("/tmp/labctl-home-test/envs/c/l/s");
    expect(environmentDir(home, "c", "tp03", "alice")).toBe(join(home.envsDir, "c", "tp03", "alice"));
  });

  it.each([["..", "x"], ["envs", "../../etc"], ["/etc"], [""], ["envs", ".."]])(
    "refuses %j, which is not strictly inside the home",
    (...segments) => {
      expect(() => insideHome(home, ...segments)).toThrow(
        expect.objectContaining({ code: "OUTSIDE_HOME", exitCode: 64 }),
      );
    },
  );

  it("resolves a relative LABCTL_HOME once, so the fence compares absolute paths", () => {
    expect(resolveHome({ LABCTL_HOME: "rel/home" }).root).toBe(join(process.cwd(), "rel/home"));
  });
});
