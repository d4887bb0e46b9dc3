import type Dockerode from "dockerode";
import { teardown } from "./teardown";

const labels = { "dev.labctl.lab": "tp07" };

/**
 * A swarm node holding one labelled service and one overlay network; once removed, the network
 * is still listed for `lingering` more listings, as a node's copy of an overlay is.
 */
function swarmNode(lingering: number) {
  const calls: string[] = [];
  let networkRemoved = false;
  let listingsAfter = 0;
  const network = { Id: "net1", Name: "front", Labels: labels };
  const docker = {
    listServices: async () => [{ ID: "svc1", Spec: { Name: "web", Labels: labels } }],
    listContainers: async () => [],
    listSecrets: async () => [],
    listConfigs: async () => [],
    listVolumes: async () => ({ Volumes: [] }),
    listNetworks: async () => {
      if (!networkRemoved) return [network];
      listingsAfter++;
      return listingsAfter <= lingering ? [network] : [];
    },
    getService: () => ({ remove: async () => calls.push("remove service") }),
    getNetwork: () => ({
      remove: async () => {
        calls.push("remove network");
        networkRemoved = true;
      },
    }),
  } as unknown as Dockerode;
  return { docker, calls, listings: () => listingsAfter };
}

describe("teardown", () => {
  it("removes services before networks and returns once a removed network is no longer listed", async () => {
    const node = swarmNode(2);
    const removed = await teardown(node.docker, labels);
    expect(node.calls).toEqual(["remove service", "remove network"]);
    expect(removed.map((c) => c.name)).toEqual(["web", "front"]);
    expect(node.listings()).toBe(3);
  });
});
