import type Dockerode from "dockerode";
import type { Label } from "./container-inputs";

/** Resolved inputs of a `docker.Volume`. */
export interface VolumeInputs {
  name?: string;
  driver?: string;
  driverOpts?: Record<string, string>;
  labels?: Label[];
}

export function volumeOptions(
  inputs: VolumeInputs,
  name: string,
  labels: Record<string, string>,
): Dockerode.VolumeCreateOptions {
  return {
    Name: name,
    Driver: inputs.driver ?? "local",
    DriverOpts: inputs.driverOpts ?? {},
    Labels: labels,
  };
}
