import { containerPlan } from "./container-options";

const labels = { "dev.labctl.lab": "tp99" };

describe("containerPlan", () => {
  it("translates a web container with ports, networks, volumes and a healthcheck", () => {
    const plan = containerPlan(
      {
        image: "nginx:1",
        command: ["nginx", "-g", "daemon off;"],
        envs: ["A=1"],
        user: "101",
        workingDir: "/srv",
        ports: [
          { internal: 80, external: 8080, ip: "127.0.0.1" },
          { internal: 53, protocol: "udp" },
        ],
        networksAdvanced: [
          { name: "front", aliases: ["web"] },
          { name: "back", aliases: ["web-back"], ipv4Address: "10.0.0.9" },
        ],
        volumes: [
          { volumeName: "data", containerPath: "/data" },
          { hostPath: "/srv/www", volumeName: "ignored", containerPath: "/www", readOnly: true },
          { containerPath: "/cache" },
        ],
        healthcheck: {
          tests: ["CMD", "true"],
          interval: "2s",
          timeout: "1s",
          retries: 3,
          startPeriod: "500ms",
        },
        restart: "unless-stopped",
        capabilities: { drops: ["ALL"] },
        memory: 64,
      },
      "tp99-alice-web",
      labels,
    );
    expect(plan.create).toMatchObject({
      name: "tp99-alice-web",
      Image: "nginx:1",
      Cmd: ["nginx", "-g", "daemon off;"],
      Env: ["A=1"],
      User: "101",
      WorkingDir: "/srv",
      Labels: labels,
      ExposedPorts: { "80/tcp": {}, "53/udp": {} },
      Volumes: { "/cache": {} },
      Healthcheck: { Test: ["CMD", "true"], Interval: 2e9, Timeout: 1e9, Retries: 3, StartPeriod: 5e8 },
      NetworkingConfig: { EndpointsConfig: { front: { Aliases: ["web"] } } },
    });
    expect(plan.create.HostConfig).toMatchObject({
      NetworkMode: "front",
      Binds: ["data:/data", "/srv/www:/www:ro"],
      PortBindings: {
        "80/tcp": [{ HostIp: "127.0.0.1", HostPort: "8080" }],
        "53/udp": [{ HostIp: "0.0.0.0", HostPort: "" }],
      },
      RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
      CapDrop: ["ALL"],
      Memory: 64 * 1024 * 1024,
    });
    expect(plan.connect).toEqual([
      { network: "back", aliases: ["web-back"], ipv4Address: "10.0.0.9", ipv6Address: undefined },
    ]);
  });

  it("defaults to no restart, no healthcheck and no network settings", () => {
    const plan = containerPlan({ image: "busybox" }, "c", {});
    expect(plan.create.Healthcheck).toBeUndefined();
    expect(plan.create.NetworkingConfig).toBeUndefined();
    expect(plan.create.HostConfig?.RestartPolicy).toEqual({ Name: "no", MaximumRetryCount: 0 });
    expect(plan.connect).toEqual([]);
  });

  it("turns mounts and uploads into Docker's shapes", () => {
    const plan = containerPlan(
      {
        image: "busybox",
        mounts: [
          { type: "volume", source: "db", target: "/var/lib/mysql", volumeOptions: { noCopy: true } },
          { type: "tmpfs", target: "/tmp", tmpfsOptions: { sizeBytes: 1024 } },
        ],
        uploads: [
          { file: "/www/index.html", content: "hello" },
          { file: "/run.sh", contentBase64: Buffer.from("echo").toString("base64"), executable: true },
          { file: "/x", content: "", permissions: "0600" },
        ],
      },
      "c",
      {},
    );
    expect(plan.create.HostConfig?.Mounts).toEqual([
      expect.objectContaining({
        Type: "volume",
        Source: "db",
        Target: "/var/lib/mysql",
        VolumeOptions: expect.objectContaining({ NoCopy: true }),
      }),
      expect.objectContaining({
        Type: "tmpfs",
        Source: "",
        Target: "/tmp",
        TmpfsOptions: { SizeBytes: 1024, Mode: undefined },
      }),
    ]);
    expect(plan.uploads).toEqual([
      { path: "/www/index.html", content: Buffer.from("hello"), mode: 0o644 },
      { path: "/run.sh", content: Buffer.from("echo"), mode: 0o755 },
      { path: "/x", content: Buffer.from(""), mode: 0o600 },
    ]);
  });

  it("refuses uploads from a host file it cannot hash", () => {
    expect(() => containerPlan({ image: "b", uploads: [{ file: "/a", source: "./a" }] }, "c", {})).toThrow(
      /source.*not supported/,
    );
  });

  it("rejects a healthcheck duration without a unit", () => {
    expect(() =>
      containerPlan({ image: "b", healthcheck: { tests: ["CMD", "true"], interval: "5" } }, "c", {}),
    ).toThrow(/not a duration/);
  });
});
