import type { Platform, SwarmPublishing } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { ExitCode, LabctlError } from "../errors";
import type { LabctlHome } from "../home/labctl-home";

/** The package that readies each platform that needs more than a plain engine (the CLI installs them). */
export const INFRA_PACKAGES: Readonly<Partial<Record<Platform, string>>> = {
  swarm: "@labctl/infra-swarm",
};

/**
 * What an infra package (`@labctl/infra-<platform>`) exports. Core loads it by name and knows it
 * only through this interface: infra packages depend on core, never the reverse.
 */
export interface InfraPackage {
  /** Before the engine's up: make the platform ready (idempotent) and say what the program needs. */
  prepare(opts: {
    home: LabctlHome;
    docker: Dockerode;
    signal?: AbortSignal;
  }): Promise<{ swarm?: SwarmPublishing }>;
  /** After the last environment of this platform is gone: undo only what prepare created. */
  release?(opts: { home: LabctlHome; docker: Dockerode }): Promise<void>;
  /** What `labctl doctor` shows about the platform on this engine (reads only). */
  describe?(opts: {
    home: LabctlHome;
    docker: Dockerode;
    /** config.yaml's swarmPublishing, already loaded (default: read from the home's config). */
    publishing?: "auto" | "mesh" | "host";
  }): Promise<InfraFinding[]>;
}

/** One line of doctor's report. */
export interface InfraFinding {
  name: string;
  status: "ok" | "warn" | "fail";
  detail: string;
}

/**
 * The infra package of a platform, loaded on first use (require, not import(): our output is
 * CommonJS); undefined for a platform that needs none (docker).
 */
export function loadInfra(platform: Platform): InfraPackage | undefined {
  const name = INFRA_PACKAGES[platform];
  if (name === undefined) return undefined;
  try {
    return require(name) as InfraPackage;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "MODULE_NOT_FOUND" || !(error as Error).message.includes(name)) throw error;
    throw new LabctlError(
      `The ${platform} platform needs ${name}, which is not installed.`,
      "Reinstall labctl (the CLI depends on it), or run `npm install` in a checkout.",
      ExitCode.infrastructure,
      "INFRA_MISSING",
      { cause: error },
    );
  }
}
