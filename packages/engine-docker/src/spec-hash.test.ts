import { specHash, stableStringify } from "./spec-hash";

describe("specHash", () => {
  it("ignores key order and undefined fields", () => {
    expect(specHash({ a: 1, b: { c: [1, 2], d: undefined } })).toBe(specHash({ b: { c: [1, 2] }, a: 1 }));
    expect(stableStringify({ b: 1, a: undefined, c: [undefined] })).toBe('{"b":1,"c":[null]}');
  });

  it("changes when any value changes, including list order", () => {
    const base = specHash({ envs: ["A=1", "B=2"] });
    expect(specHash({ envs: ["A=1", "B=3"] })).not.toBe(base);
    expect(specHash({ envs: ["B=2", "A=1"] })).not.toBe(base);
  });

  it("is a 32-character hex digest", () => {
    expect(specHash("x")).toMatch(/^[0-9a-f]{32}$/);
  });
});
