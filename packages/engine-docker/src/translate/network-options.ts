import type Dockerode from "dockerode";
import type { Label } from "./container-inputs";

/** Resolved inputs of a `docker.Network`. */
export interface NetworkInputs {
  name?: string;
  driver?: string;
  internal?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  ipamDriver?: string;
  ipamOptions?: Record<string, string>;
  ipamConfigs?: {
    subnet?: string;
    ipRange?: string;
    gateway?: string;
    auxAddress?: Record<string, string>;
  }[];
  options?: Record<string, string>;
  labels?: Label[];
}

export function networkOptions(
  inputs: NetworkInputs,
  name: string,
  labels: Record<string, string>,
): Dockerode.NetworkCreateOptions {
  return {
    Name: name,
    CheckDuplicate: true,
    Driver: inputs.driver ?? "bridge",
    Internal: inputs.internal,
    Attachable: inputs.attachable,
    Ingress: inputs.ingress,
    IPAM: {
      Driver: inputs.ipamDriver ?? "default",
      Options: inputs.ipamOptions,
      Config: inputs.ipamConfigs?.map((c) => ({
        Subnet: c.subnet,
        IPRange: c.ipRange,
        Gateway: c.gateway,
        AuxiliaryAddresses: c.auxAddress,
      })),
    },
    Options: inputs.options,
    Labels: labels,
  } as Dockerode.NetworkCreateOptions;
}
