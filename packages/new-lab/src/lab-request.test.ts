import { parseLabRequest } from "./lab-request.ts";

const usageError = (message: string) => expect.objectContaining({ message, exitCode: 64 });

describe("parseLabRequest", () => {
  it("reads the id, the platform and the title", () => {
    expect(parseLabRequest(["tp07", "--platform", "swarm", "--title", "Overlay networks"])).toEqual({
      id: "tp07",
      platform: "swarm",
      title: "Overlay networks",
    });
  });

  it("gives each platform a starting title", () => {
    expect(parseLabRequest(["tp07", "--platform", "docker"]).title).toBe("One nginx container on your port");
    expect(parseLabRequest(["tp08", "--platform=kind", "--title", "  "]).title).toBe(
      "Your own Kubernetes namespace",
    );
  });

  it("refuses an id that is not tp followed by two digits", () => {
    for (const id of ["tp7", "tp100", "TP07", "lab07", "tp07-extra"]) {
      expect(() => parseLabRequest([id, "--platform", "docker"])).toThrow(
        usageError(`Lab id "${id}" is not tp followed by two digits.`),
      );
    }
  });

  it("refuses a missing or unknown platform, naming the ones there are", () => {
    expect(() => parseLabRequest(["tp07"])).toThrow(
      usageError("Give the lab's platform with --platform docker, swarm or kind."),
    );
    expect(() => parseLabRequest(["tp07", "--platform", "nomad"])).toThrow(
      expect.objectContaining({
        message: 'Unknown platform "nomad".',
        advice: "Use --platform docker, swarm, kind.",
      }),
    );
  });

  it("refuses a missing id, an unquoted title and an unknown flag", () => {
    expect(() => parseLabRequest(["--platform", "docker"])).toThrow(usageError("Give the new lab's id."));
    expect(() => parseLabRequest(["tp07", "--platform", "docker", "Two", "words"])).toThrow(
      usageError('Unexpected argument "Two".'),
    );
    expect(() => parseLabRequest(["tp07", "--platfrom", "docker"])).toThrow(
      expect.objectContaining({ exitCode: 64 }),
    );
  });
});
