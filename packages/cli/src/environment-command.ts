import { type Engine, type EngineName, type OpenedEnvironment, openEnvironment } from "@labctl/core";
import { LabctlCommand } from "./base-command";
import { findLab } from "./catalog";
import { abortOnInterrupt } from "./interrupt";
import { progressPrinter } from "./progress";

/** One opened environment: home, config, lab, spec, engine name, and the engine and client on demand. */
export type Target = OpenedEnvironment;

/** Commands that act on one (lab, student) environment. */
export abstract class EnvironmentCommand extends LabctlCommand {
  /**
   * Resolves the environment (core's openEnvironment). The engine is the flag, else the one that
   * built the environment, else the configured one: `verify` and `down` follow the environment.
   */
  protected target(
    labId: string,
    flags: { student?: string; class: string; engine?: EngineName; "docker-host"?: string },
  ): Target {
    return openEnvironment({
      labId,
      findLab,
      student: flags.student,
      classId: flags.class,
      engine: flags.engine,
      dockerHost: flags["docker-host"],
      home: () => this.home(),
    });
  }

  protected engine(target: Target): Engine {
    return target.engine();
  }

  protected docker(target: Target) {
    return target.docker();
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
