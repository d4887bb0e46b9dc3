import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DockerProbe } from "@labctl/sdk";
import { recordFile, writeRecord } from "../environment/environment-record";
import { resolveHome } from "../home/labctl-home";
import { status } from "./status";

describe("status", () => {
  it("lists unreadable environments with the reason instead of dropping them, and does not probe them", async () => {
    const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-status-")) });
    for (const student of ["alice", "bob"])
      writeRecord(home, { classId: "default", lab: "tp03", student, engine: "docker", ports: { ghost: 1 } });
    writeFileSync(recordFile(home, "default", "tp03", "bob"), "{}");
    const asked: string[] = [];
    const docker = {
      containersWithLabels: async (labels: Record<string, string>) => {
        asked.push(labels["dev.labctl.student"] as string);
        return [{ name: "tp03-alice-ghost", state: { status: "running" }, labels }];
      },
    } as unknown as DockerProbe;
    const result = await status(home, docker);
    expect(result).toEqual([
      expect.objectContaining({
        student: "alice",
        engine: "docker",
        containers: [{ name: "tp03-alice-ghost", status: "running", health: undefined }],
      }),
      {
        lab: "tp03",
        student: "bob",
        classId: "default",
        unreadable: expect.stringContaining(recordFile(home, "default", "tp03", "bob")),
      },
    ]);
    expect(asked).toEqual(["alice"]);
  });
});
