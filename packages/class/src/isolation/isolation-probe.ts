import { dockerodeProbe } from "@labctl/core";
import { type ExecResult, LABEL } from "@labctl/sdk";
import type Dockerode from "dockerode";
import { formatCidr, parseCidr } from "../preflight/cidr";

/** A running container of the class as the isolation check sees it. */
export interface ProbedContainer {
  name: string;
  student: string;
  /** Its IPv4 addresses, one per network it is attached to. */
  addresses: string[];
  /** The subnet (CIDR) of each address, in the same order ("" when the engine does not say). */
  subnets: string[];
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

const subnetOf = (address: string, bits: number | undefined) => {
  const cidr = bits ? parseCidr(`${address}/${bits}`) : undefined;
  return cidr ? formatCidr(cidr) : "";
};

export function dockerIsolationProbe(docker: Dockerode): IsolationProbe {
  const probe = dockerodeProbe(docker);
  return {
    async containers(labels) {
      const filters = { label: Object.entries(labels).map(([k, v]) => `${k}=${v}`), status: ["running"] };
      const [list, networks] = await Promise.all([docker.listContainers({ filters }), docker.listNetworks()]);
      // Swarm's routing mesh (the `ingress` overlay) joins every task that publishes a port, and
      // what it carries is published to all anyway: no student owns it, so no crossing comes from it.
      const mesh = new Set(networks.filter((n) => n.Ingress).map((n) => n.Name));
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
          const attached = Object.entries(c.NetworkSettings.Networks ?? {}).filter(
            ([name]) => !mesh.has(name),
          );
          const addressed = attached.filter(([, n]) => n.IPAddress.length > 0);
          const ports = new Set([
            ...tcpPorts(Object.keys(c.Config.ExposedPorts ?? {})),
            ...tcpPorts(Object.keys(c.NetworkSettings.Ports ?? {})),
          ]);
          return {
            name: c.Name.replace(/^\//, ""),
            student: c.Config.Labels?.[LABEL.student] ?? "",
            addresses: addressed.map(([, n]) => n.IPAddress),
            subnets: addressed.map(([, n]) => subnetOf(n.IPAddress, n.IPPrefixLen)),
            networks: attached.map(([name]) => name),
            ports: [...ports].sort((a, b) => a - b),
          };
        });
    },
    exec: (container, cmd) => probe.exec(container, cmd),
  };
}
