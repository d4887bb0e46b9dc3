import { appImage, OUTPUTS, runCheck, runtimeBase } from "../test-support/tp04-fixture";
import { imageLayers } from "./image-layers";

describe("image-layers", () => {
  it("passes when the Dockerfile adds few layers", async () => {
    expect(await runCheck(imageLayers)).toEqual({
      status: "pass",
      message: "image tp04-alice-app:1.0.0 has 3 layers, 2 on top of debian:bookworm-slim (at most 5)",
    });
  });

  it("fails when every command got its own RUN", async () => {
    const many = { [OUTPUTS.image]: appImage({ layers: 9 }), [OUTPUTS.runtimeImage]: runtimeBase() };
    expect(await runCheck(imageLayers, { images: many })).toEqual({
      status: "fail",
      message:
        "image tp04-alice-app:1.0.0 has 9 layers, 8 on top of debian:bookworm-slim, more than 5: merge RUN instructions",
    });
  });

  it("fails without the image, and cannot decide without the base", async () => {
    expect((await runCheck(imageLayers, { images: {} })).status).toBe("fail");
    expect((await runCheck(imageLayers, { images: { [OUTPUTS.image]: appImage() } })).status).toBe("error");
  });
});
