import { type Check, engineGuard, error, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { checkImage } from "../registry/check-image";

export const engineRoundTrip: Check<Tp06Outputs> = {
  id: "engine-round-trip",
  title: "The Docker engine pulls and pushes through the registry with the generated credentials",
  points: 3,
  needs: ["http-round-trip"],
  hint: "Try it yourself: `docker login <registry host>`, `docker tag <any image> <registry host>/demo:1`, `docker push <registry host>/demo:1`, then `docker rmi` it and `docker pull` it back. Docker talks plain HTTP only to registries on 127.0.0.0/8 (or listed in insecure-registries).",
  run: ({ docker, outputs, studentId }) =>
    engineGuard(async () => {
      const { pullImage, pushImage, removeImage } = docker;
      if (!pullImage || !pushImage || !removeImage) {
        return error("this Docker connection cannot pull or push images");
      }
      await docker.version(); // An engine that does not answer is an error, not a failed pull.
      const image = checkImage(studentId);
      const ref = `${outputs.registryHost}/${image.repository}:${image.tag}`;
      const auth = {
        username: outputs.registryUser,
        password: outputs.registryPassword,
        serveraddress: outputs.registryHost,
      };
      try {
        try {
          await pullImage(ref, auth);
        } catch (err) {
          return fail(`docker pull ${ref} failed: ${errorText(err)}`);
        }
        const pulled = await docker.image(ref);
        if (pulled?.id !== image.config.digest) {
          return fail(
            `docker pull ${ref} gave image ${pulled?.id ?? "(none)"}, not the pushed ${image.config.digest}`,
          );
        }
        try {
          await pushImage(ref, auth);
        } catch (err) {
          return fail(`docker push ${ref} failed: ${errorText(err)}`);
        }
        return pass(`docker pull and docker push of ${ref} work as ${auth.username} (image ${pulled.id})`);
      } finally {
        // The pulled copy is the check's, not the student's: leave the engine as it was.
        await removeImage(ref).catch(() => undefined);
      }
    }),
};
