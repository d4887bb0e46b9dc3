import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";

export const swarmManager: Check<Tp07Outputs> = {
  id: "swarm-manager",
  title: "The engine is in an active swarm, and this node is a manager",
  points: 1,
  hint: "Services, overlay networks, secrets and configs need Swarm mode, and only a manager can create them. `docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'` should print `active true`; `docker swarm init --advertise-addr <this machine's address>` makes a one-node swarm, `docker node ls` lists its nodes.",
  run: ({ docker }) =>
    engineGuard(async () => {
      const swarm = await docker.swarm();
      if (swarm.localNodeState !== "active") {
        const why = swarm.error ? `: ${swarm.error}` : "";
        return fail(`the engine is not in an active swarm (state ${swarm.localNodeState}${why})`);
      }
      if (!swarm.controlAvailable) {
        return fail(
          `the engine is in a swarm, but node ${swarm.nodeId} is a worker: services can only be created and inspected on a manager`,
        );
      }
      const nodes = `${swarm.nodes} node${swarm.nodes === 1 ? "" : "s"}, ${swarm.managers} manager${swarm.managers === 1 ? "" : "s"}`;
      return pass(`the engine is a manager of an active swarm (node ${swarm.nodeId}; ${nodes})`);
    }),
};
