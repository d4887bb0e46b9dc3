import { isSlug, slugify, uniqueSlugs } from "./slug";

describe("slugify", () => {
  it.each([
    ["Élodie Müller", "elodie-muller"],
    ["  Jean-François  O'Brien ", "jean-francois-o-brien"],
    ["Søren Łukasz Straße", "soren-lukasz-strasse"],
    ["ALICE", "alice"],
    ["bob_smith@example.org", "bob-smith-example-org"],
  ])("%s -> %s", (input, expected) => expect(slugify(input)).toBe(expected));

  it("cuts long names on a dash and stays DNS-safe", () => {
    const slug = slugify("Maximilian Alexander Konstantin von Habsburg-Lothringen");
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(isSlug(slug)).toBe(true);
    expect(slug).toBe("maximilian-alexander");
  });
});

describe("uniqueSlugs", () => {
  it("suffixes collisions deterministically in list order", () => {
    expect(uniqueSlugs(["Anne Marie", "Anne-Marie", "anne marie", "Zoé"])).toEqual([
      "anne-marie",
      "anne-marie-2",
      "anne-marie-3",
      "zoe",
    ]);
  });

  it("never takes a reserved slug (an id given in the roster)", () => {
    expect(uniqueSlugs(["Anne Marie", "Anne Marie"], 30, ["anne-marie"])).toEqual([
      "anne-marie-2",
      "anne-marie-3",
    ]);
  });

  it("never returns an empty slug", () => {
    expect(uniqueSlugs(["???", "!!!"])).toEqual(["student", "student-2"]);
  });
});

describe("isSlug", () => {
  it("rejects what Docker or Kubernetes would refuse", () => {
    expect(isSlug("alice")).toBe(true);
    expect(isSlug("-alice")).toBe(false);
    expect(isSlug("Alice")).toBe(false);
    expect(isSlug("a".repeat(31))).toBe(false);
  });
});
