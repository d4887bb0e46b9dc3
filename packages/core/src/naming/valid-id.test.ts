import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { defineLab } from "@labctl/sdk";
import { classIdFor } from "../class/class-id";
import { classDir, classLabDir } from "../class/class-paths";
import { rememberStudentIds } from "../class/student-ids";
import { loadConfig } from "../config/config";
import { workDirFor } from "../engine/pulumi/stack-args";
import type { Engine, EnvironmentSpec } from "../engine/types";
import { removeEnvironmentDir, writeRecord } from "../environment/environment-record";
import { resolveEnvironment } from "../environment/resolve-environment";
import { environmentDir, resolveHome } from "../home/labctl-home";
import { allocatePorts } from "../ports/port-allocator";
import { withEnvironmentLock } from "../state/environment-lock";
import { down } from "../verbs/down";
import { up } from "../verbs/up";
import { validId } from "./valid-id";

const BAD = ["../../escape", "a/b", "..", "", "Alice", "a".repeat(31), "/abs", "a\\b", "-a", "a."];
const KINDS = ["class", "student", "lab"] as const;

const lab = (id: string) => ({
  ...defineLab({
    id: "tp99",
    title: { en: "t", fr: "t" },
    platform: "docker",
    images: { web: "nginx:1" },
    ports: ["web"],
    secrets: ["pw"],
    program: async () => ({ default: () => ({}) }),
    checks: [],
    handout: "README.md",
  }),
  id, // defineLab already refuses bad lab ids; the fence must hold for any Lab object too
});

const engine = {
  name: "docker",
  preflight: async () => {},
  up: async () => ({ outputs: {}, changes: [] }),
  down: async () => ({ removed: [] }),
} as unknown as Engine;

/** Every file and folder under `dir`, relative to it. */
const listAll = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).map((p) => relative(dir, join(dir, p)));

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

  it("is what --class goes through", () => {
    expect(() => classIdFor("roster.csv", "../../escape")).toThrow(
      expect.objectContaining({ code: "BAD_ID" }),
    );
    expect(classIdFor("roster.csv", "devops")).toBe("devops");
  });
});

describe("no id can make labctl write or delete outside LABCTL_HOME", () => {
  it.each(KINDS.flatMap((kind) => BAD.map((value) => [kind, value] as const)))(
    "%s id %j: every id->path function refuses it and nothing is created",
    async (kind, value) => {
      // The home sits two levels down, so `../../escape` would land inside `sandbox`.
      const sandbox = mkdtempSync(join(tmpdir(), "labctl-fence-"));
      const root = join(sandbox, "a", "b", "home");
      mkdirSync(root, { recursive: true });
      const home = resolveHome({ LABCTL_HOME: root });
      const config = loadConfig(home, {});
      const ids = { classId: "devops", lab: "tp99", student: "alice", [kindKey(kind)]: value };
      const student = { id: ids.student, name: ids.student };
      const spec = { lab: lab(ids.lab), student, classId: ids.classId } as unknown as EnvironmentSpec;
      const attempts: (() => unknown)[] = [
        () => environmentDir(home, ids.classId, ids.lab, ids.student),
        () => removeEnvironmentDir(home, ids.classId, ids.lab, ids.student),
        () => writeRecord(home, { ...ids, engine: "docker", ports: {} }),
        () => resolveEnvironment(home, config, lab(ids.lab), student, ids.classId),
        () => allocatePorts(home, config, { ...ids, roles: ["web"] }),
        () => up(home, engine, spec),
        () => down(home, engine, spec),
        () => withEnvironmentLock(home, ids, "up", async () => {}),
        () => workDirFor(home, spec),
      ];
      if (kind !== "student") attempts.push(() => classLabDir(home, ids.classId, ids.lab));
      if (kind === "class") {
        attempts.push(() => classDir(home, value));
        attempts.push(() =>
          rememberStudentIds(home, value, { source: "r.csv", format: "csv", students: [] }),
        );
      }
      for (const attempt of attempts)
        await expect(Promise.resolve().then(attempt)).rejects.toMatchObject({ code: "BAD_ID", exitCode: 64 });
      expect(listAll(sandbox)).toEqual(["a", join("a", "b"), join("a", "b", "home")]);
    },
  );
});

function kindKey(kind: (typeof KINDS)[number]): "classId" | "lab" | "student" {
  return kind === "class" ? "classId" : kind;
}
