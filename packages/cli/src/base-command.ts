import { userInfo } from "node:os";
import {
  DEFAULT_CLASS,
  ExitCode,
  isLabctlError,
  isSlug,
  type LabctlConfig,
  type LabctlHome,
  loadConfig,
  resolveHome,
  slugify,
} from "@labctl/core";
import type { Student } from "@labctl/sdk";
import { Command, Flags } from "@oclif/core";

/** Flags shared by every command that targets one student's environment. */
export const environmentFlags = {
  student: Flags.string({ char: "s", description: "student id (default: your OS user name, as a slug)" }),
  class: Flags.string({ description: "class id the environment belongs to", default: DEFAULT_CLASS }),
};

export const engineFlag = Flags.option({
  options: ["pulumi", "docker"] as const,
  description: "engine that builds environments (default: config `engine`, env LABCTL_ENGINE, else pulumi)",
})();

/**
 * Base of every labctl command: `--json` (the command's typed result on stdout), errors as one
 * sentence plus advice with a distinct exit code (DESIGN §7), never a stack trace.
 */
export abstract class LabctlCommand extends Command {
  static override enableJsonFlag = true;

  protected home(): LabctlHome {
    return resolveHome();
  }

  protected labctlConfig(home: LabctlHome): LabctlConfig {
    return loadConfig(home);
  }

  protected student(flag: string | undefined): Student {
    const id = flag ?? slugify(userInfo().username);
    if (!isSlug(id)) {
      this.fail(
        `"${id}" is not a valid student id.`,
        "Use lowercase letters, digits and dashes (at most 30), e.g. --student alice.",
        ExitCode.usage,
      );
    }
    return { id, name: id };
  }

  protected fail(message: string, advice: string, exitCode: number): never {
    this.report({ code: "USAGE", message, advice, exitCode });
    return this.exit(exitCode);
  }

  private report(error: { code: string; message: string; advice: string; exitCode: number }): void {
    if (this.jsonEnabled()) this.logJson({ error });
    else this.logToStderr(`Error: ${error.message}\n${error.advice}`);
  }

  protected override async catch(
    err: Error & { parse?: unknown; oclif?: { exit?: number } },
  ): Promise<unknown> {
    const e: unknown = err;
    if (isLabctlError(e)) {
      this.report({ code: e.code, message: e.message, advice: e.advice, exitCode: e.exitCode });
      return this.exit(e.exitCode);
    }
    // oclif's own usage errors (unknown flag, missing argument) exit 64, not its default 2.
    if (err.parse !== undefined && err.oclif) err.oclif.exit = ExitCode.usage;
    return super.catch(err);
  }
}
