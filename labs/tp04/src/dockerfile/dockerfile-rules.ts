import { isRootUser } from "../root-user";
import {
  argsOf,
  dockerfileAst,
  lastOf,
  lineOf,
  type ParsedDockerfile,
  parseDockerfile,
  type Stage,
} from "./dockerfile-stages";

/** One rule's verdict: no problem means the rule holds. */
export interface RuleOutcome {
  id: string;
  label: string;
  problem?: string;
}

interface Rule {
  id: string;
  label: string;
  /** A problem sentence, or undefined when the rule holds. */
  check(dockerfile: ParsedDockerfile, final: Stage, dockerignore: string | undefined): string | undefined;
}

const REMOTE = /^((https?|git|ssh):\/\/|git@)/i;

const RULES: Rule[] = [
  {
    id: "multi-stage",
    label: "multi-stage build",
    check({ stages }, final) {
      if (stages.length < 2) return `single stage (FROM ${final.base}): the build tools ship in the image`;
      const earlier = new Set(stages.slice(0, -1).map((s) => s.name));
      if (earlier.has(final.base.toLowerCase()))
        return `the final stage starts FROM stage ${final.base} (line ${final.line}) and inherits its build tools`;
      const { Copy } = dockerfileAst();
      const copies = final.instructions.filter((i) => i instanceof Copy && i.getFromFlag());
      if (copies.length === 0) return `the final stage (line ${final.line}) copies nothing with COPY --from`;
      return undefined;
    },
  },
  {
    id: "user",
    label: "USER before ENTRYPOINT/CMD",
    check(_, final) {
      const user = lastOf(final, "USER");
      if (!user) return "no USER in the final stage: the app runs as root";
      const value = argsOf(user).join(" ");
      if (isRootUser(value)) return `USER ${value} (line ${lineOf(user)}) is root`;
      const start = [lastOf(final, "ENTRYPOINT"), lastOf(final, "CMD")].find(
        (i) => i && lineOf(i) < lineOf(user),
      );
      if (start)
        return `USER (line ${lineOf(user)}) comes after ${start.getKeyword()} (line ${lineOf(start)})`;
      return undefined;
    },
  },
  {
    id: "healthcheck",
    label: "HEALTHCHECK",
    check(_, final) {
      const healthcheck = lastOf(final, "HEALTHCHECK");
      if (!healthcheck) return "no HEALTHCHECK in the final stage";
      if (argsOf(healthcheck)[0]?.toUpperCase() === "NONE")
        return `HEALTHCHECK NONE (line ${lineOf(healthcheck)}) turns the health check off`;
      return undefined;
    },
  },
  {
    id: "exec-entrypoint",
    label: "exec-form ENTRYPOINT",
    check(_, final) {
      const entrypoint = lastOf(final, "ENTRYPOINT");
      if (!entrypoint) return "no ENTRYPOINT in the final stage";
      const { Entrypoint } = dockerfileAst();
      if (!(entrypoint instanceof Entrypoint) || !entrypoint.getOpeningBracket())
        return `ENTRYPOINT (line ${lineOf(entrypoint)}) is in shell form: /bin/sh becomes PID 1 and CMD is ignored`;
      return undefined;
    },
  },
  {
    id: "no-remote-add",
    label: "no ADD of remote URLs",
    check({ instructions }) {
      const remote = instructions.filter(
        (i) =>
          i.getKeyword() === "ADD" &&
          argsOf(i)
            .slice(0, -1)
            .some((src) => REMOTE.test(src)),
      );
      if (remote.length === 0) return undefined;
      const where = remote.map((i) => `line ${lineOf(i)}`).join(", ");
      return `ADD downloads a remote URL (${where}): unverified, and fetched again on every cache miss`;
    },
  },
  {
    id: "pinned-from",
    label: "pinned base image tags",
    check({ stages }) {
      const names = new Set<string>();
      const problems: string[] = [];
      for (const stage of stages) {
        const problem = names.has(stage.base.toLowerCase()) ? undefined : unpinned(stage);
        if (problem) problems.push(problem);
        if (stage.name) names.add(stage.name);
      }
      return problems.length > 0 ? problems.join(", ") : undefined;
    },
  },
  {
    id: "dockerignore",
    label: ".dockerignore",
    check(_, __, dockerignore) {
      if (dockerignore === undefined) return "no .dockerignore: the whole folder is sent to the daemon";
      const patterns = dockerignore.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
      return patterns.length === 0 ? ".dockerignore has no pattern" : undefined;
    },
  },
];

/** Why a FROM is not pinned to a tag other than latest (or a digest), if it is not. */
function unpinned({ base, line }: Stage): string | undefined {
  if (base.toLowerCase() === "scratch" || base.includes("@")) return undefined;
  if (base.includes("$")) return `FROM ${base} (line ${line}) uses an ARG without a default`;
  const name = base.slice(base.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : undefined;
  if (!tag) return `FROM ${base} (line ${line}) has no tag, which means latest`;
  if (tag === "latest") return `FROM ${base} (line ${line}) uses the latest tag`;
  return undefined;
}

/** Checks a Dockerfile (and its .dockerignore, undefined when missing) against every rule. */
export function checkDockerfile(text: string, dockerignore: string | undefined): RuleOutcome[] {
  const dockerfile = parseDockerfile(text);
  const final = dockerfile.stages.at(-1);
  return RULES.map(({ id, label, check }) => ({
    id,
    label,
    problem: final ? check(dockerfile, final, dockerignore) : "no FROM instruction",
  }));
}
