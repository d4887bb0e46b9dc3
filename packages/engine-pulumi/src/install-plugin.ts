import { ExitCode, LabctlError } from "@labctl/sdk";
import type { CliEnv, PluginRef, PulumiCli, PulumiDriver } from "./driver";

const bare = (version: string | undefined) => (version ?? "").replace(/^v/, "");

/**
 * Installs one resource plugin unless that exact version is already there (pre-seeded for an
 * offline room, or installed by an earlier run): `pulumi plugin install` is only asked to
 * download what is missing.
 */
export async function installPluginIfMissing(
  driver: PulumiDriver,
  env: CliEnv,
  cli: PulumiCli,
  plugin: PluginRef,
): Promise<void> {
  const installed = await driver.listPlugins(cli, env);
  const present = installed.some(
    (p) => p.name === plugin.name && p.kind === "resource" && bare(p.version) === bare(plugin.version),
  );
  if (present) return;
  try {
    await driver.installPlugin(cli, env, plugin);
  } catch (e) {
    throw new LabctlError(
      `The Pulumi plugin ${plugin.name} ${plugin.version} is not installed and could not be downloaded.`,
      `Pre-seed it (\`pulumi plugin install resource ${plugin.name} ${plugin.version}\` on a connected machine, then copy ~/.pulumi/plugins) or use \`--engine docker\`.`,
      ExitCode.infrastructure,
      "PULUMI_PLUGIN_MISSING",
      { cause: e },
    );
  }
}
