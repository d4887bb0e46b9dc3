// Entry of a class run's worker process: runs the docker engine (and plans) for one environment
// at a time, on behalf of the parent (`WorkerPool`). Loaded from the build (dist/), never by jest.

import { type Engine, planEnvironment } from "@labctl/core";
import { type EngineRunOptions, type Lab, outcomeError } from "@labctl/sdk";
import { createDockerEngine } from "../docker-engine";
import type { ParentMessage, WorkerJob, WorkerMessage } from "./worker-protocol";

const running = new Map<number, AbortController>();
const engines = new Map<string, Engine>();
const send = (message: WorkerMessage) => process.send?.(message);

function loadLab(module: string, id: string): Lab {
  const lab = (require(module) as { default: Lab }).default;
  if (lab?.id !== id) throw new Error(`${module} is not lab ${id}`);
  return lab;
}

async function perform(job: WorkerJob, run: EngineRunOptions): Promise<unknown> {
  // The parent names the host; DOCKER_HOST, inherited from it, is never read here.
  const key = `${job.home.root}\n${job.dockerHost}`;
  const engine = engines.get(key) ?? createDockerEngine({ home: job.home, dockerHost: job.dockerHost });
  engines.set(key, engine);
  if (job.op === "preflight") return engine.preflight(run);
  if (!job.spec || !job.labModule) throw new Error(`job ${job.op} without an environment`);
  const { labId, ...rest } = job.spec;
  const spec = { ...rest, lab: loadLab(job.labModule, labId) };
  switch (job.op) {
    case "up":
      return engine.up(spec, run);
    case "down":
      return engine.down(spec, run);
    case "preview":
      return engine.preview(spec, run);
    case "outputs":
      return engine.outputs(spec);
    case "plan":
      return planEnvironment(spec);
  }
}

async function handle(job: WorkerJob): Promise<void> {
  const controller = new AbortController();
  running.set(job.id, controller);
  const run: EngineRunOptions = {
    signal: controller.signal,
    onEvent: (event) => send({ type: "event", id: job.id, event }),
  };
  try {
    send({ type: "done", id: job.id, result: await perform(job, run) });
  } catch (error) {
    send({ type: "failed", id: job.id, error: outcomeError(error) });
  } finally {
    running.delete(job.id);
  }
}

// Ctrl-C reaches the whole process group: the parent decides, and cancels jobs by message.
process.on("SIGINT", () => undefined);
process.on("message", (message: ParentMessage) => {
  if (message.type === "cancel") running.get(message.id)?.abort();
  else void handle(message.job);
});
// The parent went away (closed the pool, or was killed): stop what runs, then leave.
process.on("disconnect", () => {
  for (const controller of running.values()) controller.abort();
  const leave = () => (running.size === 0 ? process.exit(0) : setTimeout(leave, 100));
  leave();
});
