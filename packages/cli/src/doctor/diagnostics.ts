import { execFile } from "node:child_process";
import { accessSync, constants, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { LabctlConfig, LabctlHome } from "@labctl/core";
import type { DockerBudgets } from "@labctl/docker";
import { ExitCode, isLabctlError } from "@labctl/sdk";
import { LABS } from "../catalog";
import { configFindings } from "./config-findings";
import { dockerFindings } from "./docker-findings";

export interface DoctorFinding {
  name: string;
  status: "ok" | "warn" | "fail";
  detail: string;
}

const run = promisify(execFile);

async function pulumiVersion(home: LabctlHome): Promise<string | undefined> {
  for (const bin of ["pulumi", join(home.pulumiRoot, "bin", "pulumi")]) {
    try {
      const { stdout } = await run(bin, ["version"], { timeout: 10_000 });
      return `${stdout.trim()} (${bin})`;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function nodeFinding(): DoctorFinding {
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 22
    ? { name: "node", status: "ok", detail: `Node ${process.versions.node}` }
    : {
        name: "node",
        status: "fail",
        detail: `Node ${process.versions.node}; labctl needs Node 22 (npm install node@22, see README)`,
      };
}

function homeFinding(home: LabctlHome): DoctorFinding {
  try {
    mkdirSync(home.root, { recursive: true, mode: 0o700 });
    accessSync(home.root, constants.W_OK);
    return { name: "labctl home", status: "ok", detail: home.root };
  } catch (e) {
    return {
      name: "labctl home",
      status: "fail",
      detail: `${home.root} is not writable (${(e as Error).message}); set LABCTL_HOME`,
    };
  }
}

async function pulumiFinding(home: LabctlHome, config: LabctlConfig | undefined): Promise<DoctorFinding> {
  const pulumi = await pulumiVersion(home);
  return pulumi
    ? { name: "pulumi", status: "ok", detail: pulumi }
    : {
        name: "pulumi",
        status: config?.engine === "docker" ? "ok" : "warn",
        detail:
          "Pulumi CLI not found; `labctl up` installs it on first use when get.pulumi.com is reachable, or use --engine docker",
      };
}

/**
 * Each finding says what was looked at and, when it is not fine, what to do. A bad flag is a
 * usage error (thrown, exit 64), not a finding. Docker and Pulumi are asked at the same time, and
 * Docker with the short ping budget first, so doctor ends within seconds against a wedged engine.
 */
export async function runDiagnostics(
  home: LabctlHome,
  loadConfig: () => LabctlConfig,
  opts: { budgets?: Partial<DockerBudgets> } = {},
): Promise<DoctorFinding[]> {
  const findings: DoctorFinding[] = [nodeFinding(), homeFinding(home)];
  let config: LabctlConfig | undefined;
  try {
    config = loadConfig();
    findings.push(...configFindings(home, config));
  } catch (e) {
    if (isLabctlError(e) && e.exitCode === ExitCode.usage) throw e;
    const detail = isLabctlError(e) ? `${e.message} ${e.advice}` : (e as Error).message;
    findings.push({ name: "config", status: "fail", detail });
  }
  const [docker, pulumi] = await Promise.all([
    config
      ? dockerFindings(config, LABS, opts.budgets, home)
      : Promise.resolve<DoctorFinding[]>([
          {
            name: "docker",
            status: "warn",
            detail: "not checked: fix the config first (it says which engine to ask)",
          },
        ]),
    pulumiFinding(home, config),
  ]);
  return [...findings, ...docker, pulumi];
}
