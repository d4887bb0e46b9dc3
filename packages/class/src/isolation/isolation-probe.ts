import { dockerodeProbe } from "@labctl/core";
import { type ExecResult, LABEL } from "@labctl/sdk";
import type Dockerode from "dockerode";

/** A running container of the class as the isolation check sees it. */
export interface ProbedContainer {
  name: string;
  student: string;
  /** Its IPv4 addresses, one per network it is attached to. */
  addresses: string[];
  /** Names of the networks it is attached to. */
  networks: string[];
  /** TCP ports it exposes or publishes (container side). */
  ports: number[];
}

/** What the isolation check needs from Docker (a fake in unit tests). */
export interface IsolationProbe {
  /** Running containers carrying all the labels. */
  containers(labels: Record<string, string>): Promise<ProbedContainer[]>;
  exec(container: string, cmd: string[]): Promise<ExecResult>;
}

const tcpPorts = (keys: string[]) =>
  keys
    .filter((k) => k.endsWith("/tcp"))
    .map((k) => Number.parseInt(k, 10))
    .filter(Number.isFinite);

export function dockerIsolationProbe(docker: Dockerode): IsolationProbe {
  const probe = dockerodeProbe(docker);
  return {
    async containers(labels) {
      const filters = { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`), status: ["running"] };
      const list = await docker.listContainers({ filters });
      const inspected = await Promise.all(
        list.map((c) =>
          docker
            .getContainer(c.Id)
            .inspect()
            .catch(() => undefined),
        ),
      );
      return inspected
        .filter((info) => info?.State.Running)
        .map((info) => {
          const c = info as Dockerode.ContainerInspectInfo;
          const ports = new Set([
            ...tcpPorts(Object.keys(c.Config.ExposedPorts ?? {})),
            ...tcpPorts(Object.keys(c.NetworkSettings.Ports ?? {})),
          ]);
          return {
            name: c.Name.replace(/^\//, ""),
            student: c.Config.Labels?.[LABEL.student] ?? "",
            addresses: Object.values(c.NetworkSettings.Networks ?? {})
              .map((n) => n.IPAddress)
              .filter((ip) => ip.length > 0),
            networks: Object.keys(c.NetworkSettings.Networks ?? {}),
            ports: [...ports].sort((a, b) => a - b),
          };
        });
    },
    exec: (container, cmd) => probe.exec(container, cmd),
  };
}
