import { homedir } from "node:os";
import { isAbsolute, join, relative, resolve } from "node:path";
import { ExitCode, LabctlError } from "../errors";
import { validId } from "../naming/valid-id";

/**
 * Where labctl keeps everything on this machine (default ~/.labctl, env LABCTL_HOME):
 *   config.yaml          image map, port base, bind address, engine
 *   passphrase           Pulumi secrets passphrase, generated, mode 0600
 *   ports.json           port blocks per student and windows per lab (+ ports.json.lock)
 *   state/               Pulumi file:// backend
 *   pulumi/              Pulumi CLI installed on first use
 *   workspaces/<lab>/<stack>/   one Pulumi workDir per stack
 *   envs/<class>/<lab>/<student>/  per-environment record: secrets (0600), docker-engine state
 *   locks/<class>.<lab>.<student>.lock  one run at a time per environment (+ .owner.json)
 *   classes/<class>/     class runs: student ids, last runs, verify results, reports
 * Every path built from an id goes through `validId` and `insideHome`.
 */
export interface LabctlHome {
  root: string;
  configFile: string;
  passphraseFile: string;
  stateDir: string;
  pulumiRoot: string;
  workspacesDir: string;
  envsDir: string;
}

export function resolveHome(env: NodeJS.ProcessEnv = process.env): LabctlHome {
  const root = resolve(
    env.LABCTL_HOME && env.LABCTL_HOME.length > 0 ? env.LABCTL_HOME : join(homedir(), ".labctl"),
  );
  return {
    root,
    configFile: join(root, "config.yaml"),
    passphraseFile: join(root, "passphrase"),
    stateDir: join(root, "state"),
    pulumiRoot: join(root, "pulumi"),
    workspacesDir: join(root, "workspaces"),
    envsDir: join(root, "envs"),
  };
}

/**
 * `<home>/<segments…>`, refused when it would resolve outside the home (or be the home itself).
 * Ids are validated before they get here; this is the second fence for anything that writes
 * or deletes.
 */
export function insideHome(home: LabctlHome, ...segments: string[]): string {
  const root = resolve(home.root);
  const path = resolve(root, ...segments);
  const rel = relative(root, path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) {
    throw new LabctlError(
      `${path} is outside the labctl home ${root}; labctl writes and deletes only inside it.`,
      "Use ids made of lowercase letters, digits and dashes, and check LABCTL_HOME.",
      ExitCode.usage,
      "OUTSIDE_HOME",
    );
  }
  return path;
}

/** `<home>/envs/<class>/<lab>/<student>`: one environment's record, secrets and engine files. */
export function environmentDir(home: LabctlHome, classId: string, lab: string, student: string): string {
  return insideHome(
    home,
    "envs",
    validId("class", classId),
    validId("lab", lab),
    validId("student", student),
  );
}

/** `<home>/locks`: lock folders of runs in progress (kept apart from envs/, which `down` removes). */
export const locksDir = (home: LabctlHome): string => insideHome(home, "locks");
