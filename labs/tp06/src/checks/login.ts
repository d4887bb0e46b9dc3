import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { describeAnswer, registryRequest } from "../registry/registry-http";
import { registryTarget } from "./registry-target";

export const login: Check<Tp06Outputs> = {
  id: "login",
  title: "The generated user logs in to the registry",
  points: 2,
  needs: ["registry-running"],
  hint: "`docker login <registry host>` with the user and password from `labctl status tp06 --show-secrets` must succeed. The htpasswd file (REGISTRY_AUTH_HTPASSWD_PATH) must hold that user with a bcrypt hash of that password (`htpasswd -B`).",
  run: async ({ http, outputs }) => {
    const { registryUrl, registryUser: user } = outputs;
    try {
      const res = await registryRequest(http, registryTarget(outputs, "student"), "/v2/");
      if (res.status === 401) {
        return fail(
          `the registry refuses user ${user}'s password on ${registryUrl} (${describeAnswer(res)}): the htpasswd file does not hold these credentials`,
        );
      }
      if (res.status !== 200) return fail(`GET ${registryUrl}/v2/ as ${user} answers ${describeAnswer(res)}`);
      return pass(`user ${user} logs in to ${registryUrl} (GET /v2/ answers 200)`);
    } catch (err) {
      return fail(`the registry does not answer on ${registryUrl}: ${errorText(err)}`);
    }
  },
};
