import type { DownResult, Engine, EnvironmentSpec, LabctlHome, PreviewResult, UpResult } from "@labctl/core";
import { dockerClient, hostFromEnvironment, listAll, pingDocker, removalOf, teardown } from "@labctl/docker";
import type { EngineRunOptions, LabOutputs } from "@labctl/sdk";
import { BOOKKEEPING, environmentSelector } from "./object-labels";
import { forgetEnvironment, loadEnvironment, saveEnvironment } from "./outputs-file";
import { refuseUnservedPlatform } from "./platform-guard";

/**
 * Running a program loads the Pulumi SDK and the realizer (about a second): required only when a
 * program runs, so that `verify` reading the saved outputs never pays for it.
 */
const programs = () => require("./environment-run") as typeof import("./environment-run");

/**
 * `--engine docker`: runs a lab's Pulumi program under Pulumi's mock runtime and creates each
 * docker resource through the Docker Engine API. No Pulumi CLI, no plugins, no state backend:
 * Docker labels are the state (spec hash per object), plus the outputs file for `outputs`.
 */
export function createDockerEngine(opts: {
  home: LabctlHome;
  /** The host in force (config.dockerHost); without one, DOCKER_HOST, then the local socket. */
  dockerHost?: string;
}): Engine {
  const { home } = opts;
  const dockerHost = opts.dockerHost ?? hostFromEnvironment();
  const clientsFor = (spec: EnvironmentSpec) => programs().clientsFor(spec, dockerHost);
  return {
    name: "docker",
    // One ping with the short budget: a down or wedged engine is exit 2 naming the host.
    preflight: () => pingDocker(dockerClient(dockerHost)),
    async up(spec: EnvironmentSpec, run: EngineRunOptions = {}): Promise<UpResult> {
      refuseUnservedPlatform(spec);
      const docker = clientsFor(spec);
      const { hostsOf, realize, undeclared } = programs();
      run.onEvent?.({ kind: "step", message: "Creating the environment" });
      const { realizer, outputs } = await realize(spec, "apply", docker, run);
      const changes = [...realizer.changes];
      for (const host of hostsOf(realizer)) {
        const filter = undeclared(realizer, host);
        changes.push(...(await teardown(docker(host), environmentSelector(spec), { ...run, filter })));
      }
      await saveEnvironment(home, spec, { outputs, hosts: [...realizer.hosts] });
      return { outputs, changes };
    },
    async preview(spec: EnvironmentSpec, run: EngineRunOptions = {}): Promise<PreviewResult> {
      refuseUnservedPlatform(spec);
      const docker = clientsFor(spec);
      const { hostsOf, realize, undeclared } = programs();
      const { realizer } = await realize(spec, "plan", docker, run);
      const changes = [...realizer.changes];
      for (const host of hostsOf(realizer)) {
        const objects = await listAll(docker(host), environmentSelector(spec));
        changes.push(...objects.filter(undeclared(realizer, host)).map(removalOf));
      }
      return { changes };
    },
    async down(spec: EnvironmentSpec, run: EngineRunOptions = {}): Promise<DownResult> {
      const docker = clientsFor(spec);
      const hosts = new Set<string | undefined>([
        undefined,
        ...((await loadEnvironment(home, spec))?.hosts ?? []),
      ]);
      // The program may name more hosts than the last up saw; a broken program must not block down.
      const realizer = await programs()
        .checkProgram(spec, docker)
        .catch(() => undefined);
      for (const host of realizer?.hosts ?? []) hosts.add(host);
      const removed = [];
      for (const host of hosts)
        removed.push(...(await teardown(docker(host), environmentSelector(spec), run)));
      await forgetEnvironment(home, spec);
      return { removed };
    },
    async outputs(spec: EnvironmentSpec): Promise<LabOutputs | undefined> {
      const saved = await loadEnvironment(home, spec);
      if (saved) return saved.outputs;
      const docker = clientsFor(spec);
      const objects = await listAll(docker(undefined), environmentSelector(spec));
      if (!objects.some((object) => object.labels[BOOKKEEPING.resource])) return undefined;
      // Objects without the file (another machine's home, a lost file): recompute from the program.
      return (await programs().realize(spec, "plan", docker)).outputs;
    },
  };
}
