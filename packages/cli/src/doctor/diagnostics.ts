import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { dockerClient, type LabctlConfig, type LabctlHome, mapImage } from "@labctl/core";
import { LABS } from "../catalog";

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

/** Each finding says what was looked at and, when it is not fine, what to do. */
export async function runDiagnostics(
  home: LabctlHome,
  loadConfig: () => LabctlConfig,
): Promise<DoctorFinding[]> {
  const findings: DoctorFinding[] = [];
  const major = Number(process.versions.node.split(".")[0]);
  findings.push(
    major >= 22
      ? { name: "node", status: "ok", detail: `Node ${process.versions.node}` }
      : {
          name: "node",
          status: "fail",
          detail: `Node ${process.versions.node}; labctl needs Node 22 (npm install node@22, see README)`,
        },
  );
  try {
    mkdirSync(home.root, { recursive: true, mode: 0o700 });
    accessSync(home.root, constants.W_OK);
    findings.push({ name: "labctl home", status: "ok", detail: home.root });
  } catch (e) {
    findings.push({
      name: "labctl home",
      status: "fail",
      detail: `${home.root} is not writable (${(e as Error).message}); set LABCTL_HOME`,
    });
  }
  let config: LabctlConfig | undefined;
  try {
    config = loadConfig();
    findings.push({
      name: "config",
      status: "ok",
      detail: `${existsSync(home.configFile) ? home.configFile : "defaults"}; engine ${config.engine}`,
    });
  } catch (e) {
    findings.push({ name: "config", status: "fail", detail: (e as Error).message });
  }
  const docker = dockerClient(config?.dockerHost);
  let dockerUp = false;
  try {
    const v = await docker.version();
    dockerUp = true;
    findings.push({
      name: "docker",
      status: "ok",
      detail: `Docker Engine ${v.Version} (API ${v.ApiVersion})`,
    });
  } catch (e) {
    findings.push({
      name: "docker",
      status: "fail",
      detail: `no Docker engine answers (${(e as Error).message}); start Docker or set dockerHost`,
    });
  }
  const pulumi = await pulumiVersion(home);
  findings.push(
    pulumi
      ? { name: "pulumi", status: "ok", detail: pulumi }
      : {
          name: "pulumi",
          status: config?.engine === "docker" ? "ok" : "warn",
          detail:
            "Pulumi CLI not found; `labctl up` installs it on first use when get.pulumi.com is reachable, or use --engine docker",
        },
  );
  if (dockerUp && config) {
    const refs = [
      ...new Set(LABS.flatMap((lab) => Object.values(lab.images)).map((ref) => mapImage(config, ref))),
    ];
    const missing: string[] = [];
    for (const ref of refs) {
      try {
        await docker.getImage(ref).inspect();
      } catch {
        missing.push(ref);
      }
    }
    findings.push(
      missing.length === 0
        ? { name: "images", status: "ok", detail: `${refs.length} lab images present locally` }
        : {
            name: "images",
            status: "warn",
            detail: `not present locally (pulled on first use if a registry answers): ${missing.join(", ")}`,
          },
    );
  }
  return findings;
}
