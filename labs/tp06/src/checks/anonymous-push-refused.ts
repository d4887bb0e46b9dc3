import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { CHECK_REPOSITORY } from "../registry/check-image";
import { describeAnswer, registryRequest } from "../registry/registry-http";
import { registryTarget } from "./registry-target";

export const anonymousPushRefused: Check<Tp06Outputs> = {
  id: "anonymous-push-refused",
  title: "An anonymous push is refused",
  points: 2,
  needs: ["registry-running"],
  hint: 'Log out (`docker logout <registry host>`) and try `docker push`: it must fail with "no basic auth credentials". If it works, anyone who can reach the port can replace your images: turn htpasswd authentication on.',
  run: async ({ http, outputs }) => {
    const anonymous = registryTarget(outputs, "anonymous");
    const path = `/v2/${CHECK_REPOSITORY}/blobs/uploads/`;
    try {
      // The first step of every push: opening an upload session for a blob.
      const res = await registryRequest(http, anonymous, path, { method: "POST" });
      if (res.status === 401) return pass(`an anonymous upload to ${CHECK_REPOSITORY} is refused (HTTP 401)`);
      if (res.status === 202 && res.headers.location) {
        // Close the session we opened rather than leave it behind.
        await registryRequest(http, anonymous, res.headers.location, { method: "DELETE" }).catch(
          () => undefined,
        );
      }
      return fail(
        `an anonymous upload to ${CHECK_REPOSITORY} answers ${describeAnswer(res)}, not 401: anyone can push`,
      );
    } catch (err) {
      return fail(`the registry does not answer on ${outputs.registryUrl}: ${errorText(err)}`);
    }
  },
};
