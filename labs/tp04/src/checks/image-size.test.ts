import { appImage, OUTPUTS, runCheck, runtimeBase } from "../test-support/tp04-fixture";
import { imageSize } from "./image-size";

describe("image-size", () => {
  it("passes when the Dockerfile adds less than the budget to its runtime base", async () => {
    expect(await runCheck(imageSize)).toEqual({
      status: "pass",
      message:
        "image tp04-alice-app:1.0.0 is 75.7 MB, 0.8 MB on top of debian:bookworm-slim (74.9 MB), within the 10.0 MB budget",
    });
  });

  it("measures against the base the image map gave, whatever its own size", async () => {
    const bigBase = {
      [OUTPUTS.image]: appImage({ size: 117_800_000 }),
      [OUTPUTS.runtimeImage]: runtimeBase({ size: 117_000_000 }),
    };
    expect((await runCheck(imageSize, { images: bigBase })).status).toBe("pass");
  });

  it("fails when the final image ships the build tools", async () => {
    const single = {
      [OUTPUTS.image]: appImage({ size: 1_390_000_000 }),
      [OUTPUTS.runtimeImage]: runtimeBase(),
    };
    expect(await runCheck(imageSize, { images: single })).toEqual({
      status: "fail",
      message:
        "image tp04-alice-app:1.0.0 is 1390.0 MB, 1315.1 MB on top of debian:bookworm-slim (74.9 MB), over the 10.0 MB budget: does the final stage ship build tools?",
    });
  });

  it("fails without the image, and cannot decide without the base", async () => {
    expect(await runCheck(imageSize, { images: {} })).toEqual({
      status: "fail",
      message: "image tp04-alice-app:1.0.0 does not exist",
    });
    expect(await runCheck(imageSize, { images: { [OUTPUTS.image]: appImage() } })).toEqual({
      status: "error",
      message:
        "runtime base debian:bookworm-slim is not on this engine: cannot measure what the Dockerfile adds",
    });
  });
});
