import type { Registration } from "@labctl/core";
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
  /** The explicit provider's reference (`<urn>::<id>`) when the resource was given one. */
  provider?: string;
}

/** Outputs the provider computes, which the mocks must invent: a pulled image's id, a built one's digest. */
const COMPUTED_OUTPUTS: Record<string, (name: string) => Record<string, string>> = {
  "docker:index/remoteImage:RemoteImage": (name) => ({ imageId: `sha256:${name}` }),
  "docker:index/image:Image": (name) => ({ repoDigest: `sha256:${name}` }),
};

/**
 * Mocks that record each registration as a program test looks at it, and the options watcher
 * that completes them (core's runProgram calls it: newResource sees only inputs).
 */
export function resourceRecorder(): {
  recorded: Map<string, RecordedResource>;
  mocks: pulumi.runtime.Mocks;
  onRegister: (registration: Registration) => void;
} {
  const recorded = new Map<string, RecordedResource>();
  const options = new Map<string, Pick<RecordedResource, "deleteBeforeReplace" | "dependencies">>();
  const mocks: pulumi.runtime.Mocks = {
    newResource: ({ type, name, inputs, provider }) => {
      // The run's root stack is the harness's, not the program's.
      if (type === "pulumi:pulumi:Stack") return { id: undefined, state: inputs };
      const secrets: unknown[] = [];
      const plain = unwrapSecrets(inputs, secrets) as RecordedResource["inputs"];
      const opts = options.get(name) ?? { deleteBeforeReplace: false, dependencies: [] };
      recorded.set(name, { type, name, inputs: plain, secrets, ...opts, ...(provider && { provider }) });
      const extra = COMPUTED_OUTPUTS[type]?.(name) ?? {};
      return { id: `${name}-id`, state: { ...inputs, ...extra } };
    },
    call: () => ({}),
  };
  const onRegister = ({ name, deleteBeforeReplace, dependencies }: Registration) =>
    options.set(name, { deleteBeforeReplace, dependencies });
  return { recorded, mocks, onRegister };
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

/** The recorded resource with this logical name; throws listing the names there are. */
export function recordedResource(resources: Map<string, RecordedResource>, name: string): RecordedResource {
  const found = resources.get(name);
  if (!found) throw new Error(`no resource ${name}; have ${[...resources.keys()].join(", ")}`);
  return found;
}
