import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type DownSummary,
  dockerodeProbe,
  down,
  type Engine,
  type EnvironmentSpec,
  fetchHttpProbe,
  type LabctlConfig,
  type LabctlHome,
  openEnvironment,
  type RunChecksOptions,
  type UpSummary,
  up,
  type VerifyReport,
  verify,
} from "@labctl/core";
import { type dockerClient, listAll } from "@labctl/docker";
import { LABEL, type Lab } from "@labctl/sdk";

/** The image map the e2e global setup wrote (official reference -> offline stand-in). */
export function testImageMap(): Record<string, string> {
  const file = process.env.LABCTL_TEST_IMAGE_MAP;
  if (!file)
    throw new Error(
      "LABCTL_TEST_IMAGE_MAP is not set: run e2e tests through jest.e2e.config.js (its global setup builds the images)",
    );
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}

/**
 * One environment on the real Docker engine through labctl's own docker engine, with a fresh
 * labctl home, the stand-in image map and a port block away from common services.
 */
export class E2eEnvironment {
  readonly home: LabctlHome;
  readonly config: LabctlConfig;
  readonly engine: Engine;
  readonly spec: EnvironmentSpec;
  readonly docker: ReturnType<typeof dockerClient>;

  constructor(lab: Lab, studentId: string, opts: { classId?: string; portBase?: number } = {}) {
    const root = mkdtempSync(join(tmpdir(), `labctl-e2e-${lab.id}-`));
    writeFileSync(join(root, "config.yaml"), `engine: docker\nportBase: ${opts.portBase ?? 19000}\n`);
    const mapFile = join(root, "image-map.json");
    writeFileSync(mapFile, JSON.stringify(testImageMap()));
    // DOCKER_HOST as the CLI would see it, so the engine, the spec and the probes agree.
    const opened = openEnvironment({
      lab,
      student: studentId,
      classId: opts.classId ?? "e2e",
      engine: "docker",
      env: { LABCTL_HOME: root, LABCTL_IMAGE_MAP: mapFile, DOCKER_HOST: process.env.DOCKER_HOST },
    });
    this.home = opened.home;
    this.config = opened.config;
    this.docker = opened.docker();
    this.engine = opened.engine();
    this.spec = opened.spec;
  }

  up(): Promise<UpSummary> {
    return up(this.home, this.engine, this.spec, { docker: this.docker, showSecrets: true });
  }

  verify(opts: RunChecksOptions = {}): Promise<VerifyReport> {
    return verify(
      this.engine,
      this.spec,
      { docker: dockerodeProbe(this.docker), http: fetchHttpProbe },
      opts,
    );
  }

  down(): Promise<DownSummary> {
    return down(this.home, this.engine, this.spec);
  }

  /** Every object (Swarm services, secrets and configs included) still labelled for this student. */
  async leftovers(): Promise<string[]> {
    const labels = { [LABEL.student]: this.spec.student.id, [LABEL.class]: this.spec.classId };
    return (await listAll(this.docker, labels)).map((o) => `${o.kind} ${o.name}`);
  }
}

/** Status of each check by id, for compact assertions. */
export const statuses = (report: VerifyReport): Record<string, string> =>
  Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
