import { validId } from "./valid-id";

const BAD = ["../../escape", "a/b", "..", "", "Alice", "a".repeat(31), "/abs", "a\\b", "-a", "a."];
const KINDS = ["class", "student", "lab"] as const;

describe("validId", () => {
  it.each(KINDS)("accepts a slug as a %s id", (kind) => {
    expect(validId(kind, "devops-2026")).toBe("devops-2026");
    expect(validId(kind, "a".repeat(30))).toBe("a".repeat(30));
  });

  it.each(KINDS.flatMap((kind) => BAD.map((value) => [kind, value] as const)))(
    "refuses %s id %j with exit 64 and the fix",
    (kind, value) => {
      expect(() => validId(kind, value)).toThrow(
        expect.objectContaining({
          message: `"${value}" is not a valid ${kind} id.`,
          advice: expect.stringMatching(/^Use lowercase letters, digits and dashes \(at most 30\), e\.g\. /),
          exitCode: 64,
          code: "BAD_ID",
        }),
      );
    },
  );
});
