import type { LabctlConfig, LabctlHome } from "@labctl/core";
import type { DoctorFinding } from "./diagnostics";

const ENGINE_SOURCE = {
  LABCTL_ENGINE: "from LABCTL_ENGINE",
  config: "from engine in config.yaml",
  default: "the default; set engine in config.yaml or LABCTL_ENGINE, or pass --engine",
} as const;

/** The configuration actually in force: the file read, the engine and the image map, with their sources. */
export function configFindings(home: LabctlHome, config: LabctlConfig): DoctorFinding[] {
  const { origin } = config;
  const fromFile = origin.images.config;
  const fromMap = origin.images.imageMap;
  const total = Object.keys(config.images).length;
  const parts = [
    fromFile > 0 && `${fromFile} from config.yaml`,
    fromMap && `${fromMap.entries} from LABCTL_IMAGE_MAP=${fromMap.file}`,
  ].filter(Boolean);
  return [
    {
      name: "config",
      status: "ok",
      detail: origin.file ? `read ${origin.file}` : `defaults (no ${home.configFile})`,
    },
    { name: "engine", status: "ok", detail: `${config.engine} (${ENGINE_SOURCE[origin.engine]})` },
    {
      name: "image map",
      status: "ok",
      detail:
        total === 0
          ? "none: lab images are used as published"
          : `${total} ${total === 1 ? "entry" : "entries"} in force (${parts.join(", ")})`,
    },
  ];
}
