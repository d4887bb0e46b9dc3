import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckOutcome, VerifyReport } from "@labctl/core";
import { classLabDir } from "./class-paths";
import { readVerifyStore, saveVerifyResults } from "./class-verify-store";
import { fakeHome } from "./test-support/fake-class";

const key = { classId: "devops", lab: "tp99" };
const outcome = (status: CheckOutcome["status"], message: string): CheckOutcome => ({
  id: "isolation",
  title: "isolated",
  points: 0,
  earned: 0,
  status,
  message,
  hint: "",
  attempts: 1,
  durationMs: 1,
});
const report = (student: string, status: VerifyReport["status"]): VerifyReport => ({
  lab: "tp99",
  student,
  classId: "devops",
  status,
  earned: status === "pass" ? 5 : 0,
  total: 5,
  startedAt: "2026-03-02T14:05:00.000Z",
  durationMs: 10,
  checks: [],
});
const isolation = (outcomes: Record<string, CheckOutcome>) => ({
  id: "isolation",
  title: "isolated",
  points: 0,
  outcomes,
});
const engineDown = { message: "Docker engine unreachable", advice: "start it", code: "ENGINE", exitCode: 2 };

describe("verify.json", () => {
  it("an errored student keeps their report and isolation outcome; a class check not run this time stays", async () => {
    const { home } = await fakeHome(1);
    saveVerifyResults(home, key, {
      reports: { ann: report("ann", "pass"), bob: report("bob", "pass") },
      errors: {},
      classChecks: [isolation({ ann: outcome("pass", "ok"), bob: outcome("pass", "ok") })],
    });
    saveVerifyResults(home, key, {
      reports: { ann: report("ann", "fail") },
      errors: { bob: engineDown },
      classChecks: [isolation({ ann: outcome("fail", "reached"), bob: outcome("error", "could not probe") })],
    });
    const store = readVerifyStore(home, "devops", "tp99");
    expect(store?.reports.ann?.status).toBe("fail");
    expect(store?.reports.bob?.status).toBe("pass");
    expect(store?.errors.bob).toMatchObject({ ...engineDown, at: expect.any(String) });
    expect(store?.classChecks[0]?.outcomes.bob?.status).toBe("pass");
    expect(store?.classChecks[0]?.outcomes.ann?.status).toBe("fail");
    // an interrupted run has no class check: the stored one stays
    saveVerifyResults(home, key, { reports: { bob: report("bob", "pass") }, errors: {}, classChecks: [] });
    const later = readVerifyStore(home, "devops", "tp99");
    expect(later?.classChecks).toHaveLength(1);
    expect(later?.errors.bob).toBeUndefined();
  });

  it("a corrupt file is an error naming it (exit 65), never read as no results", async () => {
    const { home } = await fakeHome(1);
    saveVerifyResults(home, key, { reports: {}, errors: {}, classChecks: [] });
    const file = join(classLabDir(home, "devops", "tp99"), "verify.json");
    writeFileSync(file, '{"lab":"tp99","reports":[]}');
    expect(() => readVerifyStore(home, "devops", "tp99")).toThrow(
      expect.objectContaining({
        exitCode: 65,
        code: "STATE_CORRUPT",
        message: expect.stringContaining(file),
      }),
    );
    expect(() => saveVerifyResults(home, key, { reports: {}, errors: {}, classChecks: [] })).toThrow(
      expect.objectContaining({ code: "STATE_CORRUPT" }),
    );
  });
});
