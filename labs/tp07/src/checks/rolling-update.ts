import { type Check, type CheckContext, engineGuard, error, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { SERVED_BY } from "../topology";
import { convergence } from "./convergence";
import { type Answer, failureTally, oneAtATime, pollUntil, seconds, startTraffic } from "./traffic";
import { quote } from "./web-answer";

/** How long each rolling update (there and back) may take: 3 tasks, one at a time, 2 s apart (a test shrinks it). */
export const ROLL = { timeoutMs: 90_000 };
/** Answers sent after the update converged that must all show the new marker. */
const MARKED_ANSWERS = 3;

/** web's server block with `marker` put before "served by": the answers still name their task. */
export function markedConfig(data: string, marker: string): string | undefined {
  return data.includes(SERVED_BY) ? data.replace(SERVED_BY, `${marker} ${SERVED_BY}`) : undefined;
}

/** Waits until web runs on config `name` everywhere and the answers since show `marker`. */
function rolledTo(ctx: CheckContext<Tp07Outputs>, name: string, marker: string, answers: Answer[]) {
  const { docker, outputs } = ctx;
  let convergedAt: number | undefined;
  return pollUntil(
    async () => {
      const state = await convergence(docker, outputs.services.web, outputs.replicas);
      if (!state.ok || !state.service.configs.some((c) => c.name === name)) {
        convergedAt = undefined;
        return {
          done: false,
          problem: state.ok ? `${outputs.services.web} does not mount ${name}` : state.problem,
        };
      }
      convergedAt ??= Date.now();
      const since = answers.filter((a) => a.ok && a.at >= (convergedAt as number)).slice(-MARKED_ANSWERS);
      const unmarked = since.find((a) => !a.body.includes(marker));
      if (unmarked)
        return {
          done: false,
          problem: `web converged, but an answer since lacks ${marker}: ${quote(unmarked.body)}`,
        };
      return {
        done: since.length >= MARKED_ANSWERS,
        problem: "web converged, but no answer came through the ingress since",
      };
    },
    ROLL.timeoutMs,
    ctx.signal,
  );
}

export const rollingUpdate: Check<Tp07Outputs> = {
  id: "rolling-update",
  title: "A rolling update of web's config keeps the ingress answering throughout",
  points: 4,
  needs: ["ingress-spreads"],
  deep: true,
  once: true,
  timeoutMs: 300_000,
  hint: "This deep check changes the environment, then puts it back: it creates a config with a marker in web's answer, updates web to use it while sending requests through the ingress, then updates web back to its own config and removes the new one. With `--update-order start-first` and `--update-parallelism 1` a new task runs before an old one stops, so no request should fail; `docker service inspect --pretty <web service>` shows the update policy, `docker service ps <web service>` the tasks replaced.",
  run: (ctx) =>
    engineGuard(() =>
      oneAtATime(ctx.signal, async () => {
        const { docker, outputs } = ctx;
        if (!docker.withServiceConfig)
          return error(
            "this Docker probe cannot update a service: run verify --deep with labctl's engine probe",
          );
        const config = await docker.config(outputs.webConfig);
        if (!config) return fail(`web's config ${outputs.webConfig} does not exist`);
        const marker = `rolled-${Date.now().toString(36)}`;
        const data = markedConfig(config.data, marker);
        if (!data)
          return fail(`web's config ${outputs.webConfig} has no "${SERVED_BY.trim()}" answer to mark`);
        const name = `${outputs.webConfig}-${marker}`;
        const change = { replace: outputs.webConfig, with: { name, data, labels: ctx.labels } };
        const started = Date.now();
        const traffic = startTraffic(ctx);
        let rolled: Awaited<ReturnType<typeof rolledTo>> | undefined;
        let answers: Answer[];
        try {
          rolled = await docker.withServiceConfig(outputs.services.web, change, async () => {
            const state = await rolledTo(ctx, name, marker, traffic.answers);
            // The update is over (or timed out): the way back is not what is graded.
            await traffic.stop();
            return state;
          });
        } finally {
          answers = await traffic.stop();
        }
        const back = await pollUntil(
          async () => {
            const state = await convergence(docker, outputs.services.web, outputs.replicas);
            const home = state.ok && state.service.configs.some((c) => c.name === outputs.webConfig);
            return {
              done: home,
              problem: state.ok ? `it does not mount ${outputs.webConfig}` : state.problem,
            };
          },
          ROLL.timeoutMs,
          ctx.signal,
        );
        const took = seconds(Date.now() - started);
        const failed = answers.filter((a) => !a.ok);
        if (failed.length > 0) {
          const first = seconds((failed[0] as Answer).at - started);
          return fail(
            `${failed.length} of ${answers.length} requests through the ingress failed during the rolling update (${failureTally(failed)}; the first ${first} in)`,
          );
        }
        if (!rolled?.done) {
          return fail(
            `the rolling update to ${name} did not finish within ${seconds(ROLL.timeoutMs)}: ${rolled?.problem}`,
          );
        }
        if (!back.done) {
          return fail(
            `the update went through, but web did not converge back to ${outputs.webConfig} within ${seconds(ROLL.timeoutMs)}: ${back.problem}`,
          );
        }
        return pass(
          `web rolled to a config marked ${marker} while ${answers.length} requests went through the ingress, none failed; the answers then showed the marker; web is back on ${outputs.webConfig} (${took} in all)`,
        );
      }),
    ),
};
