import { createRequire } from "node:module";
import {
  LocalWorkspace,
  type LocalWorkspaceOptions,
  PulumiCommand,
  type Stack,
} from "@pulumi/pulumi/automation";
import type { CliEnv, OperationOptions, PulumiCli, PulumiDriver, StackArgs, StackHandle } from "./driver";

// The SDK checks versions with `instanceof` against its own copy of semver, not the hoisted one.
const { SemVer } = createRequire(require.resolve("@pulumi/pulumi/package.json"))(
  "semver",
) as typeof import("semver");

/** How long the installer may take to reach get.pulumi.com before we call the machine offline. */
const INSTALL_PROBE_MS = 10_000;
const INSTALL_SCRIPT = "https://get.pulumi.com/install.sh";

class AutomationCli implements PulumiCli {
  constructor(readonly command: PulumiCommand) {}
  get version(): string {
    return this.command.version?.version ?? "unknown";
  }
}

const commandOf = (cli: PulumiCli): PulumiCommand => (cli as AutomationCli).command;

/** The real driver: each method is one Automation API call. */
export const automationDriver: PulumiDriver = {
  async findCli({ version, root }) {
    return new AutomationCli(await PulumiCommand.get({ version: new SemVer(version), root }));
  },

  async installCli({ version, root }) {
    // The SDK's own download waits up to 2 minutes on a network that drops packets: probe first.
    await fetch(INSTALL_SCRIPT, { method: "HEAD", signal: AbortSignal.timeout(INSTALL_PROBE_MS) });
    return new AutomationCli(await PulumiCommand.install({ version: new SemVer(version), root }));
  },

  async listPlugins(cli, env) {
    return (await workspace(cli, env)).listPlugins();
  },

  async installPlugin(cli, env, plugin) {
    await (await workspace(cli, env)).installPlugin(plugin.name, `v${plugin.version}`);
  },

  async createOrSelectStack(args) {
    return handle(await LocalWorkspace.createOrSelectStack(inline(args), stackOptions(args)));
  },

  async selectStack(args) {
    return handle(await LocalWorkspace.selectStack(inline(args), stackOptions(args)));
  },
};

function workspace(cli: PulumiCli, env: CliEnv): Promise<LocalWorkspace> {
  return LocalWorkspace.create({ ...env, pulumiCommand: commandOf(cli) });
}

const inline = (args: StackArgs) => ({
  projectName: args.projectName,
  stackName: args.stackName,
  program: args.program,
});

function stackOptions(args: StackArgs): LocalWorkspaceOptions {
  return {
    workDir: args.workDir,
    pulumiHome: args.pulumiHome,
    envVars: args.envVars,
    pulumiCommand: commandOf(args.cli),
    secretsProvider: "passphrase",
    projectSettings: { name: args.projectName, runtime: "nodejs", backend: { url: args.backendUrl } },
  };
}

function handle(stack: Stack): StackHandle {
  const run = (opts: OperationOptions) => ({
    onEvent: opts.onEvent,
    signal: opts.signal,
    color: "never" as const,
  });
  return {
    up: async (opts) => ({ outputs: (await stack.up(run(opts))).outputs }),
    preview: async (opts) => void (await stack.preview(run(opts))),
    refresh: async (opts) => void (await stack.refresh(run(opts))),
    destroy: async (opts) => void (await stack.destroy(run(opts))),
    remove: () => stack.workspace.removeStack(stack.name),
    outputs: () => stack.outputs(),
    cancel: () => stack.cancel(),
    exportState: () => stack.exportStack(),
    importState: (state) => stack.importStack(state),
  };
}
