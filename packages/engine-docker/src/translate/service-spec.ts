import { labelMap } from "@labctl/core";
import type Dockerode from "dockerode";
import { parseGoDuration } from "../go-duration";
import { healthcheck } from "./container-options";
import { mountSettings } from "./host-config";
import type { FileRef, Resources, RolloutConfig, ServiceInputs } from "./service-inputs";

const file = (ref: FileRef) => ({
  Name: ref.fileName,
  UID: ref.fileUid ?? "0",
  GID: ref.fileGid ?? "0",
  Mode: ref.fileMode ?? 0o444,
});
const resources = (r: Resources | undefined) => r && { NanoCPUs: r.nanoCpus, MemoryBytes: r.memoryBytes };
const rollout = (c: RolloutConfig | undefined) =>
  c && {
    Parallelism: c.parallelism,
    Delay: parseGoDuration(c.delay),
    FailureAction: c.failureAction,
    Monitor: parseGoDuration(c.monitor),
    MaxFailureRatio: c.maxFailureRatio === undefined ? undefined : Number(c.maxFailureRatio),
    Order: c.order,
  };

/**
 * Translates a Service's resolved inputs into a Swarm ServiceSpec (pure). `taskLabels` go on the
 * task containers (ContainerSpec labels, after the program's), so `gc` and `down` find them.
 */
export function serviceSpec(
  inputs: ServiceInputs,
  name: string,
  labels: Record<string, string>,
  taskLabels: Record<string, string> = {},
): Dockerode.CreateServiceOptions {
  const task = inputs.taskSpec;
  const c = task.containerSpec;
  const ports = inputs.endpointSpec?.ports ?? [];
  const endpointMode = inputs.endpointSpec?.mode ?? "vip";
  for (const p of ports) {
    if (endpointMode === "dnsrr" && (p.publishMode ?? "ingress") === "ingress") {
      throw new Error(
        `endpointSpec.mode "dnsrr" cannot publish port ${p.targetPort} through the routing mesh: give it publishMode "host"`,
      );
    }
  }
  return {
    Name: name,
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: c.image,
        Labels: { ...labelMap(c.labels), ...taskLabels },
        Command: c.commands,
        Args: c.args,
        Env: c.env && Object.entries(c.env).map(([key, value]) => `${key}=${value}`),
        Dir: c.dir,
        User: c.user,
        Groups: c.groups,
        Hostname: c.hostname,
        Mounts: c.mounts?.map(mountSettings),
        Secrets: c.secrets?.map((s) => ({ File: file(s), SecretID: s.secretId, SecretName: s.secretName })),
        Configs: c.configs?.map((s) => ({ File: file(s), ConfigID: s.configId, ConfigName: s.configName })),
        HealthCheck: healthcheck(c.healthcheck),
        ReadOnly: c.readOnly,
        Init: c.init,
        StopSignal: c.stopSignal,
        StopGracePeriod: parseGoDuration(c.stopGracePeriod),
        Hosts: c.hosts?.map(({ host, ip }) => `${ip} ${host}`),
        DNSConfig: c.dnsConfig && {
          Nameservers: c.dnsConfig.nameservers,
          Search: c.dnsConfig.searches,
          Options: c.dnsConfig.options,
        },
        CapabilityAdd: c.capAdds,
        CapabilityDrop: c.capDrops,
        Sysctls: c.sysctl,
      },
      Networks: task.networksAdvanceds?.map((n) => ({
        Target: n.id ?? n.name,
        Aliases: n.aliases,
        DriverOpts: driverOpts(n.driverOpts),
      })),
      RestartPolicy: task.restartPolicy && {
        Condition: task.restartPolicy.condition,
        Delay: parseGoDuration(task.restartPolicy.delay),
        MaxAttempts: task.restartPolicy.maxAttempts,
        Window: parseGoDuration(task.restartPolicy.window),
      },
      Placement: task.placement && {
        Constraints: task.placement.constraints,
        Preferences: task.placement.prefs?.map((pref) => ({
          Spread: { SpreadDescriptor: pref.replace(/^spread=/, "") },
        })),
        MaxReplicas: task.placement.maxReplicas,
      },
      Resources: task.resources && {
        Limits: resources(task.resources.limits),
        Reservations: resources(task.resources.reservation),
      },
      LogDriver: task.logDriver && { Name: task.logDriver.name, Options: task.logDriver.options },
      ForceUpdate: task.forceUpdate,
      Runtime: task.runtime,
    },
    Mode: inputs.mode?.global
      ? { Global: {} }
      : { Replicated: { Replicas: inputs.mode?.replicated?.replicas ?? 1 } },
    UpdateConfig: rollout(inputs.updateConfig),
    RollbackConfig: rollout(inputs.rollbackConfig),
    EndpointSpec: {
      Mode: endpointMode,
      Ports: ports.map((p) => ({
        Name: p.name,
        Protocol: p.protocol ?? "tcp",
        TargetPort: p.targetPort,
        PublishedPort: p.publishedPort,
        PublishMode: p.publishMode ?? "ingress",
      })),
    },
  } as Dockerode.CreateServiceOptions;
}

function driverOpts(list: string[] | undefined): Record<string, string> | undefined {
  return (
    list &&
    Object.fromEntries(
      list.map((item) => [item.slice(0, item.indexOf("=")), item.slice(item.indexOf("=") + 1)]),
    )
  );
}
