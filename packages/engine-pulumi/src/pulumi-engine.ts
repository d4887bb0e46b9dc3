import { rm } from "node:fs/promises";
import type { Engine, EnvironmentSpec, PendingOperation } from "@labctl/core";
import type { EngineRunOptions, Lab, LabOutputs, ResourceChange } from "@labctl/sdk";
import type { OutputMap } from "@pulumi/pulumi/automation";
import { automationDriver } from "./automation-driver";
import { runCancellable } from "./cancellable";
import type { OperationOptions, PulumiDriver, StackArgs, StackHandle } from "./driver";
import { createSetup, type SetupOptions } from "./engine-setup";
import { type EnvRef, toLabctlError } from "./error-mapper";
import { EventLog } from "./event-mapper";
import { createOrSelectStack, selectStack } from "./open-stack";
import { repairStack } from "./repair";
import { stackArgsFor } from "./stack-args";

export interface PulumiEngineOptions extends Omit<SetupOptions, "driver"> {
  /** The Automation API by default; tests pass a fake. */
  driver?: PulumiDriver;
  /** How long a Ctrl-C'd CLI may take to stop before its lock is released anyway. */
  cancelGraceMs?: number;
}

export interface RepairResult {
  /** False when the environment has no stack: nothing to repair. */
  found: boolean;
  clearedOperations: PendingOperation[];
}

export interface PulumiEngine extends Engine {
  readonly name: "pulumi";
  /** Installs the labs' provider plugins once, before a class run fans out. */
  ensurePlugins(labs: Lab[], opts?: EngineRunOptions): Promise<void>;
  /** Cancel, clear pending operations, refresh: after an interrupted or locked run. */
  repair(spec: EnvironmentSpec, opts?: EngineRunOptions): Promise<RepairResult>;
}

const envRef = (spec: EnvironmentSpec): EnvRef => ({
  lab: spec.lab.id,
  student: spec.student.id,
  classId: spec.classId,
});

const plainOutputs = (outputs: OutputMap): LabOutputs =>
  Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));

/** The engine on the Pulumi Automation API (local file backend, passphrase secrets). */
export function createPulumiEngine(options: PulumiEngineOptions): PulumiEngine {
  const driver = options.driver ?? automationDriver;
  const graceMs = options.cancelGraceMs ?? 30_000;
  const setup = createSetup({ ...options, driver });

  /** Plugins when needed, then the stack's arguments; every failure leaves as a LabctlError. */
  const withEnvironment = async <T>(
    spec: EnvironmentSpec,
    opts: EngineRunOptions,
    body: (args: StackArgs, env: EnvRef) => Promise<T>,
    needsPlugins = true,
  ): Promise<T> => {
    const env = envRef(spec);
    try {
      if (needsPlugins) await setup.ensurePlugins([spec.lab], opts);
      return await body(stackArgsFor(spec, await setup.preflight()), env);
    } catch (e) {
      throw toLabctlError(e, env);
    }
  };

  /** One stack operation with progress forwarded and Ctrl-C handled; returns what it changed. */
  const operate = async <T>(
    stack: StackHandle,
    env: EnvRef,
    opts: EngineRunOptions,
    operation: (o: OperationOptions) => Promise<T>,
  ): Promise<{ result: T; changes: ResourceChange[] }> => {
    const log = new EventLog(opts.onEvent);
    const result = await runCancellable(stack, env, opts.signal, graceMs, (signal) =>
      operation({ onEvent: log.handle, signal }),
    );
    return { result, changes: log.changes() };
  };

  return {
    name: "pulumi",
    preflight: async (opts) => void (await setup.preflight(opts)),
    ensurePlugins: (labs, opts) => setup.ensurePlugins(labs, opts),

    up: (spec, opts = {}) =>
      withEnvironment(spec, opts, async (args, env) => {
        const stack = await createOrSelectStack(driver, args);
        const { result, changes } = await operate(stack, env, opts, (o) => stack.up(o));
        return { outputs: plainOutputs(result.outputs), changes };
      }),

    preview: (spec, opts = {}) =>
      withEnvironment(spec, opts, async (args, env) => {
        const stack = await createOrSelectStack(driver, args);
        return { changes: (await operate(stack, env, opts, (o) => stack.preview(o))).changes };
      }),

    down: (spec, opts = {}) =>
      withEnvironment(spec, opts, async (args, env) => {
        const stack = await selectStack(driver, args);
        if (!stack) return { removed: [] };
        const { changes } = await operate(stack, env, opts, (o) => stack.destroy(o));
        await stack.remove();
        await rm(args.workDir, { recursive: true, force: true });
        return { removed: changes.filter((change) => change.action === "delete") };
      }),

    outputs: (spec) =>
      withEnvironment(
        spec,
        {},
        async (args) => {
          const stack = await selectStack(driver, args);
          return stack ? plainOutputs(await stack.outputs()) : undefined;
        },
        false, // reading outputs runs no provider
      ),

    repair: (spec, opts = {}) =>
      withEnvironment(spec, opts, async (args) => {
        const stack = await selectStack(driver, args);
        if (!stack) return { found: false, clearedOperations: [] };
        const log = new EventLog(opts.onEvent);
        const steps = { onEvent: log.handle, signal: opts.signal, onStep: opts.onEvent };
        return { found: true, clearedOperations: await repairStack(stack, steps) };
      }),
  };
}
