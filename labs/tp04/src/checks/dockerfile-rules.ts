import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Check, fail, pass } from "@labctl/sdk";
import { checkDockerfile } from "../dockerfile/dockerfile-rules";
import type { Tp04Outputs } from "../outputs";

export const dockerfileRules: Check<Tp04Outputs> = {
  id: "dockerfile-rules",
  title: "The Dockerfile follows the lab's rules",
  points: 3,
  hint: 'Each broken rule is named in the message: [multi-stage] build in one stage, COPY --from it; [user] a non-root USER before ENTRYPOINT/CMD; [healthcheck] a HEALTHCHECK; [exec-entrypoint] ENTRYPOINT ["..."]; [no-remote-add] no ADD https://...; [pinned-from] every FROM with a tag other than latest; [dockerignore] a .dockerignore next to the Dockerfile.',
  once: true,
  run: async ({ outputs }) => {
    const { dockerfile, appDir } = outputs;
    let text: string;
    try {
      text = await readFile(dockerfile, "utf8");
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      return fail(`cannot read the Dockerfile ${dockerfile}${typeof code === "string" ? ` (${code})` : ""}`);
    }
    const dockerignore = await readFile(join(appDir, ".dockerignore"), "utf8").catch(() => undefined);
    const outcomes = checkDockerfile(text, dockerignore);
    const broken = outcomes.filter((o) => o.problem);
    if (broken.length === 0)
      return pass(`all ${outcomes.length} rules hold: ${outcomes.map((o) => o.label).join(", ")}`);
    const problems = broken.map((o) => `[${o.id}] ${o.problem}`).join("; ");
    return fail(`${broken.length} of ${outcomes.length} rules broken in ${dockerfile}: ${problems}`);
  },
};
