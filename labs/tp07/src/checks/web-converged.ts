import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { convergence } from "./convergence";

export const webConverged: Check<Tp07Outputs> = {
  id: "web-converged",
  title: "web runs its 3 tasks, all at the service's current spec",
  points: 2,
  needs: ["swarm-manager"],
  hint: "A service is a desired state; Swarm converges to it. `docker service ps <web service> --no-trunc` lists every task with its state and error, `docker service inspect --pretty <web service>` the replicas and the update in progress; `docker service scale <web service>=3` asks for three again.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const web = outputs.services.web;
      const state = await convergence(docker, web, outputs.replicas);
      if (!state.ok) return fail(state.problem);
      const slots = state.tasks.map((t) => t.slot).join(", ");
      return pass(
        `${web} runs ${state.tasks.length} tasks (slots ${slots}), all at its current spec (version ${state.service.version})`,
      );
    }),
};
