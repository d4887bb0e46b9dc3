import * as pulumi from "@pulumi/pulumi";

type Severity = "info" | "warning" | "error";

export interface ProgramRun {
  /** The lab's program, already bound to its context. */
  program: () => unknown;
  project: string;
  stack: string;
  /** Pulumi's dry-run flag: the program sees `pulumi.runtime.isDryRun()`. */
  preview: boolean;
  mocks: pulumi.runtime.Mocks;
  onDiagnostic?: (severity: Severity, message: string) => void;
  /** Sees each registration's options, which the mocks' newResource is not given (program tests). */
  onRegister?: (registration: Registration) => void;
}

/** A resource's options as the engine receives them. */
export interface Registration {
  /** Logical (Pulumi) name. */
  name: string;
  deleteBeforeReplace: boolean;
  /** Logical names of the resources it depends on (dependsOn and input dependencies). */
  dependencies: string[];
}

type RegisterRequest = {
  getName(): string;
  getDeletebeforereplace(): boolean;
  getDependenciesList(): string[];
};

// Pulumi internals the public API does not expose: a per-run state store (what the Automation
// API's inline programs use) and the RPC drain that waits for every registration to finish.
type Store = { settings: { engine?: unknown }; terminated?: boolean };
const state: {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
  getStore(): Store;
  getLocalStore(): Store | undefined;
} = require("@pulumi/pulumi/runtime/state");
const settings: { waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");

const SEVERITY: Record<number, Severity | undefined> = { 1: "info", 2: "warning", 3: "error" };

/** Each running program's collector of unhandled rejections, by its Pulumi store. */
const collectors = new WeakMap<Store, (reason: unknown) => void>();
let routing = false;

/**
 * Pulumi rejects every output of a failed registration, often with nobody listening. Node runs
 * this listener in the async context of the rejected promise, so the run it belongs to is the
 * one whose store is current: each run gets its own rejections, never a neighbour's. Installed
 * once; a rejection outside any run is rethrown, as Node would without a listener.
 */
function routeRejections() {
  if (routing) return;
  routing = true;
  process.on("unhandledRejection", (reason) => {
    const store = state.getLocalStore();
    const collect = store && collectors.get(store);
    if (!collect) throw reason;
    collect(reason);
  });
}

/**
 * Runs a Pulumi program under the mock runtime and resolves its outputs to plain values, secrets
 * unwrapped. Each run has its own Pulumi store (monitor, options, RPC drain, stack), so several
 * programs run at once in one process: a class run fans out here, without worker processes.
 */
export function runProgram(run: ProgramRun): Promise<Record<string, unknown>> {
  routeRejections();
  return state.withLocalStorage(() => runInStore(run));
}

async function runInStore(run: ProgramRun): Promise<Record<string, unknown>> {
  await pulumi.runtime.setMocks(run.mocks, run.project, run.stack, run.preview);
  if (run.onRegister) watchRegistrations(run.onRegister);
  const store = state.getStore();
  const loggedErrors: string[] = [];
  store.settings.engine = diagnosticsEngine((severity, message) => {
    if (severity === "error") loggedErrors.push(message);
    run.onDiagnostic?.(severity, message);
  });
  const rejections: unknown[] = [];
  collectors.set(store, (reason) => rejections.push(reason));
  // A program that throws is caught here: thrown inside Pulumi's stack it would also surface as
  // unhandled rejections.
  let programError: { error: unknown } | undefined;
  const program = async () => {
    try {
      return await withoutStacks(run.program)();
    } catch (error) {
      programError = { error };
      return {};
    }
  };
  try {
    const outputs = await pulumi.runtime.runInPulumiStack(program);
    await settings.waitForRPCs();
    // Node reports unhandled rejections once the microtask queue drains: give them one turn.
    await new Promise((resolve) => setImmediate(resolve));
    if (programError) throw programError.error;
    if (rejections.length > 0) throw rejections[0];
    if (loggedErrors.length > 0) throw new Error(`the program logged errors: ${loggedErrors.join("; ")}`);
    return (outputs ?? {}) as Record<string, unknown>;
  } finally {
    await settings.waitForRPCs().catch(() => undefined);
    // Pulumi's leak check (one exit hook per process) must not flag a run that has ended.
    store.terminated = true;
  }
}

/**
 * The program's synchronous body, where it registers its resources, without stack traces: Pulumi
 * formats `new Error().stack` for every promise it makes there (about a third of a no-op class
 * up's CPU). Nothing else runs during a synchronous call, so other runs keep theirs; labctl's
 * messages never show those stacks.
 */
function withoutStacks<T>(program: () => T): () => T {
  return () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return program();
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
}

/** Wraps this run's (mock) monitor: each registration request is shown before it is served. */
function watchRegistrations(onRegister: (registration: Registration) => void) {
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterRequest, callback: unknown): void;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    onRegister({
      name: req.getName(),
      deleteBeforeReplace: req.getDeletebeforereplace(),
      dependencies: req.getDependenciesList().map((urn) => urn.split("::").pop() ?? urn),
    });
    register(req, callback);
  };
}

/** Stands in for the Pulumi engine's log service so program messages become events, not stray console lines. */
function diagnosticsEngine(onDiagnostic: ProgramRun["onDiagnostic"]) {
  type Callback = (err: unknown, response?: unknown) => void;
  return {
    log(req: { getSeverity(): number; getMessage(): string }, callback: Callback) {
      const severity = SEVERITY[req.getSeverity()];
      if (severity) onDiagnostic?.(severity, req.getMessage());
      callback(null, {});
    },
    setRootResource(_req: unknown, callback: Callback) {
      callback(null, {});
    },
  };
}
