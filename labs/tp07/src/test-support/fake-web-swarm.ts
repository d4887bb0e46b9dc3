import type { HttpRequest, HttpResponse, ServiceConfigChange, ServiceView, TaskView } from "@labctl/sdk";
import type { FakeCheckContextOptions } from "@labctl/testing";
import type { Tp07Outputs } from "../outputs";
import { dbService, dbTask, hostnameOf, OUTPUTS, webConfigView, webService, webTask } from "./checks-fixture";

const configOf = (task: TaskView) =>
  (task.spec as { ContainerSpec: { Configs: { ConfigName: string }[] } }).ContainerSpec.Configs[0]
    ?.ConfigName;

/**
 * web as Swarm runs it, one step of convergence per look at its tasks: a slot without a task
 * gets one, else one task at an older spec is replaced (start-first: the new one already runs).
 * The ingress round-robins over the running tasks; a task answers with its config's marker.
 */
export class FakeWebSwarm {
  web: ServiceView = webService();
  readonly services: ServiceView[] = [this.web, dbService()];
  tasks: TaskView[] = [1, 2, 3].map((slot) => webTask(this.web, slot));
  readonly markers = new Map<string, string>();
  readonly configs = [webConfigView()];
  readonly killed: string[] = [];
  /** Answer 502 to these requests (by number, from 1), as a proxy without a task would. */
  failing = new Set<number>();
  /** This many requests fail right after a kill (the one in flight, and one sent to the dead address). */
  failAfterKill = 0;
  /** After a kill, the proxy keeps sending every third request to the dead task. */
  proxyFollowsDeadTask = false;
  /** No replacement before this long after a kill. */
  replaceAfterMs = 0;
  /** Never converge the update (a task that cannot start). */
  stuck = false;
  private serial = 10;
  private requests = 0;
  private killedAt = 0;

  private step(): void {
    if (this.stuck) return;
    const running = this.tasks.filter((t) => t.desiredState === "running");
    const empty = [1, 2, 3].find((slot) => !running.some((t) => t.slot === slot));
    if (empty !== undefined) {
      if (Date.now() < this.killedAt + this.replaceAfterMs) return;
      this.tasks.push(this.newTask(empty));
      return;
    }
    const spec = JSON.stringify(this.web.taskSpec);
    const old = running.find((t) => JSON.stringify(t.spec) !== spec);
    if (!old) return;
    this.tasks.push(this.newTask(old.slot ?? 1));
    Object.assign(old, { desiredState: "shutdown", state: "shutdown" });
  }

  private newTask(slot: number): TaskView {
    const n = this.serial++;
    return webTask(this.web, slot, {
      id: `webtask${slot}-${n}`,
      containerId: `beef${String(n).padStart(8, "0")}${"0".repeat(52)}`,
    });
  }

  private setWeb(service: ServiceView): void {
    this.web = service;
    this.services[0] = service;
  }

  private answer = (_url: string, req?: HttpRequest): HttpResponse => {
    const n = ++this.requests;
    if (req?.headers?.host !== OUTPUTS.host) return { status: 404, headers: {}, body: "404 Not Found" };
    const dead = this.proxyFollowsDeadTask && this.killed.length > 0 && n % 3 === 0;
    const afterKill = this.killed.length > 0 && this.failAfterKill-- > 0;
    if (this.failing.has(n) || dead || afterKill)
      return { status: 502, headers: {}, body: "502 Bad Gateway" };
    const up = this.tasks.filter((t) => t.desiredState === "running" && t.state === "running");
    const task = up[n % up.length];
    if (!task) return { status: 502, headers: {}, body: "502 Bad Gateway" };
    const marker = this.markers.get(configOf(task) ?? "");
    return { status: 200, headers: {}, body: `${marker ? `${marker} ` : ""}served by ${hostnameOf(task)}\n` };
  };

  private swap = async <T>(
    service: string,
    change: ServiceConfigChange,
    use: () => Promise<T>,
  ): Promise<T> => {
    if (service !== OUTPUTS.services.web) throw new Error(`unexpected service ${service}`);
    const marker = change.with.data.match(/(rolled-\S+) served by/)?.[1];
    if (marker) this.markers.set(change.with.name, marker);
    this.configs.push({
      id: "cfgnew",
      name: change.with.name,
      labels: change.with.labels,
      data: change.with.data,
    });
    this.setWeb({ ...webService(change.with.name, "cfgnew"), version: this.web.version + 1 });
    try {
      return await use();
    } finally {
      this.setWeb({ ...webService(), version: this.web.version + 1 });
      this.configs.pop();
    }
  };

  private kill = (container: string): void => {
    const task = this.tasks.find((t) => t.containerId === container);
    if (!task) throw Object.assign(new Error(`No such container: ${container}`), { statusCode: 404 });
    this.killed.push(container);
    this.killedAt = Date.now();
    Object.assign(task, { state: "failed", desiredState: "shutdown", error: "task: non-zero exit (137)" });
  };

  /** The fake context's tables, served from this swarm. */
  options(): Partial<FakeCheckContextOptions<Tp07Outputs>> {
    return {
      services: this.services,
      configs: this.configs,
      tasks: (name) => {
        if (name !== OUTPUTS.services.web) return [dbTask()];
        this.step();
        return this.tasks.map((t) => ({ ...t }));
      },
      http: this.answer,
      withServiceConfig: this.swap,
      kill: this.kill,
    };
  }
}
