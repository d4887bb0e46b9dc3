import { swarmView } from "@labctl/testing";
import {
  dbService,
  OUTPUTS,
  runCheck,
  webService,
  webTask,
  webTaskSpec,
} from "../test-support/checks-fixture";
import { webConverged } from "./web-converged";

const web = webService();
const tasks = (...list: ReturnType<typeof webTask>[]) => ({ tasks: { [OUTPUTS.services.web]: list } });

describe("web-converged", () => {
  it("passes with 3 running tasks made from the service's current spec", async () => {
    expect(await runCheck(webConverged)).toEqual({
      status: "pass",
      message: "tp07-alice-web runs 3 tasks (slots 1, 2, 3), all at its current spec (version 31)",
    });
    // Replaced tasks stay in the history, desired shutdown: they do not count.
    const history = webTask(web, 2, {
      id: "old2",
      desiredState: "shutdown",
      state: "failed",
      error: "task: non-zero exit (137)",
    });
    const withHistory = tasks(webTask(web, 1), webTask(web, 2), history, webTask(web, 3));
    expect((await runCheck(webConverged, withHistory)).status).toBe("pass");
  });

  it("fails when the service asks for another number of replicas (scaled to 0)", async () => {
    const scaled = { ...web, replicas: 0 };
    expect(await runCheck(webConverged, { services: [scaled], ...tasks() })).toEqual({
      status: "fail",
      message: "service tp07-alice-web asks for 0 replicas, not 3",
    });
  });

  it("fails mid-update, naming the tasks at an older spec and the update's state", async () => {
    // The service already names the new config; two tasks still run the old one.
    const updated = {
      ...webService("tp07-alice-web-conf-2", "cfgweb000002"),
      update: { state: "updating", message: "update in progress" },
    };
    const old = { spec: webTaskSpec() };
    const list = tasks(webTask(updated, 1), webTask(updated, 2, old), webTask(updated, 3, old));
    expect(await runCheck(webConverged, { services: [updated], ...list })).toEqual({
      status: "fail",
      message:
        "1/3 tasks of tp07-alice-web run its current spec: 2 running an older spec; its update is updating (update in progress)",
    });
  });

  it("fails while an update watches its last task (every task current, a rollback still possible)", async () => {
    const watching = { ...web, update: { state: "updating", message: "update in progress" } };
    const list = tasks(webTask(watching, 1), webTask(watching, 2), webTask(watching, 3));
    expect(await runCheck(webConverged, { services: [watching], ...list })).toEqual({
      status: "fail",
      message:
        "3/3 tasks of tp07-alice-web run its current spec: its update is updating (update in progress)",
    });
    const done = { ...web, update: { state: "completed", message: "update completed" } };
    const after = tasks(webTask(done, 1), webTask(done, 2), webTask(done, 3));
    expect((await runCheck(webConverged, { services: [done], ...after })).status).toBe("pass");
  });

  it("fails naming a task that does not run, with the engine's words and the last failure", async () => {
    const pending = webTask(web, 3, {
      state: "pending",
      message: "pending task scheduling",
      error: "no suitable node (insufficient resources on 1 node)",
    });
    const failed = webTask(web, 3, {
      id: "dead3",
      desiredState: "shutdown",
      state: "rejected",
      error: "No such image: nginx:nope",
      updatedAt: "2026-12-01T20:00:09Z",
    });
    const result = await runCheck(webConverged, tasks(webTask(web, 1), webTask(web, 2), pending, failed));
    expect(result.message).toBe(
      "2/3 tasks of tp07-alice-web run its current spec: slot 3 is pending: no suitable node (insufficient resources on 1 node); last failure: No such image: nginx:nope",
    );
  });

  it("fails when web does not exist, and is an error off a manager (the engine refuses)", async () => {
    expect((await runCheck(webConverged, { services: [] })).message).toBe(
      "service tp07-alice-web does not exist",
    );
    const worker = await runCheck(webConverged, { swarm: swarmView({ controlAvailable: false }) });
    expect(worker.status).toBe("error");
    expect(worker.message).toContain("This node is not a swarm manager");
  });
});

describe("web-converged's spec comparison", () => {
  it("takes the defaults the engine adds to the service's spec (not to its tasks') as the same spec", async () => {
    const full = webTaskSpec();
    const web = {
      ...webService(),
      taskSpec: { ...full, ContainerSpec: { ...full.ContainerSpec, StopGracePeriod: 1e10 } },
    };
    const { RestartPolicy: _policy, Runtime: _runtime, ...taskSpec } = full;
    const list = {
      services: [web, dbService()],
      tasks: { [OUTPUTS.services.web]: [1, 2, 3].map((slot) => webTask(web, slot, { spec: taskSpec })) },
    };
    expect((await runCheck(webConverged, list)).status).toBe("pass");
  });

  it("ignores field order and empty fields, not a changed value", async () => {
    const web = webService();
    const reordered = { ...webTaskSpec(), Resources: undefined, Placement: {}, LogDriver: null };
    const { ContainerSpec, ...rest } = reordered;
    const same = webTask(web, 1, {
      spec: {
        ...rest,
        ContainerSpec: { ...Object.fromEntries(Object.entries(ContainerSpec).reverse()), Args: [] },
      },
    });
    const other = webTask(web, 2, { spec: webTaskSpec("tp07-alice-web-conf-2") });
    const list = { tasks: { [OUTPUTS.services.web]: [same, other, webTask(web, 3)] } };
    expect((await runCheck(webConverged, list)).message).toBe(
      "2/3 tasks of tp07-alice-web run its current spec: 1 running an older spec",
    );
  });
});
