import type { ServiceConfigChange } from "@labctl/sdk";
import { OUTPUTS, runCheck, webConfigView } from "../test-support/checks-fixture";
import { FakeWebSwarm } from "../test-support/fake-web-swarm";
import { markedConfig, ROLL, rollingUpdate } from "./rolling-update";
import { TRAFFIC } from "./traffic";

const saved = { ...TRAFFIC, roll: ROLL.timeoutMs };
beforeAll(() => Object.assign(TRAFFIC, { gapMs: 1, pollMs: 2 }));
afterAll(() => {
  Object.assign(TRAFFIC, { gapMs: saved.gapMs, pollMs: saved.pollMs });
  ROLL.timeoutMs = saved.roll;
});

describe("rolling-update", () => {
  it("passes when web rolls to the marked config with no failed request, then rolls back", async () => {
    const swarm = new FakeWebSwarm();
    const changes: ServiceConfigChange[] = [];
    const options = swarm.options();
    const swap = options.withServiceConfig as NonNullable<typeof options.withServiceConfig>;
    const result = await runCheck(rollingUpdate, {
      ...options,
      withServiceConfig: (service, change, use) => {
        changes.push(change);
        return swap(service, change, use);
      },
    });
    expect(result.status).toBe("pass");
    expect(result.message).toMatch(
      /^web rolled to a config marked rolled-\w+ while \d+ requests went through the ingress, none failed; the answers then showed the marker; web is back on tp07-alice-web-conf \(\d+\.\d s in all\)$/,
    );
    // The new config: web's own with the marker before "served by", labelled for `down`.
    const [change] = changes;
    const marker = change?.with.name.replace(`${OUTPUTS.webConfig}-`, "") ?? "";
    expect(change?.replace).toBe(OUTPUTS.webConfig);
    expect(change?.with.data).toBe(webConfigView().data.replace("served by ", `${marker} served by `));
    expect(change?.with.labels).toMatchObject({ "dev.labctl.lab": "tp07", "dev.labctl.student": "alice" });
    // Back where it was: the original config everywhere, converged.
    expect(swarm.web.configs.map((c) => c.name)).toEqual([OUTPUTS.webConfig]);
  });

  it("fails counting the requests that failed during the update", async () => {
    const swarm = new FakeWebSwarm();
    swarm.failing = new Set([4, 5]);
    const result = await runCheck(rollingUpdate, swarm.options());
    expect(result.status).toBe("fail");
    expect(result.message).toMatch(
      /^2 of \d+ requests through the ingress failed during the rolling update \(HTTP 502 ×2; the first \d+\.\d s in\)$/,
    );
  });

  it("fails, bounded, when the update never converges", async () => {
    ROLL.timeoutMs = 50;
    const swarm = new FakeWebSwarm();
    swarm.stuck = true;
    const result = await runCheck(rollingUpdate, swarm.options());
    ROLL.timeoutMs = saved.roll;
    expect(result.message).toMatch(
      /^the rolling update to tp07-alice-web-conf-rolled-\w+ did not finish within 0\.1 s: 0\/3 tasks of tp07-alice-web run its current spec: 3 running an older spec$/,
    );
  });

  it("fails when web's config is missing or has nothing to mark; is an error without the deep probe", async () => {
    const swarm = new FakeWebSwarm();
    expect((await runCheck(rollingUpdate, { ...swarm.options(), configs: [] })).message).toBe(
      "web's config tp07-alice-web-conf does not exist",
    );
    const bare = [{ ...webConfigView(), data: "server { return 200 ok; }" }];
    expect((await runCheck(rollingUpdate, { ...swarm.options(), configs: bare })).message).toBe(
      'web\'s config tp07-alice-web-conf has no "served by" answer to mark',
    );
    expect((await runCheck(rollingUpdate)).status).toBe("error");
  });

  it("marks the answer, keeping the task's name after it", () => {
    expect(markedConfig('return 200 "served by $hostname\\n";', "rolled-x")).toBe(
      'return 200 "rolled-x served by $hostname\\n";',
    );
    expect(markedConfig("return 200;", "rolled-x")).toBeUndefined();
  });
});
