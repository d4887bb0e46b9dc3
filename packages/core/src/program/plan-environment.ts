import { DOCKER_PROVIDER, OBJECT_KIND_OF } from "@labctl/docker";
import type * as pulumi from "@pulumi/pulumi";
import type { EnvironmentSpec, PlannedObject } from "../engine/types";
import { stackName } from "../naming/names";
import { programContext } from "./program-context";
import { runProgram } from "./program-runner";
import { unwrapSecrets } from "./pulumi-values";

interface Inputs {
  name?: string;
  host?: string;
  driver?: string;
  ipamConfigs?: { subnet?: string }[];
}

/**
 * The containers, networks and volumes an environment's program declares on the environment's
 * own engine, from a dry run under Pulumi mocks: nothing touches Docker. Secrets not generated
 * yet get placeholders (the plan never uses their values).
 */
export async function planEnvironment(spec: EnvironmentSpec): Promise<PlannedObject[]> {
  const planned: PlannedObject[] = [];
  const remoteProviders = new Set<string>();
  const mocks: pulumi.runtime.Mocks = {
    call: () => ({}),
    newResource: async (args) => {
      const inputs = unwrapSecrets<Inputs>(args.inputs);
      const id = `${args.name}-id`;
      if (args.type === DOCKER_PROVIDER) {
        if (inputs.host) remoteProviders.add(id);
        return { id, state: args.inputs };
      }
      const onOtherHost =
        args.provider !== undefined &&
        remoteProviders.has(args.provider.slice(args.provider.lastIndexOf("::") + 2));
      const kind = OBJECT_KIND_OF[args.type];
      if (!onOtherHost && (kind === "container" || kind === "network" || kind === "volume")) {
        const subnets = (inputs.ipamConfigs ?? [])
          .map((c) => c.subnet)
          .filter((s): s is string => Boolean(s));
        planned.push({
          kind,
          name: inputs.name ?? args.name,
          ...(kind === "network" && { driver: inputs.driver ?? "bridge", subnets }),
        });
      }
      return { id, state: args.inputs };
    },
  };
  const secrets = Object.fromEntries(
    spec.lab.secrets.map((name) => [name, spec.secrets[name] ?? "planned-secret"]),
  );
  const module = await spec.lab.program();
  await runProgram({
    program: () => module.default(programContext({ ...spec, secrets })),
    project: spec.lab.id,
    stack: stackName(spec.student.id, spec.classId),
    preview: true,
    mocks,
  });
  return planned;
}
