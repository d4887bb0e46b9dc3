import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineLab, error, fail, type Lab, pass, type Student } from "@labctl/sdk";
import { type LabctlConfig, loadConfig } from "../../config/config";
import type { EngineRunOptions, EnvironmentSpec, UpResult } from "../../engine/types";
import { ExitCode, LabctlError } from "../../errors";
import { type LabctlHome, resolveHome } from "../../home/labctl-home";
import { isPortFree } from "../../ports/port-preflight";
import type { Roster } from "../../roster/roster-types";
import type { ClassEngine } from "../class-engine";

/** A lab with one port, one secret and two checks; `broken` in the outputs fails the second. */
export const fakeLab: Lab = defineLab({
  id: "tp99",
  title: { en: "Fake <lab> & co", fr: "Faux" },
  platform: "docker",
  images: { web: "nginx:1" },
  ports: ["web"],
  secrets: ["webPassword"],
  program: async () => ({ default: () => ({}) }),
  handout: "README.md",
  checks: [
    {
      id: "web-up",
      title: "Web is up",
      points: 2,
      hint: "start it",
      // `vanish` in the outputs: the check cannot reach the engine (it went away mid-run).
      run: async (ctx) =>
        ctx.outputs.vanish ? error("could not query the Docker engine: ECONNREFUSED") : pass("running"),
    },
    {
      id: "page",
      title: "Page has the marker",
      points: 3,
      needs: ["web-up"],
      hint: "look at <index.html>",
      run: async (ctx) =>
        ctx.outputs.broken ? fail(`marker missing in "${ctx.outputs.url}"`) : pass("marker found"),
    },
  ],
});

/** A fresh home whose port blocks (for `students` students) are free on this machine right now. */
export async function fakeHome(students = 10): Promise<{ home: LabctlHome; config: LabctlConfig }> {
  const home = resolveHome({ LABCTL_HOME: mkdtempSync(join(tmpdir(), "labctl-class-")) });
  for (;;) {
    const portBase = 20000 + Math.floor(Math.random() * 400) * 100;
    const ports = Array.from({ length: students }, (_, i) => portBase + i * 100);
    if ((await Promise.all(ports.map((p) => isPortFree("127.0.0.1", p)))).every(Boolean))
      return { home, config: { ...loadConfig(home, {}), portBase, portBlockSize: 100 } };
  }
}

export const roster = (...ids: string[]): Roster => ({
  source: "class.csv",
  format: "csv",
  students: ids.map((id): Student => ({ id, name: `Student ${id}`, email: `${id}@example.org` })),
});

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const cancelled = () =>
      reject(new LabctlError("Cancelled.", "again", ExitCode.infrastructure, "CANCELLED"));
    if (signal?.aborted) return cancelled();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      cancelled();
    });
  });

/** An in-memory engine: environments are a map; some students fail; records the peak concurrency. */
export class FakeEngine implements ClassEngine {
  readonly name = "docker" as const;
  readonly environments = new Map<string, Record<string, unknown>>();
  readonly calls: string[] = [];
  running = 0;
  peak = 0;
  failing = new Set<string>();
  broken = new Set<string>();
  /** Students whose checks find the engine gone mid-run (see `vanishingClients`). */
  vanishing = new Set<string>();
  /** Students whose outputs cannot be read (a thrown infrastructure error). */
  unreadable = new Set<string>();
  /** Thrown by preflight: the engine is unreachable. */
  preflightError?: Error;
  delayMs = 20;
  /** Called when a student's up starts (tests abort from here). */
  onUp?: (student: string) => void;

  async preflight(): Promise<void> {
    if (this.preflightError) throw this.preflightError;
  }

  async up(spec: EnvironmentSpec, opts: EngineRunOptions = {}): Promise<UpResult> {
    const id = spec.student.id;
    this.calls.push(`up ${id}`);
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      this.onUp?.(id);
      opts.onEvent?.({ kind: "step", message: "Creating the environment" });
      await sleep(this.delayMs, opts.signal);
      if (this.failing.has(id))
        throw new LabctlError(
          `Could not create container "web": port busy for ${id}`,
          "free it",
          ExitCode.infrastructure,
          "DOCKER_API",
        );
      const existed = this.environments.has(id);
      const outputs = {
        url: `http://127.0.0.1:${spec.ports.web}`,
        webPassword: spec.secrets.webPassword,
        container: `tp99-${id}-web`,
        ...(this.broken.has(id) && { broken: true }),
      };
      this.environments.set(id, outputs);
      return {
        outputs,
        changes: [
          { action: existed ? "same" : "create", type: "docker:index/container:Container", name: "web" },
        ],
      };
    } finally {
      this.running--;
    }
  }

  async preview() {
    return { changes: [] };
  }

  async down(spec: EnvironmentSpec) {
    this.calls.push(`down ${spec.student.id}`);
    const existed = this.environments.delete(spec.student.id);
    return {
      removed: existed
        ? [{ action: "delete" as const, type: "docker:index/container:Container", name: "web" }]
        : [],
    };
  }

  async outputs(spec: EnvironmentSpec) {
    const id = spec.student.id;
    if (this.unreadable.has(id))
      throw new LabctlError(
        "Cannot connect to the Docker engine.",
        "start it",
        ExitCode.infrastructure,
        "ENGINE",
      );
    const outputs = this.environments.get(id);
    return (
      outputs && {
        ...outputs,
        ...(this.broken.has(id) && { broken: true }),
        ...(this.vanishing.has(id) && { vanish: true }),
      }
    );
  }
}

/** Clients whose engine does not answer: a check that errors gets the runner's triage to say so. */
export const vanishingClients = {
  docker: {
    version: async () => Promise.reject(new Error("connect ECONNREFUSED /var/run/docker.sock")),
  } as never,
  http: {} as never,
};

/** Probe clients checks never touch in the fake lab. */
export const noClients = { docker: {} as never, http: {} as never };

/** A fresh home, a fake engine and the options every class verb takes, for a roster of ids. */
export async function fakeClass(...ids: string[]) {
  const { home, config } = await fakeHome();
  const engine = new FakeEngine();
  const base = {
    home,
    config,
    lab: fakeLab,
    classId: "devops",
    roster: roster(...ids),
    engine,
    concurrency: 2,
  };
  return { home, config, engine, base };
}
