import { budgetFor, DEFAULT_BUDGETS, type DialCall } from "./docker-budgets";

const b = { connectMs: 1, pingMs: 2, requestMs: 3, changeMs: 4, longMs: 5 };
const call = (method: string, path: string, extra: Partial<DialCall> = {}): DialCall => ({
  method,
  path,
  ...extra,
});

describe("budgetFor: how long each Engine API call may take", () => {
  it.each([
    [call("GET", "/_ping"), "GET /_ping", 2, "answer"],
    [call("GET", "/containers/json?"), "GET /containers/json", 3, "answer"],
    [call("GET", "/containers/x/json"), "GET /containers/x/json", 3, "answer"],
    [call("GET", "/version"), "GET /version", 3, "answer"],
    [call("POST", "/containers/create?"), "POST /containers/create", 4, "answer"],
    [call("POST", "/containers/x/start?"), "POST /containers/x/start", 4, "answer"],
    [call("DELETE", "/containers/x?"), "DELETE /containers/x", 4, "answer"],
    [
      call("POST", "/containers/x/stop?", { options: { t: 10 } }),
      "POST /containers/x/stop",
      10_004,
      "answer",
    ],
    [call("POST", "/containers/x/stop?"), "POST /containers/x/stop", 5, "answer"],
    [
      call("POST", "/containers/x/restart?", { options: { t: 0 } }),
      "POST /containers/x/restart",
      4,
      "answer",
    ],
    [call("POST", "/containers/x/wait?"), "POST /containers/x/wait", 3, "headers"],
    [call("GET", "/containers/x/logs?", { isStream: true }), "GET /containers/x/logs", 3, "headers"],
    [call("GET", "/events?", { isStream: true }), "GET /events", 3, "headers"],
    [call("POST", "/exec/e/start", { isStream: true, hijack: true }), "POST /exec/e/start", 3, "headers"],
    [
      call("POST", "/containers/x/attach?", { isStream: true, hijack: true }),
      "POST /containers/x/attach",
      3,
      "headers",
    ],
    [call("POST", "/build?", { isStream: true }), "POST /build", 5, "headers"],
    [call("POST", "/images/create?", { isStream: true }), "POST /images/create", 5, "headers"],
    [
      call("POST", "/images/reg:5000/app/push?", { isStream: true }),
      "POST /images/reg:5000/app/push",
      5,
      "headers",
    ],
    [call("POST", "/images/load?"), "POST /images/load", 5, "answer"],
    [call("PUT", "/containers/x/archive?"), "PUT /containers/x/archive", 5, "answer"],
    [call("POST", "/swarm/init"), "POST /swarm/init", 5, "answer"],
    [call("POST", "/volumes/prune?"), "POST /volumes/prune", 5, "answer"],
    [call("GET", "/system/df?"), "GET /system/df", 5, "answer"],
    [call("POST", "/services/create"), "POST /services/create", 4, "answer"],
  ])("%j: %s, %d ms until the %s", (dial, label, ms, until) => {
    expect(budgetFor(dial, b)).toEqual({ label, ms, until });
  });

  it("defaults: a quick no for pings, 15 s for reads, a minute for changes, ten for long calls", () => {
    expect(DEFAULT_BUDGETS).toEqual({
      connectMs: 5_000,
      pingMs: 5_000,
      requestMs: 15_000,
      changeMs: 60_000,
      longMs: 600_000,
    });
  });
});
