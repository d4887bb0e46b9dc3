import type Dockerode from "dockerode";
import { dockerIsolationProbe } from "./isolation-probe";

const task = {
  Id: "c1",
  Name: "/tp07-ada-ingress.1.x",
  State: { Running: true },
  Config: { Labels: { "dev.labctl.student": "ada" }, ExposedPorts: { "80/tcp": {} } },
  NetworkSettings: {
    Ports: { "80/tcp": null },
    Networks: {
      ingress: { IPAddress: "10.0.0.5", IPPrefixLen: 24 },
      "tp07-ada-front": { IPAddress: "10.0.1.3", IPPrefixLen: 24 },
    },
  },
};

const fakeDocker = {
  listContainers: async () => [{ Id: "c1" }],
  listNetworks: async () => [
    { Name: "ingress", Ingress: true },
    { Name: "tp07-ada-front", Ingress: false },
  ],
  getContainer: () => ({ inspect: async () => task }),
} as unknown as Dockerode;

describe("dockerIsolationProbe", () => {
  it("reads a running container's own networks and ports, leaving Swarm's routing mesh out", async () => {
    expect(await dockerIsolationProbe(fakeDocker).containers({})).toEqual([
      {
        name: "tp07-ada-ingress.1.x",
        student: "ada",
        addresses: ["10.0.1.3"],
        subnets: ["10.0.1.0/24"],
        networks: ["tp07-ada-front"],
        ports: [80],
      },
    ]);
  });
});
