import type { IncomingMessage } from "node:http";
import { budgetFor, type DialCall, type DockerBudgets } from "./docker-budgets";
import { dockerTimeout, dockerUnreachable, isConnectionError } from "./docker-errors";

type Callback = (error: unknown, result?: unknown) => void;

/** The part of docker-modem's Modem this wraps. */
export interface DialingModem {
  dial(call: DialCall, callback: Callback): void;
}

/**
 * Bounds every Engine API call of one client. Each dial gets an AbortSignal (merged with the
 * caller's) that fires when the engine has not answered within the call's budget (budgetFor);
 * the call then rejects with DOCKER_TIMEOUT naming the host, the budget and the call, and an
 * engine that cannot be reached rejects with DOCKER_UNREACHABLE. Relies on docker-modem 5.0.x:
 * `dial` hands `abortSignal` to http.request and calls back once: when the body has arrived for a
 * plain call, at the headers for a stream, at the upgrade for a hijack. A stream's body is never
 * timed, so logs, pulls and exec output run as long as they need.
 */
export function boundDial(modem: DialingModem, host: string, budgets: DockerBudgets): void {
  const dial = modem.dial.bind(modem);
  modem.dial = (call, callback) => {
    const budget = budgetFor(call, budgets);
    const given = call.abortSignal;
    const controller = new AbortController();
    call.abortSignal = given ? AbortSignal.any([given, controller.signal]) : controller.signal;
    let done = false;
    // False once the engine answered (or the call ended): the clock has stopped.
    let timing = true;
    const stopClock = () => {
      timing = false;
      clearTimeout(timer);
    };
    const finish: Callback = (error, result) => {
      if (done) return;
      done = true;
      stopClock();
      // A caller's own cancel stays what it is: no engine is at fault.
      if (error && !given?.aborted && isConnectionError(error))
        callback(dockerUnreachable(host, error), null);
      else if (error) callback(error, null);
      else callback(null, result);
    };
    // Decided after the poll phase (setImmediate), so an answer that arrived while the loop was
    // stalled past the budget (a synchronous require, a big parse) still wins.
    const timer = setTimeout(
      () =>
        setImmediate(() => {
          if (!timing) return;
          finish(dockerTimeout(host, budget.label, budget.ms));
          controller.abort();
        }),
      budget.ms,
    );
    if (budget.until === "headers" && !call.isStream && !call.hijack) {
      // dockerode reads this answer whole (wait): take it as a stream, stop the clock at its headers.
      call.isStream = true;
      dial(call, (error, res) => {
        if (error) return finish(error);
        if (done) return (res as IncomingMessage).destroy();
        stopClock();
        readAnswer(res as IncomingMessage, finish);
      });
      return;
    }
    dial(call, finish);
  };
}

/** The body, as dockerode would have given it: parsed JSON, else the raw bytes. */
function readAnswer(res: IncomingMessage, callback: Callback): void {
  const chunks: Buffer[] = [];
  res.on("data", (chunk: Buffer) => chunks.push(chunk));
  res.on("error", (error) => callback(error));
  res.on("end", () => {
    const body = Buffer.concat(chunks);
    try {
      callback(null, JSON.parse(body.toString()));
    } catch {
      callback(null, body);
    }
  });
  res.on("close", () => {
    if (!res.complete)
      callback(Object.assign(new Error("the engine closed the connection"), { code: "ECONNRESET" }));
  });
}
