import { setTimeout as sleep } from "node:timers/promises";
import { type Check, engineGuard, error, fail, pass } from "@labctl/sdk";
import type { Tp07Outputs } from "../outputs";
import { convergence } from "./convergence";
import {
  type Answer,
  failureTally,
  oneAtATime,
  pollUntil,
  requests,
  seconds,
  startTraffic,
  TRAFFIC,
} from "./traffic";

/**
 * Failures tolerated, and only this soon after the kill. The one request in flight when the
 * container dies may fail; then, until Swarm has taken the dead task out of the service's VIP or
 * DNS answer (about a second after it exits) and the proxy's own DNS cache has expired (5 s in
 * this lab), a request may still be sent to the dead address: the proxy's retry on the next
 * address normally hides it. Any failure later than this is the failover's fault.
 */
export const FAILOVER = {
  graceMs: 6_000,
  /** How long Swarm may take to replace the killed task and run 3 again. */
  timeoutMs: 60_000,
};

export const failover: Check<Tp07Outputs> = {
  id: "failover",
  title: "A web task killed: Swarm replaces it, and the ingress keeps answering",
  points: 4,
  needs: ["ingress-spreads"],
  deep: true,
  once: true,
  timeoutMs: 300_000,
  hint: `This deep check changes the environment: it kills one of web's task containers (SIGKILL, as a crash would) while sending requests through the ingress, then waits for Swarm to start a replacement and run 3 tasks again. Failures are tolerated only in the first ${FAILOVER.graceMs / 1000} s after the kill. \`docker service ps <web service>\` shows the failed task and its replacement; the proxy should retry another task on a connection error (nginx: proxy_next_upstream).`,
  run: (ctx) =>
    engineGuard(() =>
      oneAtATime(ctx.signal, async () => {
        const { docker, outputs } = ctx;
        const web = outputs.services.web;
        if (!docker.kill)
          return error(
            "this Docker probe cannot kill a container: run verify --deep with labctl's engine probe",
          );
        const before = await convergence(docker, web, outputs.replicas);
        if (!before.ok) return fail(`web is not converged before the failover test: ${before.problem}`);
        // Only this engine's containers can be killed: on a multi-node swarm, a task of this node.
        const self = (await docker.swarm()).nodeId;
        const victim = before.tasks.find((t) => t.nodeId === self && t.containerId);
        if (!victim?.containerId) {
          return error(
            `no task of ${web} runs on this node (${self}): the check can only kill a container of this engine`,
          );
        }
        const traffic = startTraffic(ctx);
        let killedAt = 0;
        let replaced: { done: boolean; problem: string; replacement?: string };
        try {
          // A few answers first: the ingress answered before the kill.
          await sleep(5 * TRAFFIC.gapMs);
          killedAt = Date.now();
          await docker.kill(victim.containerId);
          replaced = await pollUntil(
            async () => {
              const state = await convergence(docker, web, outputs.replicas);
              if (!state.ok) return { done: false, problem: state.problem };
              if (state.tasks.some((t) => t.id === victim.id)) {
                return { done: false, problem: `the killed task ${victim.id} still counts as running` };
              }
              const inSlot = state.tasks.find((t) => t.slot === victim.slot);
              return { done: true, problem: "", replacement: inSlot?.id };
            },
            FAILOVER.timeoutMs,
            ctx.signal,
          );
          // The ingress must answer once the replacement runs, too: a few answers sent since.
          const since = Date.now();
          await pollUntil(
            async () => ({ done: traffic.answers.filter((a) => a.ok && a.at >= since).length >= 3 }),
            FAILOVER.graceMs + TRAFFIC.requestTimeoutMs,
            ctx.signal,
          );
        } finally {
          await traffic.stop();
        }
        const took = seconds(Date.now() - killedAt);
        const answers: Answer[] = traffic.answers;
        const failed = answers.filter((a) => !a.ok);
        const early = failed.filter((a) => a.doneAt < killedAt);
        const late = failed.filter((a) => a.at > killedAt + FAILOVER.graceMs);
        if (!replaced.done) {
          return fail(
            `Swarm did not bring web back to ${outputs.replicas} tasks within ${seconds(FAILOVER.timeoutMs)} of the kill: ${replaced.problem}`,
          );
        }
        if (early.length > 0) {
          return fail(
            `${requests(early.length)} through the ingress failed before the kill (${failureTally(early)}): the ingress was not answering reliably to begin with`,
          );
        }
        if (late.length > 0) {
          return fail(
            `${requests(late.length)} through the ingress failed more than ${seconds(FAILOVER.graceMs)} after the kill (${failureTally(late)}): the proxy kept sending requests to the dead task`,
          );
        }
        const answeredAfter = answers.some((a) => a.ok && a.at > killedAt);
        if (!answeredAfter) {
          return fail(
            `the ingress did not answer once after the kill (${failureTally(failed) || "no request came back"})`,
          );
        }
        const tolerated =
          failed.length > 0
            ? ` (${failed.length} failed within ${seconds(FAILOVER.graceMs)} of the kill: ${failureTally(failed)})`
            : ", none failed";
        return pass(
          `killed the container of web's task in slot ${victim.slot}; Swarm replaced it${replaced.replacement ? ` (task ${replaced.replacement})` : ""} and web ran ${outputs.replicas} tasks again ${took} after the kill; the ingress answered ${answers.length - failed.length} of ${answers.length} requests${tolerated}`,
        );
      }),
    ),
};
