import { homedir } from "node:os";
import { join } from "node:path";

/**
 * Where labctl keeps everything on this machine (default ~/.labctl, env LABCTL_HOME):
 *   config.yaml          image map, port base, bind address, engine
 *   passphrase           Pulumi secrets passphrase, generated, mode 0600
 *   state/               Pulumi file:// backend
 *   pulumi/              Pulumi CLI installed on first use
 *   workspaces/<lab>/<stack>/   one Pulumi workDir per stack
 *   envs/<class>/<lab>/<student>/  per-environment record: secrets (0600), docker-engine state
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
  const root = env.LABCTL_HOME && env.LABCTL_HOME.length > 0 ? env.LABCTL_HOME : join(homedir(), ".labctl");
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

export function environmentDir(home: LabctlHome, classId: string, lab: string, student: string): string {
  return join(home.envsDir, classId, lab, student);
}
