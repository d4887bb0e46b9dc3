import { type Check, engineGuard, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";
import { isRootUser } from "../root-user";

export const nonRoot: Check<Tp04Outputs> = {
  id: "non-root",
  title: "The image sets a non-root USER and the running process is not root",
  points: 2,
  hint: "Add a user in the runtime stage and switch to it with USER before ENTRYPOINT/CMD. `docker image inspect --format '{{.Config.User}}' <image>` shows the image's user; `docker exec <container> cat /proc/1/status` shows the uid labapp really runs as (a `--user 0` on docker run overrides the image).",
  run: ({ docker, outputs }) =>
    engineGuard(async () => {
      const { image: ref, container: name } = outputs;
      const image = await docker.image(ref);
      if (!image) return fail(`image ${ref} does not exist`);
      if (isRootUser(image.user))
        return fail(`image ${ref} runs as root: ${image.user ? `USER ${image.user}` : "it sets no USER"}`);
      const app = await docker.container(name);
      if (!app) return fail(`container ${name} does not exist`);
      if (!app.state.running) return fail(`container ${name} is ${app.state.status}: no process to look at`);
      const override =
        app.user && app.user !== image.user ? `: the container overrides USER with ${app.user}` : "";
      const status = await docker.exec(name, ["cat", "/proc/1/status"]);
      const uid = status.exitCode === 0 ? /^Uid:\s+(\d+)/m.exec(status.stdout)?.[1] : undefined;
      if (uid === undefined) {
        // No cat (scratch, distroless): Docker starts PID 1 as the container's user, so judge that.
        if (isRootUser(app.user)) return fail(`container ${name} runs as root${override}`);
        return pass(
          `image ${ref} sets USER ${image.user} and ${name} runs as ${app.user} (no cat in the image to read /proc/1/status)`,
        );
      }
      if (uid === "0") return fail(`PID 1 of ${name} runs as root (uid 0)${override}`);
      return pass(`image ${ref} sets USER ${image.user} and PID 1 of ${name} runs as uid ${uid}`);
    }),
};
