import { KIND_VERSION } from "./versions";

/** The environment variable that points labctl at a kind executable (a path). */
export const KIND_ENV = "LABCTL_KIND";

/** The kind executable: $LABCTL_KIND when set, else `kind` on PATH. */
export function kindBinary(env: NodeJS.ProcessEnv = process.env): string {
  return env[KIND_ENV]?.trim() || "kind";
}

/** How to install the pinned kind, for messages. */
export const INSTALL_KIND =
  `Install kind v${KIND_VERSION} (https://kind.sigs.k8s.io/docs/user/quick-start/#installation, ` +
  `e.g. \`go install sigs.k8s.io/kind@v${KIND_VERSION}\`), or set ${KIND_ENV} to the path of a kind binary.`;
