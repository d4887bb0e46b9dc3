import { defineLab, fail, pass } from "./index";

const base = {
  id: "tp99",
  title: { en: "Test", fr: "Test" },
  platform: "docker" as const,
  images: {},
  ports: [],
  secrets: [],
  program: async () => ({ default: () => ({}) }),
  handout: "README.md",
};

const check = (id: string, needs?: string[]) => ({
  id,
  title: id,
  points: 2,
  hint: "h",
  needs,
  run: async () => pass("ok"),
});

describe("defineLab", () => {
  it("sums points and freezes the lab", () => {
    const lab = defineLab({ ...base, checks: [check("a"), check("b", ["a"])] });
    expect(lab.totalPoints).toBe(4);
    expect(Object.isFrozen(lab)).toBe(true);
  });

  it("lists every problem at once", () => {
    expect(() =>
      defineLab({ ...base, id: "TP 99", checks: [check("a"), check("a"), check("b", ["zzz"])] }),
    ).toThrow(/lab id "TP 99".*check id "a" is used twice.*needs unknown check "zzz"/);
  });

  it("refuses checks that need each other in a cycle", () => {
    expect(() =>
      defineLab({ ...base, checks: [check("a", ["c"]), check("b", ["a"]), check("c", ["b"])] }),
    ).toThrow(/cycle: a -> c -> b -> a/);
  });

  it("result helpers carry status and message", () => {
    expect(fail("nope")).toEqual({ status: "fail", message: "nope" });
  });
});
