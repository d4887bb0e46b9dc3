import {
  type LabctlConfig,
  type LabctlHome,
  loadConfig,
  resolveHome,
  studentFor,
  validId,
} from "@labctl/core";
import { DEFAULT_CLASS, type ExitCode, isLabctlError, LabctlError, type Student } from "@labctl/sdk";
import type { Interfaces } from "@oclif/core";
import { Command } from "@oclif/core/command";
import * as Flags from "@oclif/core/flags";
import { checkHome } from "./output-paths";
import { renderFailure } from "./render-failure";
import { usageError } from "./usage-error";

// oclif's FlagOutput and ArgOutput (not exported from its Interfaces).
type FlagOutput = Record<string, unknown>;
type ArgOutput = Record<string, unknown>;
type Input<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput> = Interfaces.Input<F, B, A>;
type ParserOutput<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput> = Interfaces.ParserOutput<
  F,
  B,
  A
>;

/** Flags shared by every command that targets one student's environment. */
/** `--docker-host`: wins over DOCKER_HOST and config.yaml's dockerHost (README, Configuration). */
export const dockerHostFlag = {
  "docker-host": Flags.string({
    description:
      "Docker engine to use: unix:///path, tcp://host:port or ssh://user@host (default: DOCKER_HOST, then config dockerHost, then the local socket)",
    helpGroup: "DOCKER",
  }),
};

/** Flags shared by every command that targets one student's environment (all of them talk to Docker). */
export const environmentFlags = {
  student: Flags.string({ char: "s", description: "student id (default: your OS user name, as a slug)" }),
  class: Flags.string({ description: "class id the environment belongs to", default: DEFAULT_CLASS }),
  ...dockerHostFlag,
};

export const engineFlag = Flags.option({
  options: ["pulumi", "docker"] as const,
  description: "engine that builds environments (default: config `engine`, env LABCTL_ENGINE, else pulumi)",
})();

/** `--yes`: the answer to "… Type y to continue" given in advance (scripts, CI). */
export const yesFlag = {
  yes: Flags.boolean({
    char: "y",
    description: "do not ask for confirmation (needed when there is no terminal)",
  }),
};

/** The result of a destructive command when the person answers no at its question (exit 0). */
export interface Declined {
  declined: true;
  message: "Nothing removed.";
}

/**
 * Base of every labctl command: `--json` (the command's typed result on stdout), errors as one
 * sentence plus advice with a distinct exit code (DESIGN §7), never a stack trace. Every failure,
 * including oclif's own parse errors, goes through renderFailure: one document under --json.
 */
export abstract class LabctlCommand extends Command {
  static override enableJsonFlag = true;

  /** LABCTL_HOME (default ~/.labctl), checked usable before anything reads or writes in it. */
  protected home(): LabctlHome {
    const home = resolveHome();
    checkHome(home.root);
    return home;
  }

  /** The configuration in force: config.yaml, then LABCTL_* and DOCKER_HOST, then flags. */
  protected labctlConfig(home: LabctlHome, flags: { "docker-host"?: string } = {}): LabctlConfig {
    return loadConfig(home, process.env, { dockerHost: flags["docker-host"] });
  }

  /** The student id (default: the OS user name as a slug): it becomes a path, a label and names. */
  protected student(flag: string | undefined): Student {
    return studentFor(flag);
  }

  /** The class id of a single-environment command: it becomes a path, so it is checked the same way. */
  protected classId(flag: string): string {
    return validId("class", flag);
  }

  /** Answered no: say so, remove nothing, exit 0 (declining is a choice, not a failure). */
  protected declined(): Declined {
    this.logToStderr("Nothing removed.");
    return { declined: true, message: "Nothing removed." };
  }

  protected fail(message: string, advice: string, exitCode: ExitCode): never {
    throw new LabctlError(message, advice, exitCode, "USAGE");
  }

  /** Whatever oclif's parser throws (a flag twice, a value missing, out of range) is a usage error. */
  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Input<F, B, A>,
    argv?: string[],
  ): Promise<ParserOutput<F, B, A>> {
    try {
      return await super.parse(options, argv);
    } catch (error) {
      throw isLabctlError(error) ? error : usageError(error, this.id);
    }
  }

  protected override async catch(error: Error): Promise<unknown> {
    const exitCode = renderFailure(error, {
      json: this.jsonEnabled(),
      commandId: this.id,
      ctx: { home: resolveHome().root },
    });
    // Exits through oclif (an ExitError): bin/run.js passes the code on without printing again.
    return this.exit(exitCode);
  }
}
