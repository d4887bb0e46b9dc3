import { networkOptions } from "./network-options";

describe("networkOptions", () => {
  it("creates attachable and internal overlay networks", () => {
    expect(
      networkOptions({ driver: "overlay", attachable: true }, "tp07-alice-front", { l: "v" }),
    ).toMatchObject({ Name: "tp07-alice-front", Driver: "overlay", Attachable: true, Labels: { l: "v" } });
    expect(networkOptions({ driver: "overlay", internal: true }, "back", {})).toMatchObject({
      Driver: "overlay",
      Internal: true,
    });
  });

  it("defaults to a bridge network", () => {
    expect(networkOptions({}, "n", {}).Driver).toBe("bridge");
  });
});
