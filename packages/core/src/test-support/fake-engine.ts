// An in-memory engine, a lab and a home for tests of the verbs and the class runner (whose tests
// import this file from core's sources: test helpers are never built into dist/).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineLab, error, fail, type Lab, pass } from "@labctl/sdk";
import { type LabctlConfig, loadConfig } from "../config/config";
import type { ClassEngine, EngineRunOptions, EnvironmentSpec, UpResult } from "../engine/types";
import { ExitCode, LabctlError } from "../errors";
import { type LabctlHome, resolveHome } from "../home/labctl-home";
import { isPortFree } from "../ports/port-preflight";

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
