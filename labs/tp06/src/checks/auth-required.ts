import { type Check, errorText, fail, pass } from "@labctl/sdk";
import type { Tp06Outputs } from "../outputs";
import { describeAnswer, registryRequest } from "../registry/registry-http";
import { registryTarget } from "./registry-target";

export const authRequired: Check<Tp06Outputs> = {
  id: "auth-required",
  title: "The registry refuses anonymous requests (401 with a Basic challenge)",
  points: 3,
  needs: ["registry-running"],
  hint: "Without credentials, `curl -i <registry URL>/v2/` must answer 401 with `WWW-Authenticate: Basic`. If it answers 200, authentication is off: set REGISTRY_AUTH=htpasswd, REGISTRY_AUTH_HTPASSWD_REALM and REGISTRY_AUTH_HTPASSWD_PATH.",
  run: async ({ http, outputs }) => {
    const url = `${outputs.registryUrl}/v2/`;
    try {
      const res = await registryRequest(http, registryTarget(outputs, "anonymous"), "/v2/");
      const challenge = res.headers["www-authenticate"] ?? "";
      if (res.status === 200) {
        return fail(`the registry answers 200 to anonymous requests on ${url}: authentication is off`);
      }
      if (res.status !== 401) return fail(`the registry answers ${describeAnswer(res)} on ${url}, not 401`);
      if (!/^basic /i.test(challenge)) {
        return fail(
          `the registry answers 401 on ${url} but asks for "${challenge || "nothing"}", not Basic auth`,
        );
      }
      return pass(`the registry answers 401 to anonymous requests on ${url} (${challenge})`);
    } catch (err) {
      return fail(`the registry does not answer on ${url}: ${errorText(err)}`);
    }
  },
};
