import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LABEL } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { recordFile, writeRecord } from "../environment/environment-record";
import { resolveHome } from "../home/labctl-home";
import { withEnvironmentLock } from "../state/environment-lock";
import { gc } from "./gc";

/** Containers in memory, listed by label filter like the Docker API, removed by id. */
function fakeDocker(containers: { id: string; labels: Record<string, string> }[]) {
  const removed: string[] = [];
  const matches = (labels: Record<string, string>, filters?: { label?: string[] }) =>
    (filters?.label ?? []).every((f) => {
      const [key, value] = f.split("=") as [string, string];
      return labels[key] === value;
    });
  const docker = {
    listContainers: async ({ filters }: { filters?: { label?: string[] } }) =>
      containers
        .filter((c) => !removed.includes(c.id) && matches(c.labels, filters))
        .map((c) => ({ Id: c.id, Names: [`/${c.id}`], Labels: c.labels })),
    listNetworks: async () => [],
    listVolumes: async () => ({ Volumes: [] }),
    listServices: async () => [],
    listSecrets: async () => [],
    listConfigs: async () => [],
    getContainer: (id: string) => ({ remove: async () => void removed.push(id) }),
  } as unknown as Dockerode;
  return { docker, removed };
}

const labels = (classId: string, lab: string, student: string) => ({
  [LABEL.class]: classId,
  [LABEL.lab]: lab,
  [LABEL.student]: student,
});

function setup() {
  const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-gc-")) });
  writeRecord(home, { classId: "default", lab: "tp03", student: "alice", engine: "docker", ports: {} });
  writeRecord(home, { classId: "default", lab: "tp03", student: "carol", engine: "docker", ports: {} });
  writeFileSync(recordFile(home, "default", "tp03", "carol"), "{ not json"); // carol's record is corrupt
  const fake = fakeDocker([
    { id: "tp03-alice-web", labels: labels("default", "tp03", "alice") },
    { id: "tp03-bob-web", labels: labels("default", "tp03", "bob") }, // no record: a stray
    { id: "tp03-carol-web", labels: labels("default", "tp03", "carol") },
    { id: "old-escape-web", labels: labels("../../escape", "tp03", "eve") }, // no home can hold it
  ]);
  return { home, ...fake };
}

describe("gc", () => {
  it("removes strays, keeps recorded environments, and never one whose record it cannot read", async () => {
    const { home, docker, removed } = setup();
    const result = await gc(home, docker);
    expect(removed.sort()).toEqual(["old-escape-web", "tp03-bob-web"]);
    const carol = result.groups.find((g) => g.student === "carol");
    expect(carol).toMatchObject({ stray: false, unreadable: expect.stringContaining("is not valid JSON") });
    expect(carol?.unreadable).toContain(recordFile(home, "default", "tp03", "carol"));
    expect(result.groups.find((g) => g.student === "alice")).toMatchObject({ stray: false });
    expect(result.groups.find((g) => g.student === "alice")?.unreadable).toBeUndefined();
  });

  it("keeps the unreadable one even with `all`", async () => {
    const { home, docker, removed } = setup();
    await gc(home, docker, { all: true });
    expect(removed.sort()).toEqual(["old-escape-web", "tp03-alice-web", "tp03-bob-web"]);
  });

  it("a record that is a folder (unreadable) counts as unreadable too", async () => {
    const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-gc-")) });
    mkdirSync(recordFile(home, "default", "tp03", "dan"), { recursive: true });
    const { docker, removed } = fakeDocker([
      { id: "tp03-dan-web", labels: labels("default", "tp03", "dan") },
    ]);
    const result = await gc(home, docker, { all: true });
    expect(removed).toEqual([]);
    expect(result.groups[0]?.unreadable).toMatch(/cannot be read \(EISDIR\)/);
  });

  it("does not take a first `up` still running (locked, no record yet) for a stray", async () => {
    const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-gc-")) });
    const { docker, removed } = fakeDocker([
      { id: "tp03-fay-web", labels: labels("default", "tp03", "fay") },
    ]);
    const fay = { classId: "default", lab: "tp03", student: "fay" };
    const result = await withEnvironmentLock(home, fay, "up", () => gc(home, docker));
    expect(result.groups[0]).toMatchObject({ stray: false });
    expect(removed).toEqual([]);
    expect((await gc(home, docker)).groups[0]).toMatchObject({ stray: true });
    expect(removed).toEqual(["tp03-fay-web"]);
  });

  it("dry run removes nothing", async () => {
    const { home, docker, removed } = setup();
    const result = await gc(home, docker, { dryRun: true, all: true });
    expect(removed).toEqual([]);
    expect(result.groups).toHaveLength(4);
  });
});
