import { ExitCode, LabctlError } from "@labctl/sdk";
import { containerKind } from "./kinds/container-kind";
import { imageKind } from "./kinds/image-kind";
import { networkKind } from "./kinds/network-kind";
import { remoteImageKind } from "./kinds/remote-image-kind";
import type { ResourceKind } from "./kinds/resource-kind";
import { serviceKind } from "./kinds/service-kind";
import { secretKind, serviceConfigKind } from "./kinds/swarm-data-kind";
import { volumeKind } from "./kinds/volume-kind";

// Each kind is typed by its own inputs; the realizer hands them resolved mock inputs.
// biome-ignore lint/suspicious/noExplicitAny: a table of kinds over different input types
type AnyKind = ResourceKind<any>;

/** The @pulumi/docker (v5) resource types the docker engine can realize, by type token. */
export const KINDS: Readonly<Record<string, AnyKind>> = {
  "docker:index/network:Network": networkKind,
  "docker:index/volume:Volume": volumeKind,
  "docker:index/remoteImage:RemoteImage": remoteImageKind,
  "docker:index/image:Image": imageKind,
  "docker:index/container:Container": containerKind,
  "docker:index/secret:Secret": secretKind,
  "docker:index/serviceConfig:ServiceConfig": serviceConfigKind,
  "docker:index/service:Service": serviceKind,
};

/** Raised before anything is created when a program declares what only the Pulumi engine can run. */
export function unsupportedTypesError(types: string[]): LabctlError {
  return new LabctlError(
    `This lab cannot run on the docker engine: it declares ${types.join(", ")}, which the docker engine cannot create.`,
    "Run it with the Pulumi engine (--engine pulumi), which uses the real providers.",
    ExitCode.infrastructure,
    "ENGINE_UNSUPPORTED",
  );
}

/** Raised before anything is created when resource inputs cannot be translated (a lab bug). */
export function invalidInputsError(problems: string[]): LabctlError {
  return new LabctlError(
    `The lab's program has invalid resource inputs: ${problems.join("; ")}.`,
    "Fix the lab's program (this is a lab bug, not a problem with your machine).",
    ExitCode.infrastructure,
    "PROGRAM_INVALID",
  );
}
