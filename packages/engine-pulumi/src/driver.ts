import type { Deployment, EngineEvent, OutputMap, PluginInfo } from "@pulumi/pulumi/automation";

/**
 * The seam between labctl's orchestration and Pulumi's Automation API. The real implementation
 * (automation-driver.ts) only forwards calls; every decision (order, errors, cancel, repair)
 * lives in code that tests drive with a fake. Type-only imports: loading this file never loads
 * the Pulumi SDK.
 */
export interface PulumiDriver {
  /** The CLI on PATH, or under `root` (bin/pulumi) when given; rejects when absent or too old. */
  findCli(opts: { version: string; root?: string }): Promise<PulumiCli>;
  /** Downloads and installs the CLI under `root`. */
  installCli(opts: { version: string; root: string }): Promise<PulumiCli>;
  listPlugins(cli: PulumiCli, env: CliEnv): Promise<Pick<PluginInfo, "name" | "version" | "kind">[]>;
  installPlugin(cli: PulumiCli, env: CliEnv, plugin: PluginRef): Promise<void>;
  createOrSelectStack(args: StackArgs): Promise<StackHandle>;
  /** Rejects with a `StackNotFoundError` when the stack does not exist. */
  selectStack(args: StackArgs): Promise<StackHandle>;
}

/** A usable Pulumi CLI; opaque to the orchestration apart from its version. */
export interface PulumiCli {
  readonly version: string;
}

/** Where plugin commands run and with which environment. */
export interface CliEnv {
  workDir: string;
  envVars: Record<string, string>;
  pulumiHome?: string;
}

export interface PluginRef {
  name: string;
  version: string;
}

export interface StackArgs extends CliEnv {
  cli: PulumiCli;
  projectName: string;
  stackName: string;
  backendUrl: string;
  /** The inline program; its return value becomes the stack outputs. */
  program: () => Promise<Record<string, unknown> | undefined>;
}

export interface OperationOptions {
  onEvent: (event: EngineEvent) => void;
  /** Handed to the Automation API, which sends SIGINT to the CLI when it aborts. */
  signal?: AbortSignal;
}

export interface StackHandle {
  up(opts: OperationOptions): Promise<{ outputs: OutputMap }>;
  preview(opts: OperationOptions): Promise<void>;
  refresh(opts: OperationOptions): Promise<void>;
  destroy(opts: OperationOptions): Promise<void>;
  /** Removes the (empty) stack from the backend. */
  remove(): Promise<void>;
  outputs(): Promise<OutputMap>;
  /** `pulumi cancel`: stops the running update and releases its lock. */
  cancel(): Promise<void>;
  exportState(): Promise<Deployment>;
  importState(state: Deployment): Promise<void>;
}
