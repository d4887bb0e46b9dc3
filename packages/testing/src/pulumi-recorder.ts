import * as pulumi from "@pulumi/pulumi";

/** One resource registration as the engine would receive it. */
export interface RecordedResource {
  type: string;
  /** Logical (Pulumi) name. */
  name: string;
  /** Inputs with secrets unwrapped. */
  // biome-ignore lint/suspicious/noExplicitAny: untyped engine JSON; tests assert its shape.
  inputs: Record<string, any>;
  /** Every input value that travelled as a Pulumi secret. */
  secrets: unknown[];
  deleteBeforeReplace: boolean;
  /** Logical names of the resources this one depends on (dependsOn and input dependencies). */
  dependencies: string[];
}

/** Outputs the provider computes, which the mocks must invent: a pulled image's id, a built one's digest. */
const COMPUTED_OUTPUTS: Record<string, (name: string) => Record<string, string>> = {
  "docker:index/remoteImage:RemoteImage": (name) => ({ imageId: `sha256:${name}` }),
  "docker:index/image:Image": (name) => ({ repoDigest: `sha256:${name}` }),
};

type RegisterRequest = {
  getName(): string;
  getDeletebeforereplace(): boolean;
  getDependenciesList(): string[];
};

/**
 * Installs Pulumi's mocks (process-global: once per test file, before loading the program) and
 * records each registration. The mocks' newResource sees only inputs, so the monitor is wrapped
 * too: resource options (dependsOn, deleteBeforeReplace) are only visible on its requests.
 */
export async function recordResources(
  project: string,
  stack: string,
): Promise<Map<string, RecordedResource>> {
  const recorded = new Map<string, RecordedResource>();
  const options = new Map<string, Pick<RecordedResource, "deleteBeforeReplace" | "dependencies">>();
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name, inputs }) => {
        const secrets: unknown[] = [];
        const plain = unwrapSecrets(inputs, secrets) as RecordedResource["inputs"];
        const opts = options.get(name) ?? { deleteBeforeReplace: false, dependencies: [] };
        recorded.set(name, { type, name, inputs: plain, secrets, ...opts });
        const extra = COMPUTED_OUTPUTS[type]?.(name) ?? {};
        return { id: `${name}-id`, state: { ...inputs, ...extra } };
      },
      call: () => ({}),
    },
    project,
    stack,
  );
  const monitor = pulumi.runtime.getMonitor() as unknown as {
    registerResource(req: RegisterRequest, cb: unknown): void;
  };
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, cb) => {
    options.set(req.getName(), {
      deleteBeforeReplace: req.getDeletebeforereplace(),
      dependencies: req.getDependenciesList().map((urn) => urn.split("::").pop() ?? urn),
    });
    register(req, cb);
  };
  return recorded;
}

function unwrapSecrets(value: unknown, secrets: unknown[]): unknown {
  if (pulumi.runtime.isRpcSecret(value)) {
    const inner = unwrapSecrets(pulumi.runtime.unwrapRpcSecret(value), secrets);
    secrets.push(inner);
    return inner;
  }
  if (Array.isArray(value)) return value.map((v) => unwrapSecrets(v, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v, secrets)]));
  }
  return value;
}

/** Resolves a program's outputs (any mix of plain values and Outputs) once every resource is registered. */
export function resolveOutputs<T extends Record<string, unknown>>(
  outputs: T,
): Promise<Record<keyof T, unknown>> {
  return new Promise((resolve) =>
    pulumi.output(outputs).apply((v) => resolve(v as Record<keyof T, unknown>)),
  );
}

/** The recorded resource with this logical name; throws listing the names there are. */
export function recordedResource(resources: Map<string, RecordedResource>, name: string): RecordedResource {
  const found = resources.get(name);
  if (!found) throw new Error(`no resource ${name}; have ${[...resources.keys()].join(", ")}`);
  return found;
}
