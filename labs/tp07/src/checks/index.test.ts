import lab from "../index";
import { TP07_CHECKS } from "./index";

describe("TP07_CHECKS", () => {
  it("has the ids the lab promises, in debugging order, and the lab registers them", () => {
    expect(TP07_CHECKS.map((c) => c.id)).toEqual([
      "swarm-manager",
      "web-converged",
      "ingress-spreads",
      "unknown-host-404",
      "db-secrets",
      "db-isolated",
      "rolling-update",
      "failover",
    ]);
    expect(lab.checks.map((c) => c.id)).toEqual(TP07_CHECKS.map((c) => c.id));
  });

  it("each has a title, points and a hint; needs name earlier checks; the two that change web are deep and run once", () => {
    const seen = new Set<string>();
    for (const check of TP07_CHECKS) {
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.points).toBeGreaterThan(0);
      expect(check.hint.length).toBeGreaterThan(40);
      for (const need of check.needs ?? []) expect(seen).toContain(need);
      seen.add(check.id);
    }
    const deep = TP07_CHECKS.filter((c) => c.deep);
    expect(deep.map((c) => [c.id, c.once])).toEqual([
      ["rolling-update", true],
      ["failover", true],
    ]);
  });
});
