import type { EnvironmentSpec } from "@labctl/core";
import { defineLab } from "@labctl/sdk";
import type { Deployment, EngineEvent, OutputMap } from "@pulumi/pulumi/automation";
import type {
  CliEnv,
  OperationOptions,
  PluginRef,
  PulumiCli,
  PulumiDriver,
  StackArgs,
  StackHandle,
} from "../driver";

/**
 * Test double for the Automation API: records every call in order, keeps stacks in memory, and
 * lets a test decide how each operation behaves. Used by the engine's unit tests only.
 */
export class FakeDriver implements PulumiDriver {
  readonly calls: string[] = [];
  readonly stacks = new Map<string, FakeStack>();
  readonly stackArgs: StackArgs[] = [];
  /** Where a CLI can be found: on PATH, pre-seeded under the root, only by installing, or nowhere. */
  cliAt: "path" | "root" | "install" | "nowhere" = "path";
  pathError = new Error("Command failed with ENOENT: pulumi version");
  installedPlugins: { name: string; version: string; kind: "resource" }[] = [];
  pluginInstall: (plugin: PluginRef) => Promise<void> = async () => {};
  /** Behaviour of `up` for every stack; defaults to creating one container with fixed outputs. */
  up: (stack: FakeStack, opts: OperationOptions) => Promise<{ outputs: OutputMap }> = async (stack, opts) => {
    emitResource(opts, "create", "docker:index/container:Container", `${stack.key.replace("/", "-")}-web`);
    return { outputs: { url: { value: "http://127.0.0.1:8080", secret: false } } };
  };

  async findCli(opts: { version: string; root?: string }): Promise<PulumiCli> {
    this.calls.push(opts.root ? "findCli root" : "findCli PATH");
    if (opts.root ? this.cliAt === "root" : this.cliAt === "path") return { version: opts.version };
    throw opts.root ? new Error(`ENOENT ${opts.root}/bin/pulumi`) : this.pathError;
  }

  async installCli(opts: { version: string; root: string }): Promise<PulumiCli> {
    this.calls.push("installCli");
    if (this.cliAt === "install") return { version: opts.version };
    throw new Error("Failed to download https://get.pulumi.com/install.sh: fetch failed");
  }

  async listPlugins(_cli: PulumiCli, _env: CliEnv) {
    return this.installedPlugins;
  }

  async installPlugin(_cli: PulumiCli, _env: CliEnv, plugin: PluginRef): Promise<void> {
    this.calls.push(`installPlugin ${plugin.name}@${plugin.version}`);
    await this.pluginInstall(plugin);
    this.installedPlugins.push({ name: plugin.name, version: plugin.version, kind: "resource" });
  }

  async createOrSelectStack(args: StackArgs): Promise<StackHandle> {
    this.calls.push(`createOrSelectStack ${args.projectName}/${args.stackName}`);
    this.stackArgs.push(args);
    const key = `${args.projectName}/${args.stackName}`;
    const stack = this.stacks.get(key) ?? new FakeStack(this, key);
    this.stacks.set(key, stack);
    return stack;
  }

  async selectStack(args: StackArgs): Promise<StackHandle> {
    this.calls.push(`selectStack ${args.projectName}/${args.stackName}`);
    this.stackArgs.push(args);
    const stack = this.stacks.get(`${args.projectName}/${args.stackName}`);
    if (!stack) throw Object.assign(new Error("no stack named found"), { name: "StackNotFoundError" });
    return stack;
  }
}

export class FakeStack implements StackHandle {
  outputMap: OutputMap = {};
  state: Deployment = { version: 3, deployment: { resources: [] } };
  preview = async (opts: OperationOptions) => {
    this.record("preview", opts);
    emitResource(opts, "create", "docker:index/container:Container", `${this.key.replace("/", "-")}-web`);
  };
  refresh = async (opts: OperationOptions) => this.record("refresh", opts);
  destroy = async (opts: OperationOptions) => {
    this.record("destroy", opts);
    emitResource(opts, "delete", "docker:index/container:Container", `${this.key.replace("/", "-")}-web`);
  };
  cancel = async () => this.record("cancel");

  constructor(
    private readonly driver: FakeDriver,
    readonly key: string,
  ) {}

  async up(opts: OperationOptions): Promise<{ outputs: OutputMap }> {
    this.record("up", opts);
    const result = await this.driver.up(this, opts);
    this.outputMap = result.outputs;
    return result;
  }
  async remove() {
    this.record("remove");
    this.driver.stacks.delete(this.key);
  }
  async outputs() {
    return this.outputMap;
  }
  async exportState() {
    this.record("exportState");
    return structuredClone(this.state);
  }
  async importState(state: Deployment) {
    this.record("importState");
    this.state = structuredClone(state);
  }

  private record(op: string, _opts?: OperationOptions) {
    this.driver.calls.push(`${op} ${this.key}`);
  }
}

let sequence = 0;

/** Sends the start and done events Pulumi emits for one resource step. */
export function emitResource(
  opts: OperationOptions,
  op: "create" | "delete",
  type: string,
  name: string,
): void {
  const metadata = { op, type, urn: `urn:pulumi:s::p::${type}::${name}`, provider: "" };
  const at = (extra: Partial<EngineEvent>): EngineEvent => ({ sequence: sequence++, timestamp: 0, ...extra });
  opts.onEvent(at({ resourcePreEvent: { metadata } }));
  opts.onEvent(at({ resOutputsEvent: { metadata } }));
}

const fakeLab = defineLab({
  id: "tp03",
  title: { en: "Networks", fr: "Réseaux" },
  platform: "docker",
  images: {},
  ports: [],
  secrets: [],
  program: async () => ({ default: () => ({}) }),
  checks: [],
  handout: "README.md",
});

/** A resolved spec for the fake lab `tp03` (docker platform). */
export const fakeSpec = (student: string, classId = "default"): EnvironmentSpec => ({
  lab: fakeLab,
  student: { id: student, name: student },
  classId,
  images: {},
  ports: {},
  bindAddress: "127.0.0.1",
  secrets: {},
  labels: {},
});
