import { appendFileSync, writeFileSync } from "node:fs";
import {
  dockerodeProbe,
  fetchHttpProbe,
  junitReport,
  markdownReport,
  type VerifyReport,
  type VerifyStatus,
} from "@labctl/core";
import { ExitCode } from "@labctl/sdk";
import * as Flags from "@oclif/core/flags";
import { blameFlag } from "./output-paths";

/** Flags of every command that runs checks (verify, smoke). */
export const verifyFlags = {
  deep: Flags.boolean({ description: "also run the opt-in deep checks (they may change the environment)" }),
  timeout: Flags.integer({
    description: "seconds each check may wait for the environment to become ready",
    default: 60,
    min: 1,
  }),
  junit: Flags.string({ description: "write JUnit XML to this file" }),
  markdown: Flags.string({ description: "write a Markdown summary to this file" }),
};

export const VERIFY_EXIT: Record<VerifyStatus, number> = {
  pass: ExitCode.ok,
  fail: ExitCode.checksFailed,
  error: ExitCode.infrastructure,
};

/** The real clients checks probe with. */
export const probeClients = (docker: Parameters<typeof dockerodeProbe>[0]) => ({
  docker: dockerodeProbe(docker),
  http: fetchHttpProbe,
});

/** JUnit and Markdown files when asked, and the GitHub step summary when running in Actions. */
export function writeVerifyArtifacts(
  reports: VerifyReport[],
  flags: { junit?: string; markdown?: string },
): void {
  const write = (flag: "--junit" | "--markdown", path: string | undefined, text: string) => {
    if (path === undefined) return;
    try {
      writeFileSync(path, text);
    } catch (error) {
      throw blameFlag(error, flag, path);
    }
  };
  write("--junit", flags.junit, junitReport(reports));
  const markdown = reports.map(markdownReport).join("\n");
  write("--markdown", flags.markdown, markdown);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown);
}
