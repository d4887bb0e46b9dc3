import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp01Outputs } from "../outputs";
import { HELLO_GREETING } from "../topology";

export const helloCompleted: Check<Tp01Outputs> = {
  id: "hello-completed",
  title: "The hello-world container ran to completion and greeted you",
  points: 2,
  needs: ["engine-reachable"],
  hint: "A finished container stays listed in `docker ps -a` (status Exited). `docker logs <hello container>` replays what it printed; `docker start -a <hello container>` runs it again.",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const name = outputs.helloContainer;
      const hello = await docker.container(name);
      if (!hello) return fail(`hello container ${name} does not exist`);
      const { status, running, exitCode } = hello.state;
      if (running || status === "created")
        return fail(`hello container ${name} has not finished (${status})`);
      if (exitCode !== 0) return fail(`hello container ${name} exited with code ${exitCode}`);
      const logs = (await docker.logs(name)) ?? "";
      if (!logs.includes(HELLO_GREETING)) {
        const last = logs.trim().split("\n").at(-1)?.trim();
        const said = last ? `; its last line is "${last}"` : ": its logs are empty";
        return fail(`hello container ${name} exited 0 without printing "${HELLO_GREETING}"${said}`);
      }
      return pass(`hello container ${name} exited 0 and printed "${HELLO_GREETING}"`);
    }),
};
