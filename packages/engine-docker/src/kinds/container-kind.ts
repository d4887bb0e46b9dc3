import { labelMap } from "@labctl/core";
import { containerLogs, removeObject, waitForExit, waitUntilReady } from "@labctl/docker";
import type Dockerode from "dockerode";
import { inputsHash, objectLabels } from "../object-labels";
import { tarArchive } from "../tar-archive";
import type { ContainerInputs } from "../translate/container-inputs";
import { containerPlan, endpoint } from "../translate/container-options";
import { ensureImage, localImage } from "./image-tools";
import { freeName, labelledCurrent } from "./labelled-objects";
import type { Desired, KindContext, ResourceKind, State } from "./resource-kind";

/** A long-running container must be running to be kept; a run-to-completion one is kept as it ended. */
const mustStayRunning = (inputs: ContainerInputs) =>
  inputs.start !== false && !inputs.attach && !inputs.rm && inputs.mustRun !== false;

const timeoutMs = (inputs: ContainerInputs) => (inputs.waitTimeout ?? 60) * 1000;

async function describe(
  container: Dockerode.Container,
  inputs: ContainerInputs,
  logs?: string,
): Promise<State> {
  const info = await container.inspect();
  return {
    ...inputs,
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    hostname: info.Config.Hostname,
    exitCode: info.State.ExitCode,
    containerLogs: logs,
    networkDatas: Object.entries(info.NetworkSettings.Networks ?? {}).map(([networkName, net]) => ({
      networkName,
      ipAddress: net.IPAddress,
      ipPrefixLength: net.IPPrefixLen,
      gateway: net.Gateway,
      macAddress: net.MacAddress,
    })),
  };
}

/**
 * Starts a new container (or looks at a kept one) the way the provider does: `attach` waits for
 * it to exit and `logs` captures its output, so checks can read exit code and logs; `wait` waits
 * until healthy, or running when it has no healthcheck.
 */
async function settle(
  ctx: KindContext,
  desired: Desired<ContainerInputs>,
  container: Dockerode.Container,
  fresh: boolean,
) {
  const { inputs } = desired;
  if (inputs.start === false) return describe(container, inputs);
  if (inputs.attach) {
    if (fresh) await container.start();
    const exitCode = await waitForExit(container, timeoutMs(inputs), ctx.signal);
    const logs = inputs.logs ? await containerLogs(container) : undefined;
    if (!inputs.rm) return describe(container, inputs, logs);
    const state = { ...(await describe(container, inputs, logs)), exitCode };
    await removeObject(ctx.docker, { kind: "container", id: container.id, name: desired.name, labels: {} });
    return state;
  }
  if (fresh) await container.start();
  if (inputs.wait) await waitUntilReady(container, timeoutMs(inputs), ctx.signal);
  return describe(container, inputs);
}

/** `docker.Container`. */
export const containerKind: ResourceKind<ContainerInputs> = {
  validate(inputs, resource) {
    containerPlan(inputs, inputs.name ?? resource.name, {});
  },
  async desire(ctx, inputs) {
    // Waiting and log capture change how up behaves, not the object: they stay out of the hash.
    const { wait, waitTimeout, mustRun, logs, ...shape } = inputs;
    const imageId = (await localImage(ctx.docker, inputs.image))?.Id;
    return {
      inputs,
      name: inputs.name ?? ctx.resource.name,
      hash: inputsHash(ctx.resource.type, shape, { imageId }),
    };
  },
  async current(ctx, desired) {
    const found = await labelledCurrent(ctx, "container");
    const first = found[0];
    if (first && mustStayRunning(desired.inputs)) {
      const info = await ctx.docker.getContainer(first.id).inspect();
      first.reusable = info.State.Running;
    }
    return found;
  },
  async create(ctx, desired) {
    const { inputs, name } = desired;
    const labels = objectLabels(ctx.spec, labelMap(inputs.labels), ctx.resource, desired.hash);
    const plan = containerPlan(inputs, name, labels);
    // `rm` with `attach`: we remove it ourselves once its exit code and logs are read.
    if (plan.create.HostConfig && inputs.attach) plan.create.HostConfig.AutoRemove = false;
    await ensureImage(ctx.docker, inputs.image, ctx.signal);
    await freeName(ctx, "container", name);
    const container = await ctx.docker.createContainer(plan.create);
    for (const net of plan.connect) {
      await ctx.docker
        .getNetwork(net.network)
        .connect({ Container: container.id, EndpointConfig: endpoint(net) });
    }
    if (plan.uploads.length > 0) await container.putArchive(tarArchive(plan.uploads), { path: "/" });
    return settle(ctx, desired, container, true);
  },
  async observe(ctx, desired, current) {
    const container = ctx.docker.getContainer(current.id);
    const { attach, logs } = desired.inputs;
    return describe(container, desired.inputs, attach && logs ? await containerLogs(container) : undefined);
  },
  keep: (ctx, desired, current) => settle(ctx, desired, ctx.docker.getContainer(current.id), false),
  remove: (ctx, current) =>
    removeObject(ctx.docker, { kind: "container", id: current.id, name: current.name, labels: {} }),
  placeholder: (desired) => ({
    ...desired.inputs,
    name: desired.name,
    id: `(container ${desired.name})`,
    exitCode: 0,
  }),
};
