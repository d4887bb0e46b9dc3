import { ExitCode, type Lab, LabctlError, type Platform } from "@labctl/sdk";
import type { PluginRef } from "./driver";

/** Provider plugins each platform's programs use (kind labs talk to the cluster, not to Docker). */
export const PLATFORM_PLUGINS: Record<Platform, string[]> = {
  docker: ["docker"],
  swarm: ["docker"],
  kind: ["kubernetes"],
};

/**
 * The plugin version a provider's npm package was generated for (`@pulumi/<name>`), which is
 * the one its resources ask the engine for.
 */
export function npmPluginVersion(name: string): string {
  try {
    const pkg = require(`@pulumi/${name}/package.json`) as { version: string; pulumi?: { version?: string } };
    return pkg.pulumi?.version ?? pkg.version;
  } catch {
    throw new LabctlError(
      `The Pulumi provider package @pulumi/${name} is not installed.`,
      `Install it in the lab's package (\`npm install @pulumi/${name}\`) and run the command again.`,
      ExitCode.infrastructure,
      "PULUMI_PROVIDER_MISSING",
    );
  }
}

/** The distinct plugins a set of labs needs. */
export function pluginsFor(
  labs: Pick<Lab, "platform">[],
  table: Record<Platform, string[]> = PLATFORM_PLUGINS,
  versionOf: (name: string) => string = npmPluginVersion,
): PluginRef[] {
  const names = [...new Set(labs.flatMap((lab) => table[lab.platform] ?? []))];
  return names.map((name) => ({ name, version: versionOf(name) }));
}

/**
 * Installs each plugin at most once per process, one at a time: N environments brought up in
 * parallel share one install instead of racing N downloads into the same plugin directory.
 * A failed install stays failed, so N environments report it without N more downloads.
 */
export class PluginInstaller {
  private readonly installs = new Map<string, Promise<void>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly installOne: (plugin: PluginRef) => Promise<void>) {}

  ensure(plugins: PluginRef[]): Promise<void> {
    return Promise.all(plugins.map((plugin) => this.once(plugin))).then(() => undefined);
  }

  private once(plugin: PluginRef): Promise<void> {
    const key = `${plugin.name}@${plugin.version}`;
    let install = this.installs.get(key);
    if (!install) {
      install = this.queue.then(() => this.installOne(plugin));
      this.queue = install.catch(() => undefined);
      this.installs.set(key, install);
    }
    return install;
  }
}
