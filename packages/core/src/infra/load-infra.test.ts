import { INFRA_PACKAGES, loadInfra } from "./load-infra";

describe("loadInfra", () => {
  it("has nothing to load for a platform without an infra package", () => {
    expect(loadInfra("docker")).toBeUndefined();
  });

  it("loads the swarm package by name, exporting prepare and release", () => {
    expect(INFRA_PACKAGES.swarm).toBe("@labctl/infra-swarm");
    const infra = loadInfra("swarm");
    expect(typeof infra?.prepare).toBe("function");
    expect(typeof infra?.release).toBe("function");
  });

  it("names the missing package when it is not installed", () => {
    jest.isolateModules(() => {
      jest.doMock("@labctl/infra-swarm", () => {
        const error = new Error("Cannot find module '@labctl/infra-swarm'") as NodeJS.ErrnoException;
        error.code = "MODULE_NOT_FOUND";
        throw error;
      });
      const { loadInfra: load } = require("./load-infra") as typeof import("./load-infra");
      expect(() => load("swarm")).toThrow(expect.objectContaining({ code: "INFRA_MISSING", exitCode: 2 }));
    });
    jest.dontMock("@labctl/infra-swarm");
  });
});
