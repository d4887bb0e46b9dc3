import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EnvironmentSpec } from "@labctl/core";
import type Dockerode from "dockerode";
import { DOCKER_DEFAULT_POOLS, freeSubnets, knownAddressPools } from "./address-pools";
import { formatCidr, overlaps, parseCidr, splitPool } from "./cidr";
import { classPreflight } from "./class-preflight";
import type { InventoryObject } from "./docker-inventory";
import {
  nameProblems,
  newPooledNetworks,
  type PlannedEnvironment,
  subnetProblems,
  usedSubnets,
} from "./object-problems";

const cidr = (text: string) =>
  parseCidr(text) ??
  (() => {
    throw new Error(text);
  })();
const labels = (student: string, classId = "devops") => ({
  "dev.labctl.lab": "tp03",
  "dev.labctl.student": student,
  "dev.labctl.class": classId,
});
const env = (student: string, objects: PlannedEnvironment["objects"]): PlannedEnvironment => ({
  student,
  selector: labels(student),
  objects,
});

describe("CIDR arithmetic", () => {
  it("parses, normalises, formats and detects overlaps", () => {
    expect(formatCidr(cidr("10.1.2.3/16"))).toBe("10.1.0.0/16");
    expect(parseCidr("fd00::/64")).toBeUndefined();
    expect(overlaps(cidr("10.1.0.0/16"), cidr("10.1.200.0/24"))).toBe(true);
    expect(overlaps(cidr("10.1.0.0/16"), cidr("10.2.0.0/24"))).toBe(false);
    expect([...splitPool(cidr("192.168.0.0/16"), 20)]).toHaveLength(16);
  });
});

describe("address pools", () => {
  it("Docker's defaults hold 31 bridge networks; used subnets take their slots", () => {
    expect(freeSubnets(DOCKER_DEFAULT_POOLS, [], 100)).toBe(31);
    expect(freeSubnets(DOCKER_DEFAULT_POOLS, [cidr("172.17.0.0/16"), cidr("192.168.16.0/20")], 100)).toBe(29);
    expect(freeSubnets([{ base: "10.0.0.0/8", size: 24 }], [], 40)).toBe(40); // counting stops early
  });

  it("reads daemon.json's pools on a local engine, defaults without the file, nothing for a remote one", () => {
    const dir = mkdtempSync(join(tmpdir(), "labctl-pools-"));
    const file = join(dir, "daemon.json");
    expect(knownAddressPools(undefined, file)?.pools).toBe(DOCKER_DEFAULT_POOLS);
    writeFileSync(file, JSON.stringify({ "default-address-pools": [{ base: "10.200.0.0/16", size: 24 }] }));
    expect(knownAddressPools("unix:///var/run/docker.sock", file)).toEqual({
      pools: [{ base: "10.200.0.0/16", size: 24 }],
      source: `the default-address-pools of ${file}`,
    });
    expect(knownAddressPools("tcp://lab-host:2375", file)).toBeUndefined();
    writeFileSync(file, "{ not json");
    expect(knownAddressPools(undefined, file)).toBeUndefined();
  });
});

describe("object pre-flight", () => {
  const inventory: InventoryObject[] = [
    { kind: "network", name: "bridge", labels: {}, subnets: ["172.17.0.0/16"] },
    { kind: "network", name: "tp03-ann-net", labels: labels("ann"), subnets: ["172.18.0.0/16"] },
    { kind: "container", name: "tp03-bob-mysql", labels: labels("bob", "other-class") },
    { kind: "volume", name: "tp03-cid-data", labels: {} },
    { kind: "network", name: "campus", labels: {}, subnets: ["10.50.0.0/16"] },
  ];

  it("names objects another owner holds, and leaves the student's own alone", () => {
    const envs = [
      env("ann", [{ kind: "network", name: "tp03-ann-net" }]),
      env("bob", [{ kind: "container", name: "tp03-bob-mysql" }]),
      env("cid", [{ kind: "volume", name: "tp03-cid-data" }]),
    ];
    expect(nameProblems(envs, inventory)).toEqual([
      "bob: container tp03-bob-mysql already exists and belongs to tp03/bob of class other-class",
      "cid: volume tp03-cid-data already exists and belongs to something not created by labctl",
    ]);
  });

  it("names explicit subnets that overlap someone else's network or another student's", () => {
    const envs = [
      env("ann", [{ kind: "network", name: "tp03-ann-net", subnets: ["172.18.0.0/24"] }]),
      env("bob", [{ kind: "network", name: "tp03-bob-net", subnets: ["10.50.1.0/24"] }]),
      env("cid", [{ kind: "network", name: "tp03-cid-net", subnets: ["10.60.0.0/24"] }]),
      env("dan", [{ kind: "network", name: "tp03-dan-net", subnets: ["10.60.0.128/25"] }]),
    ];
    expect(subnetProblems(envs, inventory)).toEqual([
      "bob: subnet 10.50.1.0/24 of network tp03-bob-net overlaps network campus (10.50.0.0/16, something not created by labctl)",
      "dan: subnet 10.60.0.128/25 of network tp03-dan-net overlaps cid's network tp03-cid-net",
    ]);
  });

  it("counts only new bridge networks without a subnet against the pools", () => {
    const envs = [
      env("ann", [{ kind: "network", name: "tp03-ann-net", driver: "bridge" }]),
      env("bob", [
        { kind: "network", name: "tp03-bob-net", driver: "bridge" },
        { kind: "network", name: "tp03-bob-fixed", driver: "bridge", subnets: ["10.9.0.0/24"] },
        { kind: "network", name: "tp03-bob-overlay", driver: "overlay" },
        { kind: "volume", name: "tp03-bob-data" },
      ]),
    ];
    expect(newPooledNetworks(envs, inventory)).toBe(1);
    expect(usedSubnets(inventory).map(formatCidr)).toEqual([
      "172.17.0.0/16",
      "172.18.0.0/16",
      "10.50.0.0/16",
    ]);
  });
});

describe("classPreflight", () => {
  const spec = (student: string) =>
    ({
      lab: { id: "tp03" },
      student: { id: student, name: student },
      classId: "devops",
      ports: {},
      bindAddress: "127.0.0.1",
    }) as unknown as EnvironmentSpec;
  const docker = (networks: { Name: string; Labels?: Record<string, string>; IPAM?: unknown }[]) =>
    ({
      listContainers: async () => [],
      listNetworks: async () => networks,
      listVolumes: async () => ({ Volumes: [] }),
    }) as unknown as Dockerode;
  const plan = async (s: EnvironmentSpec) => [
    { kind: "network" as const, name: `tp03-${s.student.id}-net`, driver: "bridge" },
  ];

  it("refuses when the address pools cannot hold the class's new networks, with the fix", async () => {
    const pools = { pools: [{ base: "10.9.0.0/23", size: 24 }], source: "the test pools" };
    const taken = docker([{ Name: "campus", IPAM: { Config: [{ Subnet: "10.9.1.0/24" }] } }]);
    const check = classPreflight([spec("ann"), spec("bob")], { docker: taken, plan, pools });
    await expect(check).rejects.toMatchObject({
      code: "PREFLIGHT",
      exitCode: 2,
      message: expect.stringContaining(
        "the class needs 2 new networks but the test pools have room for 1 more",
      ),
    });
    await expect(check).rejects.toThrow(/default-address-pools/);
  });

  it("passes when the networks exist already (a re-run) or fit", async () => {
    const pools = { pools: [{ base: "10.9.0.0/23", size: 24 }], source: "the test pools" };
    const existing = docker([{ Name: "tp03-ann-net", Labels: labels("ann") }]);
    await expect(
      classPreflight([spec("ann"), spec("bob")], { docker: existing, plan, pools }),
    ).resolves.toBeUndefined();
  });
});
