import { type EnvironmentSpec, unwrapSecrets } from "@labctl/core";
import { cancelledError, DOCKER_PROVIDER } from "@labctl/docker";
import {
  type EngineEvent,
  ExitCode,
  isLabctlError,
  LabctlError,
  type ResourceAction,
  type ResourceChange,
} from "@labctl/sdk";
import type * as pulumi from "@pulumi/pulumi";
import type Dockerode from "dockerode";
import type { Current, Desired, KindContext, ResourceKind } from "./kinds/resource-kind";
import type { ResourceIdentity } from "./object-labels";
import { KINDS } from "./resource-types";

/** collect: record types, check inputs, touch nothing. plan: read Docker. apply: make it so. */
export type RealizerMode = "collect" | "plan" | "apply";

export interface RealizerOptions {
  spec: EnvironmentSpec;
  mode: RealizerMode;
  /** A client for a Docker host; undefined is the environment's default engine. */
  docker: (host: string | undefined) => Dockerode;
  signal?: AbortSignal;
  onEvent?: (event: EngineEvent) => void;
  /**
   * apply: nothing changes in Docker before this settles (once the program's body has run and its
   * first registrations are in), so a program declaring what this engine cannot make, or invalid
   * inputs, is refused before anything is created.
   */
  gate?: Promise<void>;
}

type MockResult = pulumi.runtime.MockResourceResult;

/**
 * Pulumi mocks that realize each declared docker resource through the Docker Engine API. A
 * failure never rejects back into Pulumi (that would surface as unhandled rejections): it is
 * recorded, later resources are skipped, and the caller throws `failure` once the program ends.
 */
export class Realizer implements pulumi.runtime.Mocks {
  readonly changes: ResourceChange[] = [];
  readonly unsupported = new Set<string>();
  readonly problems: string[] = [];
  /** Hosts named by docker.Provider resources. */
  readonly hosts = new Set<string>();
  /** Per host (undefined = default), the `type name` keys of declared resources. */
  readonly declared = new Map<string | undefined, Set<string>>();
  failure?: unknown;
  private readonly providers = new Map<string, string | undefined>();

  constructor(private readonly opts: RealizerOptions) {}

  call = (args: pulumi.runtime.MockCallArgs): Record<string, unknown> => {
    this.unsupported.add(`the function ${args.token}`);
    return {};
  };

  newResource = async (args: pulumi.runtime.MockResourceArgs): Promise<MockResult> => {
    if (args.type === DOCKER_PROVIDER) return this.provider(args);
    if (!args.custom) return { id: undefined, state: args.inputs };
    const kind = KINDS[args.type];
    if (!kind) {
      this.unsupported.add(args.type);
      return { id: `${args.name}-unsupported`, state: args.inputs };
    }
    const host = this.hostOf(args.provider);
    const keys = this.declared.get(host) ?? new Set<string>();
    this.declared.set(host, keys.add(declaredKey(args.type, args.name)));
    const inputs = unwrapSecrets<Record<string, unknown>>(args.inputs);
    const resource = { name: args.name, type: args.type };
    if (this.opts.mode === "collect") return this.collect(kind, inputs, resource);
    // Plan and apply validate as they go: the one run is also the check (no separate pass).
    const problem = problemOf(kind, inputs, resource);
    if (problem) {
      this.problems.push(problem);
      return { id: `${resource.name}-id`, state: inputs };
    }
    const ctx: KindContext = {
      docker: this.opts.docker(host),
      spec: this.opts.spec,
      resource,
      signal: this.opts.signal,
    };
    return this.opts.mode === "plan" ? this.plan(kind, ctx, inputs) : this.apply(kind, ctx, inputs);
  };

  private provider(args: pulumi.runtime.MockResourceArgs): MockResult {
    const host = unwrapSecrets<{ host?: string }>(args.inputs).host || undefined;
    const id = `${args.name}-provider`;
    this.providers.set(id, host);
    if (host) this.hosts.add(host);
    return { id, state: args.inputs };
  }

  /** Mock provider references read `<urn>::<id>`; no reference means the default provider. */
  private hostOf(ref: string | undefined): string | undefined {
    return ref ? this.providers.get(ref.slice(ref.lastIndexOf("::") + 2)) : undefined;
  }

  private collect(
    kind: ResourceKind,
    inputs: Record<string, unknown>,
    resource: ResourceIdentity,
  ): MockResult {
    const problem = problemOf(kind, inputs, resource);
    if (problem) this.problems.push(problem);
    return { id: `${resource.name}-id`, state: inputs };
  }

  /** What the program declared that this engine cannot realize (a lab bug): nothing may be changed. */
  get refused(): boolean {
    return this.unsupported.size > 0 || this.problems.length > 0;
  }

  private async plan(
    kind: ResourceKind,
    ctx: KindContext,
    inputs: Record<string, unknown>,
  ): Promise<MockResult> {
    try {
      const desired = await kind.desire(ctx, inputs);
      const [current] = await kind.current(ctx, desired);
      const action = decide(desired, current, kind);
      this.changes.push({ action, ...ctx.resource });
      const state =
        current && action === "same" ? await kind.observe(ctx, desired, current) : kind.placeholder(desired);
      return { id: String(state.id), state };
    } catch (error) {
      this.failure ??= explain(error, "create", ctx.resource);
      return { id: undefined, state: inputs };
    }
  }

  private async apply(
    kind: ResourceKind,
    ctx: KindContext,
    inputs: Record<string, unknown>,
  ): Promise<MockResult> {
    await this.opts.gate;
    if (this.opts.signal?.aborted) this.failure ??= cancelledError();
    if (this.failure || this.refused) return { id: undefined, state: inputs };
    let action: ResourceAction = "create";
    try {
      const desired = await kind.desire(ctx, inputs);
      const [current, ...strays] = await kind.current(ctx, desired);
      action = decide(desired, current, kind);
      if (action !== "same") this.emit(action, ctx.resource, "start");
      for (const stray of strays) await kind.remove(ctx, stray);
      if (current && action === "replace") await kind.remove(ctx, current);
      const state =
        current && action === "same"
          ? await keep(kind, ctx, desired, current)
          : current && action === "update" && kind.update
            ? await kind.update(ctx, desired, current)
            : await kind.create(ctx, desired);
      this.emit(action, ctx.resource, "done");
      this.changes.push({ action, ...ctx.resource });
      return { id: String(state.id), state };
    } catch (error) {
      const failure = this.opts.signal?.aborted ? cancelledError() : explain(error, action, ctx.resource);
      this.failure ??= failure;
      this.emit(action, ctx.resource, "failed", failure.message);
      return { id: undefined, state: inputs };
    }
  }

  private emit(
    action: ResourceAction,
    resource: ResourceIdentity,
    phase: "start" | "done" | "failed",
    message?: string,
  ) {
    this.opts.onEvent?.({
      kind: "resource",
      action,
      type: resource.type,
      name: resource.name,
      phase,
      message,
    });
  }
}

export const declaredKey = (type: string, name: string) => `${type} ${name}`;

/** The kind's own check of its inputs, as a line naming the resource; undefined when valid. */
function problemOf(kind: ResourceKind, inputs: Record<string, unknown>, resource: ResourceIdentity) {
  try {
    kind.validate?.(inputs as never, resource);
    return undefined;
  } catch (error) {
    return `${resource.name}: ${(error as Error).message}`;
  }
}

const keep = (kind: ResourceKind, ctx: KindContext, desired: Desired, current: Current) =>
  kind.keep ? kind.keep(ctx, desired, current) : kind.observe(ctx, desired, current);

function decide(desired: Desired<unknown>, current: Current | undefined, kind: ResourceKind): ResourceAction {
  if (!current) return "create";
  if (current.hash === desired.hash && current.reusable) return "same";
  return kind.update ? "update" : "replace";
}

/** A Docker API error becomes a sentence naming the resource; our own errors pass through. */
function explain(error: unknown, action: ResourceAction, resource: ResourceIdentity): LabctlError {
  if (isLabctlError(error)) return error;
  const detail =
    (error as { json?: { message?: string } }).json?.message ?? (error as Error).message ?? String(error);
  const what = resource.type.split(":").pop() ?? resource.type;
  return new LabctlError(
    `Could not ${action} ${what} "${resource.name}": ${detail}`,
    "Check the message above; if another program holds that name or port, free it and run up again.",
    ExitCode.infrastructure,
    "DOCKER_API",
    { cause: error },
  );
}
