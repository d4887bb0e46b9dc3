import type { Check } from "./check";
import type { ProgramContext } from "./program-context";

/** Where a lab runs: a plain Docker engine, a Swarm, or a kind cluster. */
export type Platform = "docker" | "swarm" | "kind";

export interface LocalizedText {
  en: string;
  fr: string;
}

/** Plain values a lab's program exports once resolved (URLs, names, credentials). */
export type LabOutputs = Record<string, unknown>;

/**
 * A lab's Pulumi program. It declares resources with the Pulumi SDK and returns its outputs
 * (plain values or Pulumi Inputs). It lives in its own module so that listing labs never
 * loads the Pulumi SDK or a provider.
 */
export type LabProgram = (ctx: ProgramContext) => unknown | Promise<unknown>;

export interface LabProgramModule {
  default: LabProgram;
}

export interface LabDefinition<O extends LabOutputs = LabOutputs> {
  /** One string everywhere: folder, package suffix, CLI argument, Pulumi project. */
  id: string;
  title: LocalizedText;
  platform: Platform;
  /** Role -> default image reference (official images, pinned tags). The image map may override. */
  images: Record<string, string>;
  /** Roles that publish a host port; each gets one port from the student's block, in this order. */
  ports: string[];
  /** Names of per-student generated secrets (passwords). */
  secrets: string[];
  /** Lazily loads the program module, so metadata stays cheap to load. */
  program: () => Promise<LabProgramModule>;
  checks: Check<O>[];
  /** Hand-out file name, relative to the lab package root. */
  handout: string;
}

export interface Lab<O extends LabOutputs = LabOutputs> extends LabDefinition<O> {
  /** Sum of all checks' points. */
  readonly totalPoints: number;
}
