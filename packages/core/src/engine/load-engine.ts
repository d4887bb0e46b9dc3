import type { LabctlHome } from "../home/labctl-home";
import type { Engine, EngineName } from "./types";

/**
 * Loads an engine on demand: each pulls in the Pulumi SDK and a Docker client, which commands
 * like `labctl labs` or `--help` must never pay for. (require, not import(): our output is
 * CommonJS and jest runs it as such.) `dockerHost` is the host in force (config.dockerHost):
 * the docker engine's pre-flight pings it; the Pulumi engine gets it through each spec.
 */
export function loadEngine(name: EngineName, home: LabctlHome, opts: { dockerHost?: string } = {}): Engine {
  if (name === "docker") {
    const { createDockerEngine } = require("./docker") as typeof import("./docker");
    return createDockerEngine({ home, dockerHost: opts.dockerHost });
  }
  const { createPulumiEngine } = require("./pulumi") as typeof import("./pulumi");
  return createPulumiEngine({ home });
}
