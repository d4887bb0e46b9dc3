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
});
