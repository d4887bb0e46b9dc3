import { decoyAddress } from "./decoy-address";

describe("decoyAddress", () => {
  it("is the subnet's highest free host", () => {
    expect(decoyAddress("10.0.4.0/24", new Set())).toBe("10.0.4.254");
    expect(decoyAddress("10.0.4.0/24", new Set(["10.0.4.254", "10.0.4.253"]))).toBe("10.0.4.252");
    expect(decoyAddress("172.19.0.0/16", new Set())).toBe("172.19.255.254");
  });

  it("has none for a subnet too small or unreadable, or with its top hosts all taken", () => {
    expect(decoyAddress("10.0.4.8/31", new Set())).toBeUndefined();
    expect(decoyAddress("fd00::/64", new Set())).toBeUndefined();
    const top = new Set(Array.from({ length: 16 }, (_, i) => `10.0.4.${254 - i}`));
    expect(decoyAddress("10.0.4.0/24", top)).toBeUndefined();
  });
});
