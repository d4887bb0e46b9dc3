import type { EnvironmentSpec } from "@labctl/core";
import type Dockerode from "dockerode";
import type { ResourceIdentity } from "../object-labels";

export type State = Record<string, unknown>;

export interface KindContext {
  docker: Dockerode;
  spec: EnvironmentSpec;
  resource: ResourceIdentity;
  signal?: AbortSignal;
}

/** What a resource should look like, computed from its resolved inputs. */
export interface Desired<I = Record<string, unknown>> {
  inputs: I;
  /** Docker object name (or image reference). */
  name: string;
  hash: string;
}

/** An object found for a resource. */
export interface Current {
  id: string;
  name: string;
  hash?: string;
  /** False when the object matches but is in no state to keep (a stopped container that must run). */
  reusable: boolean;
}

/**
 * How one Pulumi resource type is realized. The realizer decides create / same / replace from
 * `current` and `desired`, and calls the rest; `desire` and `current` never change Docker, so a
 * preview can call them too.
 */
export interface ResourceKind<I = Record<string, unknown>> {
  /** Checks inputs without Docker (durations, unsupported options): runs before anything is created. */
  validate?(inputs: I, resource: ResourceIdentity): void;
  desire(ctx: KindContext, inputs: I): Promise<Desired<I>>;
  /** Objects found for the resource; any beyond the first are stray duplicates. */
  current(ctx: KindContext, desired: Desired<I>): Promise<Current[]>;
  create(ctx: KindContext, desired: Desired<I>): Promise<State>;
  /** The state of an existing object, read without changing or waiting for anything (previews). */
  observe(ctx: KindContext, desired: Desired<I>, current: Current): Promise<State>;
  /** The state of a kept object on up; defaults to `observe` (a container may wait to be ready again). */
  keep?(ctx: KindContext, desired: Desired<I>, current: Current): Promise<State>;
  /**
   * Changes the object in place when its inputs changed (a Swarm service's rolling update); a kind
   * without it is replaced (remove, then create).
   */
  update?(ctx: KindContext, desired: Desired<I>, current: Current): Promise<State>;
  remove(ctx: KindContext, current: Current): Promise<void>;
  /** The state a preview reports for an object not created yet. */
  placeholder(desired: Desired<I>): State;
}
