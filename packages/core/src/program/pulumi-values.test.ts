import { unknown } from "@pulumi/pulumi/output";
import { labelMap, unwrapSecrets } from "./pulumi-values";

const secret = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});

describe("unwrapSecrets", () => {
  it("replaces secrets at any depth by their values", () => {
    expect(unwrapSecrets({ envs: secret(["A=1"]), nested: [{ password: secret("p") }], n: 1 })).toEqual({
      envs: ["A=1"],
      nested: [{ password: "p" }],
      n: 1,
    });
  });

  it("turns a preview's unknowns into undefined", () => {
    expect(unwrapSecrets({ image: unknown, name: "web" })).toEqual({ image: undefined, name: "web" });
  });
});

describe("labelMap", () => {
  it("turns the provider's label list into Docker's map", () => {
    expect(labelMap([{ label: "a", value: "1" }])).toEqual({ a: "1" });
    expect(labelMap(undefined)).toEqual({});
  });
});
