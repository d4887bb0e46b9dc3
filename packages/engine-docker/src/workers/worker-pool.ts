import { type ChildProcess, fork } from "node:child_process";
import { type EngineEvent, ExitCode, LabctlError } from "@labctl/sdk";
import type { ParentMessage, WorkerJob, WorkerMessage } from "./worker-protocol";

interface Pending {
  job: WorkerJob;
  onEvent?: (event: EngineEvent) => void;
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Worker {
  child: ChildProcess;
  current?: Pending;
  stderr: string;
}

const STDERR_TAIL = 2000;

export const cancelledInQueue = () =>
  new LabctlError(
    "Cancelled before it started.",
    "Run the command again to do it.",
    ExitCode.infrastructure,
    "CANCELLED",
  );

/**
 * A pool of forked worker processes, one job at a time each. Pulumi's mock runtime is
 * process-global, so each student's program must run in its own process to run in parallel.
 * Workers start on demand, live for the pool's lifetime (loading Pulumi once each), and a
 * worker that dies fails its job only: the next job gets a fresh one.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly entry: string,
    private readonly size: number,
  ) {}

  run<T>(
    job: Omit<WorkerJob, "id">,
    opts: { signal?: AbortSignal; onEvent?: (event: EngineEvent) => void } = {},
  ): Promise<T> {
    if (this.closed) return Promise.reject(new Error("worker pool is closed"));
    if (opts.signal?.aborted) return Promise.reject(cancelledInQueue());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.cancel(pending);
      // One listener per job on the run's signal, removed when the job settles: a class run
      // of 30 students would otherwise leave 30 on it (and Node warns of a leak past 10).
      const settled =
        <V>(done: (value: V) => void) =>
        (value: V) => {
          opts.signal?.removeEventListener("abort", onAbort);
          done(value);
        };
      const pending: Pending = {
        job: { ...job, id: this.nextId++ },
        ...opts,
        resolve: settled(resolve as (v: unknown) => void),
        reject: settled(reject),
      };
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.push(pending);
      this.dispatch();
    });
  }

  /** Stops every worker: they finish nothing more (their jobs were cancelled or done). */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(cancelledInQueue());
    await Promise.all(
      this.workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
            child.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            if (child.connected) child.disconnect();
            else child.kill("SIGTERM");
          }),
      ),
    );
  }

  private cancel(pending: Pending): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      pending.reject(cancelledInQueue());
      return;
    }
    const worker = this.workers.find((w) => w.current === pending);
    if (worker?.child.connected) this.send(worker, { type: "cancel", id: pending.job.id });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.workers.find((w) => !w.current) ?? this.spawn();
      if (!worker) return;
      const pending = this.queue.shift() as Pending;
      worker.current = pending;
      this.send(worker, { type: "job", job: pending.job });
    }
  }

  private spawn(): Worker | undefined {
    if (this.workers.length >= this.size) return undefined;
    const child = fork(this.entry, [], {
      execArgv: [],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
    });
    const worker: Worker = { child, stderr: "" };
    child.stderr?.on("data", (chunk: Buffer) => {
      worker.stderr = (worker.stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    child.on("message", (message: WorkerMessage) => this.receive(worker, message));
    child.on("exit", (code, signal) => this.exited(worker, code, signal));
    child.on("error", () => undefined); // reported through "exit"
    this.workers.push(worker);
    return worker;
  }

  private send(worker: Worker, message: ParentMessage): void {
    // A worker that cannot be reached is killed; its "exit" fails the job it had.
    worker.child.send(message, (error) => {
      if (error) worker.child.kill("SIGKILL");
    });
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    const pending = worker.current;
    if (!pending || message.id !== pending.job.id) return;
    if (message.type === "event") {
      pending.onEvent?.(message.event);
      return;
    }
    worker.current = undefined;
    if (message.type === "done") pending.resolve(message.result);
    else {
      const { message: text, advice, exitCode, code } = message.error;
      pending.reject(new LabctlError(text, advice, exitCode as ExitCode, code));
    }
    this.dispatch();
  }

  private exited(worker: Worker, code: number | null, signal: NodeJS.Signals | null): void {
    const index = this.workers.indexOf(worker);
    if (index < 0) return;
    this.workers.splice(index, 1);
    const pending = worker.current;
    worker.current = undefined;
    if (pending) {
      const why = signal ? `signal ${signal}` : `exit code ${code}`;
      const tail = worker.stderr.trim().split("\n").slice(-5).join(" | ");
      pending.reject(
        new LabctlError(
          `The worker process${pending.job.spec ? ` for ${pending.job.spec.labId}/${pending.job.spec.student.id}` : ""} died (${why})${tail ? `: ${tail}` : ""}.`,
          "Run the command again for this student (--retry-failed); if it keeps dying, run `labctl up` for them alone to see the error.",
          ExitCode.infrastructure,
          "WORKER_DIED",
        ),
      );
    }
    if (!this.closed) this.dispatch();
  }
}
