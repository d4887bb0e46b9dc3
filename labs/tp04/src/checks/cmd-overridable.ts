import { type Check, engineGuard, error, fail, pass } from "@labctl/sdk";
import type { Tp04Outputs } from "../outputs";
import { APP_VERSION } from "../topology";

/** What the one-off container runs instead of the default CMD, and what it must print. */
const OVERRIDE = ["version"];
const EXPECTED = `labapp ${APP_VERSION}`;
const RUN_TIMEOUT_MS = 10_000;

const lastLine = (text: string) => text.trim().split("\n").at(-1) ?? "";

export const cmdOverridable: Check<Tp04Outputs> = {
  id: "cmd-overridable",
  title: "ENTRYPOINT stays while `docker run <image> version` replaces the default CMD",
  points: 2,
  hint: 'ENTRYPOINT ["labapp"] names the program, in exec form; CMD ["serve", "--port", "8080"] only gives its default arguments, which anything after the image name in `docker run` replaces. Try `docker run --rm <image> version`.',
  // One run is enough: the answer will not change, and each attempt starts a container.
  once: true,
  timeoutMs: 30_000,
  run: ({ docker, outputs, labels }) =>
    engineGuard(async () => {
      const ref = outputs.image;
      const image = await docker.image(ref);
      if (!image) return fail(`image ${ref} does not exist`);
      if (image.entrypoint.length === 0)
        return fail(
          `image ${ref} has no ENTRYPOINT: \`docker run ${ref} version\` would look for a program named version`,
        );
      if (!docker.run) return error("this Docker probe cannot run a one-off container");
      const entrypoint = JSON.stringify(image.entrypoint);
      const command = `docker run ${ref} ${OVERRIDE.join(" ")}`;
      const result = await docker.run(ref, { cmd: OVERRIDE, labels, timeoutMs: RUN_TIMEOUT_MS });
      if (result.timedOut) {
        const shell = image.entrypoint[0] === "/bin/sh" ? " (shell form)" : "";
        return fail(
          `${command} was still running after ${RUN_TIMEOUT_MS / 1000} s: ENTRYPOINT ${entrypoint}${shell} ignores the new CMD`,
        );
      }
      if (result.exitCode !== 0)
        return fail(`${command} exited with code ${result.exitCode}: ${lastLine(result.logs)}`);
      if (!result.logs.includes(EXPECTED))
        return fail(`${command} printed "${lastLine(result.logs)}", not "${EXPECTED}"`);
      return pass(
        `ENTRYPOINT ${entrypoint} stays and ${command} prints "${EXPECTED}" instead of the default CMD ${JSON.stringify(image.cmd)}`,
      );
    }),
};
