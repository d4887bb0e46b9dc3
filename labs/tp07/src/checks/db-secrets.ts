import { type Check, engineGuard, error, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { SECRETS_DIR } from "../topology";
import { runningTask } from "./running-task";

/** Where in a JSON document a string holding one of `needles` sits, as paths (never the values). */
export function pathsHolding(json: unknown, needles: string[], path = ""): string[] {
  if (typeof json === "string") return needles.some((n) => json.includes(n)) ? [path || "(root)"] : [];
  if (Array.isArray(json)) return json.flatMap((item, i) => pathsHolding(item, needles, `${path}[${i}]`));
  if (json && typeof json === "object") {
    return Object.entries(json).flatMap(([key, value]) =>
      pathsHolding(value, needles, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

export const dbSecrets: Check<Tp07Outputs> = {
  id: "db-secrets",
  title:
    "db's passwords are Docker secrets: files under /run/secrets, in no environment and not in the service's spec",
  points: 3,
  needs: ["swarm-manager"],
  hint: `A secret reaches only the containers of the services given it, as a file under ${SECRETS_DIR} (an in-memory file system); MariaDB reads it through MARIADB_ROOT_PASSWORD_FILE / MARIADB_PASSWORD_FILE. A password in an environment variable shows in \`docker service inspect\` and \`docker inspect\` to anyone who can use Docker. Compare \`docker service inspect <db service>\` with \`docker exec <db task container> ls ${SECRETS_DIR}\`.`,
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.services.db;
      const service = await docker.service(name);
      if (!service) return fail(`db service ${name} does not exist`);
      const passwords = [outputs.dbRootPassword, outputs.dbPassword].filter((p) => p.length > 0);
      const problems: string[] = [];
      const given = new Set(service.secrets.map((s) => s.name));
      const notGiven = outputs.dbSecrets.filter((s) => !given.has(s));
      if (notGiven.length > 0) problems.push(`${name} is not given secret ${notGiven.join(", ")}`);
      // PreviousSpec is the history `docker service rollback` returns to: graded is what runs now,
      // and a password left there by an earlier mistake is named in the verdict (docs/decisions.md).
      const { PreviousSpec: previous, ...current } = JSON.parse(service.inspect) as Record<string, unknown>;
      const leaks = pathsHolding(current, passwords);
      if (leaks.length > 0) {
        problems.push(`\`docker service inspect ${name}\` shows a password in clear, at ${leaks.join(", ")}`);
      }
      const history = pathsHolding({ PreviousSpec: previous }, passwords);
      const found = await runningTask(docker, name);
      if ("problem" in found) return fail([...problems, found.problem].join("; "));
      const self = (await docker.swarm()).nodeId;
      if (found.task.nodeId !== self) {
        // Its container is another engine's: neither inspected nor exec'd from here.
        return error(
          `db's task runs on node ${found.task.nodeId}, not on this one (${self}): run verify on that node's engine`,
        );
      }
      const container = await docker.container(found.task.containerId);
      if (!container)
        return fail([...problems, `db's task container ${found.task.containerId} is gone`].join("; "));
      const inEnv = Object.entries(container.env)
        .filter(([, value]) => passwords.some((p) => value.includes(p)))
        .map(([key]) => key);
      if (inEnv.length > 0) {
        problems.push(`the environment of ${container.name} holds a password in clear: ${inEnv.join(", ")}`);
      }
      const ls = await docker.exec(container.id, ["ls", "-1", SECRETS_DIR]);
      const files = new Set(ls.exitCode === 0 ? ls.stdout.split("\n").map((f) => f.trim()) : []);
      const missing = outputs.dbSecrets.filter((s) => !files.has(s));
      if (missing.length > 0) {
        const holds =
          files.size > 0 ? `it holds ${[...files].filter(Boolean).join(", ")}` : "it is empty or absent";
        problems.push(`${SECRETS_DIR} in ${container.name} lacks ${missing.join(", ")} (${holds})`);
      }
      if (problems.length > 0) return fail(problems.join("; "));
      const left =
        history.length > 0
          ? `, but its PreviousSpec, kept for \`docker service rollback\`, still shows one (at ${history.join(", ")}): the next \`docker service update\` replaces it, and a password once in clear is best changed`
          : "";
      return pass(
        `${container.name} has ${outputs.dbSecrets.join(" and ")} under ${SECRETS_DIR}; neither password is in its environment or in the spec \`docker service inspect ${name}\` shows${left}`,
      );
    }),
};
