import { mkdir } from "node:fs/promises";
import type { LabctlHome } from "@labctl/core";
import { type EngineRunOptions, ExitCode, type Lab, LabctlError, type Platform } from "@labctl/sdk";
import { resolveCli } from "./cli-resolver";
import type { PulumiDriver } from "./driver";
import { installPluginIfMissing } from "./install-plugin";
import { ensurePassphrase } from "./passphrase";
import { PLATFORM_PLUGINS, PluginInstaller, pluginsFor } from "./plugins";
import type { StackBase } from "./stack-args";
import { PULUMI_VERSION } from "./version";

export interface SetupOptions {
  home: LabctlHome;
  driver: PulumiDriver;
  /** CLI version to find or install; defaults to PULUMI_VERSION. */
  version?: string;
  /** False: never download the CLI (offline rooms, tests). */
  installCli?: boolean;
  /** PULUMI_HOME for plugins; Pulumi's default (~/.pulumi) when unset, so pre-seeded plugins are found. */
  pulumiHome?: string;
  /** Plugins per platform, replacing the defaults. */
  plugins?: Record<Platform, string[]>;
  /** Plugin name -> version; defaults to the version of the installed `@pulumi/<name>` package. */
  pluginVersion?: (name: string) => string;
}

export interface EngineSetup {
  /** CLI, passphrase and state directory, once per engine (later callers share the first attempt). */
  preflight(opts?: EngineRunOptions): Promise<StackBase>;
  /** The labs' provider plugins, each installed at most once, one at a time. */
  ensurePlugins(labs: Pick<Lab, "platform">[], opts?: EngineRunOptions): Promise<void>;
}

export function createSetup(options: SetupOptions): EngineSetup {
  const { home, driver } = options;
  let ready: Promise<StackBase> | undefined;

  // Nothing is written under the labctl home until a CLI is found: a machine without one keeps no trace.
  const prepare = async (opts: EngineRunOptions = {}): Promise<StackBase> => {
    const version = options.version ?? PULUMI_VERSION;
    const root = home.pulumiRoot;
    const cli = await resolveCli(driver, {
      version,
      root,
      install: options.installCli,
      onEvent: opts.onEvent,
    });
    const passphrase = await prepareHome(home);
    const envVars = { PULUMI_CONFIG_PASSPHRASE: passphrase, PULUMI_SKIP_UPDATE_CHECK: "true" };
    return { home, cli, envVars, pulumiHome: options.pulumiHome };
  };
  const preflight = (opts?: EngineRunOptions) => {
    ready ??= prepare(opts);
    return ready;
  };

  const installer = new PluginInstaller(async (plugin) => {
    const { cli, envVars, pulumiHome } = await preflight();
    await installPluginIfMissing(driver, { workDir: home.root, envVars, pulumiHome }, cli, plugin);
  });

  return {
    preflight,
    async ensurePlugins(labs, opts) {
      await preflight(opts);
      await installer.ensure(pluginsFor(labs, options.plugins ?? PLATFORM_PLUGINS, options.pluginVersion));
    },
  };
}

/** The home's private parts (0700): the passphrase and the state backend. Returns the passphrase. */
async function prepareHome(home: LabctlHome): Promise<string> {
  try {
    await mkdir(home.root, { recursive: true, mode: 0o700 });
    const passphrase = await ensurePassphrase(home.passphraseFile);
    await mkdir(home.stateDir, { recursive: true, mode: 0o700 });
    return passphrase;
  } catch (e) {
    throw new LabctlError(
      `Cannot write the labctl home ${home.root}: ${(e as Error).message}.`,
      "Make it writable, or point LABCTL_HOME at a directory you own.",
      ExitCode.infrastructure,
      "HOME_UNWRITABLE",
      { cause: e },
    );
  }
}
