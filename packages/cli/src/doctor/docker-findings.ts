import { type LabctlConfig, type LabctlHome, loadInfra, mapImage } from "@labctl/core";
import { type DockerBudgets, dockerClient, pingDocker } from "@labctl/docker";
import { isLabctlError, type Lab } from "@labctl/sdk";
import type { DoctorFinding } from "./diagnostics";

const explain = (e: unknown) =>
  isLabctlError(e) ? `${e.message} ${e.advice}` : `${(e as Error).message}; start Docker or set dockerHost`;

/** Where the Docker host in force came from, as a person would say it. */
export function hostSource(config: LabctlConfig): string {
  switch (config.dockerHostSource) {
    case "flag":
      return "from --docker-host";
    case "DOCKER_HOST":
      return "from DOCKER_HOST";
    case "config":
      return `from dockerHost in ${config.origin.file ?? "config.yaml"}`;
    default:
      return "the default; set --docker-host, DOCKER_HOST or dockerHost to use another";
  }
}

/**
 * The engine at the host in force: a ping with the short budget first, so a wedged engine is a
 * `fail` within seconds naming the host and the time waited; then its version and, when it
 * answers, which lab images (after the image map) it has and, for each platform the labs use
 * that has an infra package (swarm), what that package says of the engine.
 */
export async function dockerFindings(
  config: LabctlConfig,
  labs: readonly Lab[],
  budgets: Partial<DockerBudgets> = {},
  home?: LabctlHome,
): Promise<DoctorFinding[]> {
  const host = config.dockerHost;
  const findings: DoctorFinding[] = [
    { name: "docker host", status: "ok", detail: `${host} (${hostSource(config)})` },
  ];
  let docker: ReturnType<typeof dockerClient>;
  try {
    docker = dockerClient(host, { budgets });
    await pingDocker(docker);
    const v = await docker.version();
    findings.push({
      name: "docker",
      status: "ok",
      detail: `Docker Engine ${v.Version} (API ${v.ApiVersion}) at ${host}`,
    });
  } catch (e) {
    findings.push({ name: "docker", status: "fail", detail: explain(e) });
    return findings;
  }
  for (const lab of labs) findings.push(await labImages(docker, config, lab));
  if (home) findings.push(...(await platformFindings(docker, config, labs, home)));
  return findings;
}

/** The platform as its infra package sees it (swarm: in a swarm, manager, created by labctl, mode). */
async function platformFindings(
  docker: ReturnType<typeof dockerClient>,
  config: LabctlConfig,
  labs: readonly Lab[],
  home: LabctlHome,
): Promise<DoctorFinding[]> {
  const findings: DoctorFinding[] = [];
  for (const platform of [...new Set(labs.map((lab) => lab.platform))]) {
    const describe = loadInfra(platform)?.describe;
    if (!describe) continue;
    try {
      findings.push(...(await describe({ home, docker, publishing: config.swarmPublishing })));
    } catch (e) {
      findings.push({ name: platform, status: "warn", detail: `could not be looked at: ${explain(e)}` });
    }
  }
  return findings;
}

async function labImages(
  docker: ReturnType<typeof dockerClient>,
  config: LabctlConfig,
  lab: Lab,
): Promise<DoctorFinding> {
  const refs = Object.values(lab.images);
  const states = await Promise.all(
    refs.map(async (ref) => {
      const used = mapImage(config, ref);
      const shown = used === ref ? ref : `${ref} -> ${used}`;
      try {
        await docker.getImage(used).inspect();
        return { shown, present: true };
      } catch {
        return { shown, present: false };
      }
    }),
  );
  const missing = states.filter((s) => !s.present);
  return {
    name: `images ${lab.id}`,
    status: missing.length === 0 ? "ok" : "warn",
    detail:
      states.map((s) => `${s.shown} ${s.present ? "present" : "missing"}`).join(", ") +
      (missing.length > 0 ? " (pulled on first use if a registry answers)" : ""),
  };
}
