import {
  dockerClient,
  type Engine,
  type EngineName,
  type EnvironmentSpec,
  type LabctlConfig,
  type LabctlHome,
  loadEngine,
  readRecord,
  resolveEnvironment,
} from "@labctl/core";
import type { Lab } from "@labctl/sdk";
import { LabctlCommand } from "./base-command";
import { findLab } from "./catalog";
import { abortOnInterrupt } from "./interrupt";
import { progressPrinter } from "./progress";

export interface Target {
  home: LabctlHome;
  config: LabctlConfig;
  lab: Lab;
  spec: EnvironmentSpec;
  engineName: EngineName;
}

/** Commands that act on one (lab, student) environment. */
export abstract class EnvironmentCommand extends LabctlCommand {
  /**
   * Resolves the environment. The engine is the flag, else the one that built the environment,
   * else the configured one: `verify` and `down` follow the environment.
   */
  protected target(
    labId: string,
    flags: { student?: string; class: string; engine?: EngineName; "docker-host"?: string },
    claimPorts = false,
  ): Target {
    const lab = findLab(labId);
    const student = this.student(flags.student);
    const classId = this.classId(flags.class);
    const home = this.home();
    const config = this.labctlConfig(home, flags);
    const record = readRecord(home, classId, lab.id, student.id);
    const engineName = flags.engine ?? record?.engine ?? config.engine;
    const spec = resolveEnvironment(home, config, lab, student, classId, claimPorts);
    return { home, config, lab, spec, engineName };
  }

  protected engine(target: Target): Engine {
    return loadEngine(target.engineName, target.home, { dockerHost: target.config.dockerHost });
  }

  protected docker(target: Target) {
    return dockerClient(target.config.dockerHost);
  }

  /** Runs engine work with progress on stderr and Ctrl-C turned into a graceful cancel. */
  protected async withProgress<T>(
    work: (opts: { signal: AbortSignal; onEvent: ReturnType<typeof progressPrinter> }) => Promise<T>,
  ): Promise<T> {
    const interrupt = abortOnInterrupt(() => this.logToStderr("Cancelling… (Ctrl-C again to quit now)"));
    try {
      return await work({
        signal: interrupt.signal,
        onEvent: progressPrinter({ json: this.jsonEnabled(), write: (l) => this.logToStderr(l) }),
      });
    } finally {
      interrupt.dispose();
    }
  }
}
