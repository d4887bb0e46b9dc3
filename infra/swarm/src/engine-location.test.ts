import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { advertiseAddress, defaultRouteInterface } from "./advertise-address";
import { engineLocation } from "./engine-location";

describe("engineLocation", () => {
  it("a local socket on this kernel is the same kernel; another kernel is a VM", () => {
    expect(engineLocation("unix:///var/run/docker.sock", "6.8.0", "6.8.0", "linux")).toEqual({
      kind: "same-kernel",
    });
    expect(engineLocation("tcp://127.0.0.1:2375", "6.8.0", "6.8.0", "linux")).toEqual({
      kind: "same-kernel",
    });
    expect(engineLocation("unix:///var/run/docker.sock", "6.6.3-linuxkit", "23.1.0", "darwin").kind).toBe(
      "local-vm",
    );
  });

  it("tcp:// or ssh:// to another machine is remote, whatever its kernel", () => {
    expect(engineLocation("ssh://prof@lab-host", "6.8.0", "6.8.0", "linux")).toEqual({
      kind: "remote",
      host: "lab-host",
    });
    expect(engineLocation("tcp://10.0.0.5:2376", "6.8.0", "6.8.0", "linux")).toEqual({
      kind: "remote",
      host: "10.0.0.5",
    });
  });
});

describe("advertiseAddress", () => {
  const proc = mkdtempSync(join(tmpdir(), "labctl-route-"));
  mkdirSync(join(proc, "net"));
  writeFileSync(
    join(proc, "net", "route"),
    "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n" +
      "docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\n" +
      "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\n",
  );
  const interfaces = {
    docker0: [{ address: "172.17.0.1", family: "IPv4", internal: false }],
    eth0: [
      { address: "fe80::1", family: "IPv6", internal: false },
      { address: "192.0.2.2", family: "IPv4", internal: false },
    ],
  } as unknown as NodeJS.Dict<import("node:os").NetworkInterfaceInfo[]>;

  it("this machine's engine: the IPv4 address of the default route's interface", async () => {
    expect(defaultRouteInterface(proc)).toBe("eth0");
    expect(await advertiseAddress({ kind: "same-kernel" }, { procRoot: proc, interfaces })).toBe("192.0.2.2");
  });

  it("no default route: 127.0.0.1; a VM: 127.0.0.1; a remote engine: its address", async () => {
    expect(
      await advertiseAddress({ kind: "same-kernel" }, { procRoot: join(proc, "none"), interfaces }),
    ).toBe("127.0.0.1");
    expect(await advertiseAddress({ kind: "local-vm" })).toBe("127.0.0.1");
    expect(await advertiseAddress({ kind: "remote", host: "10.0.0.5" })).toBe("10.0.0.5");
    expect(await advertiseAddress({ kind: "remote", host: "localhost" })).toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
