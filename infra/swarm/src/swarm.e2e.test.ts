import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveHome } from "@labctl/core";
import { dockerClient } from "@labctl/docker";
import { engineHost } from "./engine-host";
import { prepareSwarm } from "./prepare-swarm";
import { releaseSwarm } from "./release-swarm";
import { readSwarmEntry } from "./swarm-record";
import { swarmState } from "./swarm-state";

// The shared engine: this file inits a swarm only when the engine is in none, and leaves only
// the swarm it made itself. When another run's swarm is there, the first case cannot run here.
const docker = dockerClient();
const host = engineHost(docker);
const newHome = () => resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-swarm-e2e-")) });

describe("infra-swarm on the real engine", () => {
  let foundInSwarm = false;
  beforeAll(async () => {
    foundInSwarm = (await swarmState(docker)).state !== "inactive";
    if (foundInSwarm)
      console.warn("The engine is already in a swarm (another run's): the init/leave case is skipped.");
  });

  it("an engine in no swarm: prepare inits it (host mode here), release leaves it: the engine ends as found", async () => {
    if (foundInSwarm) return;
    const home = newHome();
    try {
      expect(await prepareSwarm({ home, docker, publishing: "auto" })).toEqual({ swarm: { mode: "host" } });
      const state = await swarmState(docker);
      expect(state).toMatchObject({ state: "active", manager: true, nodes: 1 });
      expect(readSwarmEntry(home, host)).toMatchObject({ created: true, clusterId: state.clusterId });
      await prepareSwarm({ home, docker, publishing: "auto" }); // idempotent: the same swarm
      expect((await swarmState(docker)).clusterId).toBe(state.clusterId);
      await releaseSwarm({ home, docker });
      expect((await swarmState(docker)).state).toBe("inactive");
      expect(readSwarmEntry(home, host)).toBeUndefined();
    } finally {
      if ((await swarmState(docker)).state !== "inactive" && readSwarmEntry(home, host)?.created)
        await docker.swarmLeave({ force: true }); // ours: never leave a failed test's swarm behind
    }
  });

  it("an engine already in a swarm: prepare uses it and release leaves it untouched", async () => {
    const initedHere = !foundInSwarm && (await swarmState(docker)).state === "inactive";
    if (initedHere) await docker.swarmInit({ AdvertiseAddr: "127.0.0.1", ListenAddr: "0.0.0.0:2377" });
    try {
      const before = await swarmState(docker);
      expect(before.manager).toBe(true);
      const home = newHome();
      await prepareSwarm({ home, docker, publishing: "auto" });
      expect(readSwarmEntry(home, host)).toMatchObject({ created: false, clusterId: before.clusterId });
      await releaseSwarm({ home, docker });
      const after = await swarmState(docker);
      expect(after).toMatchObject({ state: "active", manager: true, clusterId: before.clusterId });
    } finally {
      if (initedHere) await docker.swarmLeave({ force: true });
    }
  });
});
