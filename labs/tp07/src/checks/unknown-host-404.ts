import { type Check, engineGuard, errorText, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { studentHost } from "../topology";
import { ingressGet, quote, servedBy } from "./web-answer";

/** A host name of the lab's kind that no student has: the proxy must not send it to anyone's web. */
export const UNKNOWN_HOST = studentHost("labctl-nobody");

export const unknownHost404: Check<Tp07Outputs> = {
  id: "unknown-host-404",
  title: "The ingress answers 404 for a host name it does not serve",
  points: 2,
  needs: ["swarm-manager"],
  hint: `A proxy that routes by host name needs a default: any Host it does not know gets the proxy's own 404, never someone's site. \`curl -i -H 'Host: ${UNKNOWN_HOST}' <ingress url>\` should answer 404; look at the proxy's server blocks (its default server and the server_name of yours).`,
  run: (ctx) =>
    engineGuard(async () => {
      const { url } = ctx.outputs;
      let res: Awaited<ReturnType<typeof ingressGet>>;
      try {
        res = await ingressGet(ctx, { host: UNKNOWN_HOST });
      } catch (err) {
        return fail(`the ingress does not answer at ${url}: ${errorText(err)}`);
      }
      const task = servedBy(res.body);
      if (task) {
        return fail(
          `the ingress sends Host ${UNKNOWN_HOST} to web (HTTP ${res.status}, served by ${task}): only ${ctx.outputs.host} should reach it`,
        );
      }
      if (res.status !== 404) {
        return fail(
          `the ingress answers HTTP ${res.status} for Host ${UNKNOWN_HOST}, not 404: ${quote(res.body)}`,
        );
      }
      return pass(`the ingress answers 404 for Host ${UNKNOWN_HOST}, without reaching web`);
    }),
};
