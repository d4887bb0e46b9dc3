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
const state: {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
  getStore(): { settings: { engine?: unknown } };
} = require("@pulumi/pulumi/runtime/state");
const settings: { waitForRPCs(): Promise<void> } = require("@pulumi/pulumi/runtime/settings");

const SEVERITY: Record<number, Severity | undefined> = { 1: "info", 2: "warning", 3: "error" };

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs a Pulumi program under the mock runtime and resolves its outputs to plain values, secrets
 * unwrapped. Pulumi's runtime is process-global (module-level monitor, resource chain, root stack):
 * runs are serialized here, one program at a time per process. Running several students at once
 * needs one worker (thread or process) per program; a Lab's program loader is a closure, so a
 * worker would have to load the lab by package name itself: that seam is `ProgramRun`.
 */
export function runProgram(run: ProgramRun): Promise<Record<string, unknown>> {
  const result = queue.then(() => state.withLocalStorage(() => runExclusive(run)));
  queue = result.catch(() => undefined);
  return result;
}

async function runExclusive(run: ProgramRun): Promise<Record<string, unknown>> {
  await pulumi.runtime.setMocks(run.mocks, run.project, run.stack, run.preview);
  if (run.onRegister) watchRegistrations(run.onRegister);
  const store = state.getStore();
  const loggedErrors: string[] = [];
  store.settings.engine = diagnosticsEngine((severity, message) => {
    if (severity === "error") loggedErrors.push(message);
    run.onDiagnostic?.(severity, message);
  });
  // Pulumi rejects every output of a failed registration, often with nobody listening; collect
  // those (as Pulumi's own language host does) instead of letting Node crash the process.
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  // A program that throws is caught here: thrown inside Pulumi's stack it would also surface as
  // unhandled rejections.
  let programError: { error: unknown } | undefined;
  const program = async () => {
    try {
      return await run.program();
    } catch (error) {
      programError = { error };
      return {};
    }
  };
  try {
    const outputs = await pulumi.runtime.runInPulumiStack(program);
    await settings.waitForRPCs();
    if (programError) throw programError.error;
    if (rejections.length > 0) throw rejections[0];
    if (loggedErrors.length > 0) throw new Error(`the program logged errors: ${loggedErrors.join("; ")}`);
    return (outputs ?? {}) as Record<string, unknown>;
  } finally {
    await settings.waitForRPCs().catch(() => undefined);
    process.off("unhandledRejection", onRejection);
  }
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
