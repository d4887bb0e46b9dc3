import { readFileSync } from "node:fs";
import { type DockerHostSource, resolveDockerHost } from "@labctl/docker";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ExitCode, LabctlError } from "../errors";
import type { LabctlHome } from "../home/labctl-home";

const imageMap = z.record(z.string().min(1), z.string().min(1));

const configSchema = z
  .object({
    /** Which engine builds environments: the Pulumi CLI (default) or labctl's own docker engine. */
    engine: z.enum(["pulumi", "docker"]).default("pulumi"),
    /** Address published ports bind to. */
    bindAddress: z.union([z.ipv4(), z.ipv6()]).default("127.0.0.1"),
    /** First host port of the first student's block. */
    portBase: z.number().int().min(1024).max(65000).default(20000),
    /** Ports per student; each lab takes a window of 10 inside it. */
    portBlockSize: z.number().int().min(10).max(1000).multipleOf(10).default(100),
    /** Official image reference -> the one to use (campus mirror, offline stand-in). */
    images: imageMap.default({}),
    /** Docker engine host (unix://, tcp://, ssh://); checked, and overridden, by resolveDockerHost. */
    dockerHost: z.string().optional(),
    /**
     * Swarm labs: how services publish. "auto" looks at the local engine's kernel (IPVS: mesh,
     * else host) and takes "host" for a remote engine; "mesh" or "host" forces one.
     */
    swarmPublishing: z.enum(["auto", "mesh", "host"]).default("auto"),
  })
  .strict();

/** Where the settings doctor shows came from. */
export interface ConfigOrigin {
  /** The config file read; undefined when there is none (defaults). */
  file?: string;
  engine: "LABCTL_ENGINE" | "config" | "default";
  /** Entries of the image map: from config.yaml's `images`, and from LABCTL_IMAGE_MAP's file. */
  images: { config: number; imageMap?: { file: string; entries: number } };
}

export type LabctlConfig = Omit<z.infer<typeof configSchema>, "dockerHost"> & {
  /** The Docker host in force, always set: see resolveDockerHost for the precedence. */
  dockerHost: string;
  dockerHostSource: DockerHostSource;
  origin: ConfigOrigin;
};
export type ImageMap = z.infer<typeof imageMap>;

function readStructured(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new LabctlError(
      `Cannot read ${what} ${file}: ${(e as Error).message}.`,
      "Check its permissions.",
      ExitCode.missingInput,
    );
  }
  try {
    return parseYaml(text) ?? {};
  } catch (e) {
    throw new LabctlError(
      `${what} ${file} is not valid YAML or JSON: ${(e as Error).message}`,
      "Fix the syntax and retry.",
      ExitCode.badInput,
    );
  }
}

function invalid(file: string, error: z.ZodError): LabctlError {
  const problems = error.issues.map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`).join("; ");
  return new LabctlError(
    `${file} is invalid: ${problems}.`,
    "Fix these settings (see README, Configuration).",
    ExitCode.badInput,
  );
}

/** Settings given on the command line; they win over the environment and config.yaml. */
export interface ConfigOverrides {
  /** `--docker-host`. */
  dockerHost?: string;
}

/**
 * Loads `<home>/config.yaml` (optional), then applies environment overrides:
 * LABCTL_ENGINE, LABCTL_BIND_ADDRESS, and LABCTL_IMAGE_MAP (a YAML/JSON file of image -> image,
 * merged over the config's `images`); the Docker host is `--docker-host` > DOCKER_HOST >
 * config.yaml > the local socket.
 */
export function loadConfig(
  home: LabctlHome,
  env: NodeJS.ProcessEnv = process.env,
  flags: ConfigOverrides = {},
): LabctlConfig {
  const read = readStructured(home.configFile, "config file") as Record<string, unknown> | undefined;
  const raw = read ?? {};
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw invalid(home.configFile, parsed.error);
  const config = parsed.data;
  const overrides: Record<string, unknown> = { ...config };
  let mapFile: ConfigOrigin["images"]["imageMap"];
  if (env.LABCTL_ENGINE) overrides.engine = env.LABCTL_ENGINE;
  if (env.LABCTL_BIND_ADDRESS) overrides.bindAddress = env.LABCTL_BIND_ADDRESS;
  if (env.LABCTL_IMAGE_MAP) {
    const map = readStructured(env.LABCTL_IMAGE_MAP, "image map");
    if (map === undefined) {
      throw new LabctlError(
        `LABCTL_IMAGE_MAP points to ${env.LABCTL_IMAGE_MAP}, which does not exist.`,
        "Fix the path or unset LABCTL_IMAGE_MAP.",
        ExitCode.missingInput,
      );
    }
    const images = imageMap.safeParse(map);
    if (!images.success) throw invalid(env.LABCTL_IMAGE_MAP, images.error);
    overrides.images = { ...config.images, ...images.data };
    mapFile = { file: env.LABCTL_IMAGE_MAP, entries: Object.keys(images.data).length };
  }
  const final = configSchema.safeParse(overrides);
  if (!final.success) throw invalid("environment (LABCTL_*)", final.error);
  const { dockerHost: _fromFile, ...settings } = final.data;
  const host = resolveDockerHost({
    flag: flags.dockerHost,
    env: env.DOCKER_HOST,
    config: config.dockerHost,
    configFile: home.configFile,
  });
  return {
    ...settings,
    ...host,
    origin: {
      file: read === undefined ? undefined : home.configFile,
      engine: env.LABCTL_ENGINE ? "LABCTL_ENGINE" : raw.engine !== undefined ? "config" : "default",
      images: { config: Object.keys(config.images).length, ...(mapFile && { imageMap: mapFile }) },
    },
  };
}

/** The image to run for an official reference, after the image map. */
export const mapImage = (config: Pick<LabctlConfig, "images">, ref: string): string =>
  config.images[ref] ?? ref;
