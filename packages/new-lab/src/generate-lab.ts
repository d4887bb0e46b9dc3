import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { labFiles, SHAPES } from "./lab-files.ts";
import type { LabRequest } from "./lab-request.ts";
import { addCliDependency, addToCatalog, addToNightly, addToReadme, WIRED_FILES } from "./lab-wiring.ts";
import { ExitCode, NewLabError } from "./new-lab-error.ts";

export interface GeneratedLab {
  /** Files written, relative to the repository root: the lab's, then the wired ones. */
  written: string[];
}

/** The version of a package as it resolves from the repository root; undefined when it does not. */
export type InstalledVersion = (root: string, name: string) => string | undefined;

export const installedVersion: InstalledVersion = (root, name) => {
  try {
    const file = createRequire(join(root, "package.json")).resolve(`${name}/package.json`);
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
};

/**
 * Writes labs/<id> and wires the lab into the catalog, the CLI's dependencies, the nightly
 * matrix and the README's table. Everything is checked and computed first: a refusal writes
 * nothing.
 */
export function generateLab(root: string, request: LabRequest, versionOf = installedVersion): GeneratedLab {
  const { id } = request;
  const labDir = join("labs", id);
  const wired = Object.fromEntries(
    Object.entries(WIRED_FILES).map(([key, file]) => [key, readFileSync(join(root, file), "utf8")]),
  ) as Record<keyof typeof WIRED_FILES, string>;
  if (existsSync(join(root, labDir)) || wired.catalog.includes(`"@labctl/lab-${id}"`)) {
    throw new NewLabError(
      `Lab ${id} already exists (${labDir} or the catalog has it).`,
      "Pick a free id: `ls labs` lists the ones taken.",
      ExitCode.badInput,
    );
  }
  const versions = pulumiVersions(root, request, versionOf);
  const files = labFiles(join(root, "packages", "new-lab", "templates"), request, versions);
  const edits: [string, string][] = [
    [WIRED_FILES.catalog, addToCatalog(wired.catalog, id)],
    [WIRED_FILES.cliPackage, addCliDependency(wired.cliPackage, id)],
    [WIRED_FILES.nightly, addToNightly(wired.nightly, id)],
    [WIRED_FILES.readme, addToReadme(wired.readme, id, request.title)],
  ];
  const written: [string, string][] = [
    ...files.map((f): [string, string] => [join(labDir, f.path), f.content]),
    ...edits,
  ];
  for (const [file, content] of written) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  }
  return { written: written.map(([file]) => file) };
}

/** @pulumi/pulumi and the platform's provider, as installed: the new lab asks for those versions. */
function pulumiVersions(
  root: string,
  { platform }: LabRequest,
  versionOf: InstalledVersion,
): Record<string, string> {
  const provider = SHAPES[platform].provider;
  const versions: Record<string, string> = {};
  for (const name of ["@pulumi/pulumi", provider]) {
    const version = versionOf(root, name);
    if (version) {
      versions[name] = version;
    } else if (name === "@pulumi/kubernetes") {
      throw new NewLabError(
        "the kind platform needs @pulumi/kubernetes (not installed yet)",
        "Kubernetes labs wait for issue 11, which adds it; use --platform docker or swarm meanwhile.",
        ExitCode.infrastructure,
      );
    } else {
      throw new NewLabError(
        `${name} is not installed.`,
        "Run `npm install` at the repository root first.",
        ExitCode.infrastructure,
      );
    }
  }
  return versions;
}
