import { serviceSpec } from "./service-spec";

describe("serviceSpec", () => {
  it("translates a replicated web service with a secret, networks and host-mode ports", () => {
    const spec = serviceSpec(
      {
        taskSpec: {
          containerSpec: {
            image: "nginx:1",
            env: { MODE: "prod" },
            secrets: [{ secretId: "s1", secretName: "db-pass", fileName: "db_password", fileMode: 0o400 }],
            healthcheck: { tests: ["CMD", "true"], interval: "5s" },
            hosts: [{ host: "db", ip: "10.0.0.2" }],
          },
          networksAdvanceds: [{ name: "front", aliases: ["web"] }],
          restartPolicy: { condition: "on-failure", delay: "1s" },
          placement: { prefs: ["spread=node.id"] },
        },
        mode: { replicated: { replicas: 3 } },
        endpointSpec: {
          mode: "dnsrr",
          ports: [{ targetPort: 80, publishedPort: 8080, publishMode: "host" }],
        },
        updateConfig: { parallelism: 1, delay: "2s", maxFailureRatio: "0.5" },
      },
      "tp07-alice-web",
      { app: "web" },
    );
    expect(spec).toMatchObject({
      Name: "tp07-alice-web",
      Labels: { app: "web" },
      Mode: { Replicated: { Replicas: 3 } },
      EndpointSpec: {
        Mode: "dnsrr",
        Ports: [{ Protocol: "tcp", TargetPort: 80, PublishedPort: 8080, PublishMode: "host" }],
      },
      UpdateConfig: { Parallelism: 1, Delay: 2e9, MaxFailureRatio: 0.5 },
      TaskTemplate: {
        ContainerSpec: {
          Image: "nginx:1",
          Env: ["MODE=prod"],
          Secrets: [
            {
              File: { Name: "db_password", UID: "0", GID: "0", Mode: 0o400 },
              SecretID: "s1",
              SecretName: "db-pass",
            },
          ],
          HealthCheck: { Test: ["CMD", "true"], Interval: 5e9 },
          Hosts: ["10.0.0.2 db"],
        },
        Networks: [{ Target: "front", Aliases: ["web"] }],
        RestartPolicy: { Condition: "on-failure", Delay: 1e9 },
        Placement: { Preferences: [{ Spread: { SpreadDescriptor: "node.id" } }] },
      },
    });
  });

  it("defaults to one replica, vip mode and ingress publishing", () => {
    const spec = serviceSpec(
      { taskSpec: { containerSpec: { image: "x" } }, endpointSpec: { ports: [{ targetPort: 80 }] } },
      "s",
      {},
    );
    expect(spec.Mode).toEqual({ Replicated: { Replicas: 1 } });
    expect(spec.EndpointSpec).toEqual({
      Mode: "vip",
      Ports: [
        {
          Name: undefined,
          Protocol: "tcp",
          TargetPort: 80,
          PublishedPort: undefined,
          PublishMode: "ingress",
        },
      ],
    });
  });

  it("supports global mode", () => {
    expect(
      serviceSpec({ taskSpec: { containerSpec: { image: "x" } }, mode: { global: true } }, "s", {}).Mode,
    ).toEqual({ Global: {} });
  });

  it("puts the program's and labctl's labels on the task containers", () => {
    const spec = serviceSpec(
      { taskSpec: { containerSpec: { image: "x", labels: [{ label: "app", value: "web" }] } } },
      "s",
      { "dev.labctl.spec": "h" },
      { "dev.labctl.lab": "tp07" },
    );
    expect(spec.Labels).toEqual({ "dev.labctl.spec": "h" });
    expect(
      (spec.TaskTemplate as { ContainerSpec?: { Labels?: unknown; Configs?: unknown } }).ContainerSpec
        ?.Labels,
    ).toEqual({ app: "web", "dev.labctl.lab": "tp07" });
  });

  it("translates a start-first rolling update, config files and network ids", () => {
    const spec = serviceSpec(
      {
        taskSpec: {
          containerSpec: {
            image: "nginx",
            configs: [{ configId: "c1", configName: "web-conf", fileName: "/etc/nginx/conf.d/default.conf" }],
          },
          networksAdvanceds: [{ id: "n1" }],
        },
        updateConfig: { parallelism: 1, delay: "1s", order: "start-first", failureAction: "rollback" },
      },
      "s",
      {},
    );
    expect(spec.UpdateConfig).toEqual({
      Parallelism: 1,
      Delay: 1e9,
      Order: "start-first",
      FailureAction: "rollback",
      Monitor: undefined,
      MaxFailureRatio: undefined,
    });
    expect(
      (spec.TaskTemplate as { ContainerSpec?: { Labels?: unknown; Configs?: unknown } }).ContainerSpec
        ?.Configs,
    ).toEqual([
      {
        File: { Name: "/etc/nginx/conf.d/default.conf", UID: "0", GID: "0", Mode: 0o444 },
        ConfigID: "c1",
        ConfigName: "web-conf",
      },
    ]);
    expect(spec.TaskTemplate?.Networks).toEqual([
      { Target: "n1", Aliases: undefined, DriverOpts: undefined },
    ]);
  });

  it("refuses a dnsrr endpoint publishing through the routing mesh", () => {
    const inputs = (publishMode?: string) => ({
      taskSpec: { containerSpec: { image: "x" } },
      endpointSpec: { mode: "dnsrr", ports: [{ targetPort: 80, publishedPort: 8080, publishMode }] },
    });
    expect(() => serviceSpec(inputs(), "s", {})).toThrow(/dnsrr.*port 80.*publishMode "host"/);
    expect(() => serviceSpec(inputs("ingress"), "s", {})).toThrow(/dnsrr/);
    expect(serviceSpec(inputs("host"), "s", {}).EndpointSpec?.Mode).toBe("dnsrr");
  });
});
