// The id fence across packages: every function that builds a path from an id (core, class, the
// Pulumi engine) refuses a bad one, so nothing labctl writes or deletes leaves LABCTL_HOME.
import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { classDir, classIdFor, classLabDir, rememberStudentIds } from "@labctl/class";
import {
  allocatePorts,
  down,
  type Engine,
  type EnvironmentSpec,
  environmentDir,
  loadConfig,
  removeEnvironmentDir,
  resolveEnvironment,
  resolveHome,
  up,
  withEnvironmentLock,
  writeRecord,
} from "@labctl/core";
import { workDirFor } from "@labctl/engine-pulumi";
import { defineLab } from "@labctl/sdk";

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

describe("--class", () => {
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
