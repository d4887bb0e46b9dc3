import type { ContainerInputs, Label } from "./container-inputs";

export interface FileRef {
  fileName: string;
  fileUid?: string;
  fileGid?: string;
  fileMode?: number;
}

/** Resolved inputs of a `docker.Service` (Swarm), the subset the docker engine honours. */
export interface ServiceInputs {
  name?: string;
  labels?: Label[];
  taskSpec: {
    containerSpec: {
      image: string;
      commands?: string[];
      args?: string[];
      env?: Record<string, string>;
      dir?: string;
      user?: string;
      groups?: string[];
      hostname?: string;
      labels?: Label[];
      mounts?: ContainerInputs["mounts"];
      secrets?: (FileRef & { secretId: string; secretName?: string })[];
      configs?: (FileRef & { configId: string; configName?: string })[];
      healthcheck?: ContainerInputs["healthcheck"];
      readOnly?: boolean;
      init?: boolean;
      stopSignal?: string;
      stopGracePeriod?: string;
      hosts?: { host: string; ip: string }[];
      dnsConfig?: { nameservers: string[]; searches?: string[]; options?: string[] };
      capAdds?: string[];
      capDrops?: string[];
      sysctl?: Record<string, string>;
    };
    networksAdvanceds?: { name?: string; id?: string; aliases?: string[]; driverOpts?: string[] }[];
    restartPolicy?: { condition?: string; delay?: string; maxAttempts?: number; window?: string };
    placement?: { constraints?: string[]; prefs?: string[]; maxReplicas?: number };
    resources?: { limits?: Resources; reservation?: Resources };
    logDriver?: { name: string; options?: Record<string, string> };
    forceUpdate?: number;
    runtime?: string;
  };
  mode?: { replicated?: { replicas?: number }; global?: boolean };
  endpointSpec?: {
    mode?: string;
    ports?: {
      name?: string;
      protocol?: string;
      publishMode?: string;
      publishedPort?: number;
      targetPort: number;
    }[];
  };
  updateConfig?: RolloutConfig;
  rollbackConfig?: RolloutConfig;
  convergeConfig?: { delay?: string; timeout?: string };
}

export interface Resources {
  nanoCpus?: number;
  memoryBytes?: number;
}

export interface RolloutConfig {
  parallelism?: number;
  delay?: string;
  failureAction?: string;
  monitor?: string;
  maxFailureRatio?: string;
  order?: string;
}
