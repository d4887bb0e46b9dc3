import { type Check, engineGuard, error, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { DB_PORT } from "../topology";
import { runningTask } from "./running-task";
import { type Connect, connectFrom } from "./tcp-connect";

/** From `front`, these mean no packet reached db; a refusal would mean something answers on that path. */
const CUT_OFF = new Set(["timed out", "silent", "unreachable", "unresolved"]);

/** How a message says an outcome: "tp07-alice-db:3306 does not resolve". */
const WORDS: Record<Connect["outcome"], string> = {
  connected: "connects",
  silent: "connects to nothing that answers",
  "timed out": "timed out",
  refused: "refused",
  unresolved: "does not resolve",
  unreachable: "unreachable",
  other: "fails",
};
const said = (c: Connect) => (c.outcome === "other" ? `fails (${c.detail})` : WORDS[c.outcome]);

export const dbIsolated: Check<Tp07Outputs> = {
  id: "db-isolated",
  title: "db is out of reach from the front overlay, and reachable on back",
  points: 3,
  // Needs db running as declared: the positive control connects to it.
  needs: ["db-secrets"],
  timeoutMs: 90_000,
  hint: `Overlay networks are separate: a container sees only the services on the networks it is attached to. db must be on back only (\`docker service inspect --format '{{json .Spec.TaskTemplate.Networks}}' <db service>\`). To see it yourself: \`docker run --rm --network <front network> <db image> bash -c 'timeout 3 bash -c "</dev/tcp/<db address>/${DB_PORT}"; echo $?'\` (124: timed out), and the same on the back network (0: connected).`,
  run: ({ docker, outputs, labels }) =>
    engineGuard(async () => {
      if (!docker.run)
        return error("this Docker probe cannot run a probe container: run verify with labctl's engine probe");
      const db = outputs.services.db;
      const { front, back } = outputs.networks;
      const service = await docker.service(db);
      if (!service) return fail(`db service ${db} does not exist`);
      const found = await runningTask(docker, db);
      if ("problem" in found) return fail(found.problem);
      const byName = `${db}:${DB_PORT}`;

      // Positive control first: a probe that cannot reach db where it should proves nothing elsewhere.
      const control = await connectFrom(docker.run, service.image, back, [byName], labels);
      if ("broken" in control) return error(control.broken);
      const [reached] = control.connects;
      if (reached?.outcome !== "connected") {
        return fail(
          `the positive control failed: from a container on ${back}, ${byName} ${reached ? said(reached) : "gave no answer"}, so db's isolation cannot be shown`,
        );
      }

      // db's own address on back: from front, a connect to it must go nowhere.
      const address = found.task.addresses[back]?.[0];
      const targets = [byName, ...(address ? [`${address}:${DB_PORT}`] : [])];
      const probe = await connectFrom(docker.run, service.image, front, targets, labels);
      if ("broken" in probe) return error(probe.broken);
      const leaks = probe.connects.filter((c) => !CUT_OFF.has(c.outcome));
      if (leaks.some((c) => c.outcome === "other")) {
        const odd = leaks.find((c) => c.outcome === "other") as Connect;
        return error(`from a container on ${front}, ${odd.target} ${said(odd)}: neither reached nor cut off`);
      }
      if (leaks.length > 0) {
        const what = leaks.map((c) => `${c.target} ${said(c)}`).join(", ");
        return fail(`from a container on ${front}, ${what}: db must not be reachable from ${front}`);
      }
      const how = probe.connects.map((c) => `${c.target} ${said(c)}`).join(", ");
      return pass(`from a container on ${front}, ${how}; from ${back}, ${byName} connects`);
    }),
};
