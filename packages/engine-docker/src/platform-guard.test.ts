import type { EnvironmentSpec } from "@labctl/core";
import { refuseUnservedPlatform } from "./platform-guard";

const spec = (platform: string) => ({ lab: { id: "tp08", platform } }) as unknown as EnvironmentSpec;

describe("refuseUnservedPlatform", () => {
  it("lets docker and swarm labs through", () => {
    expect(() => refuseUnservedPlatform(spec("docker"))).not.toThrow();
    expect(() => refuseUnservedPlatform(spec("swarm"))).not.toThrow();
  });

  it("refuses a kind lab with exit 64 and the way out", () => {
    expect(() => refuseUnservedPlatform(spec("kind"))).toThrow(
      expect.objectContaining({
        code: "ENGINE_PLATFORM",
        exitCode: 64,
        message: "Lab tp08 runs on Kubernetes (kind), which the docker engine does not build.",
        advice: expect.stringContaining("--engine pulumi"),
      }),
    );
  });
});
