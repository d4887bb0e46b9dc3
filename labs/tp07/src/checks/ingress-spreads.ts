import { type Check, engineGuard, errorText, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { ingressGet, quote, servedBy, tally } from "./web-answer";

/** Requests sent to see the spreading; with 3 tasks, 20 answers from one task alone is no accident. */
export const SPREAD_REQUESTS = 20;

export const ingressSpreads: Check<Tp07Outputs> = {
  id: "ingress-spreads",
  title: "The ingress answers the student's host name, spreading requests over web's tasks",
  points: 3,
  needs: ["web-converged"],
  hint: "The ingress is a reverse proxy: it picks the site by the Host header and forwards to the web service over the front overlay, where Swarm balances between tasks (a VIP, or DNS round robin with `dnsrr`). Try `curl -H 'Host: <your host>' <ingress url>` a few times: each answer names the task that served it. `docker service logs <ingress service>` shows the proxy's errors.",
  run: (ctx) =>
    engineGuard(async () => {
      const { url, host } = ctx.outputs;
      const served: string[] = [];
      const failures: string[] = [];
      for (let i = 0; i < SPREAD_REQUESTS; i++) {
        try {
          const res = await ingressGet(ctx);
          const task = servedBy(res.body);
          if (res.status === 200 && task) served.push(task);
          else if (i === 0) {
            // The first answer says what is wrong with all of them.
            const what =
              res.status === 200 ? `an answer not from web: ${quote(res.body)}` : `HTTP ${res.status}`;
            return fail(`the ingress at ${url} answers ${what} for Host ${host}`);
          } else failures.push(res.status === 200 ? "no task named" : `HTTP ${res.status}`);
        } catch (err) {
          if (i === 0) return fail(`the ingress does not answer at ${url}: ${errorText(err)}`);
          failures.push(errorText(err));
        }
      }
      if (failures.length > 0) {
        return fail(
          `${failures.length} of ${SPREAD_REQUESTS} requests for ${host} failed (${tally(failures)}); the others came from ${tally(served)}`,
        );
      }
      const tasks = new Set(served);
      if (tasks.size < 2) {
        return fail(
          `all ${SPREAD_REQUESTS} answers for ${host} came from one task (${served[0]}): the requests are not spread over web's tasks`,
        );
      }
      return pass(`${SPREAD_REQUESTS} answers for ${host} came from ${tasks.size} tasks: ${tally(served)}`);
    }),
};
