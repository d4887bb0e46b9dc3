import { configView, serviceView, swarmView, taskView } from "./swarm-views";

describe("swarm views", () => {
  it("reads docker info's Swarm section, off a swarm too", () => {
    const info = {
      Swarm: {
        NodeID: "n1",
        LocalNodeState: "active",
        ControlAvailable: true,
        Error: "",
        Nodes: 2,
        Managers: 1,
      },
    };
    expect(swarmView(info)).toEqual({
      localNodeState: "active",
      controlAvailable: true,
      nodeId: "n1",
      error: "",
      managers: 1,
      nodes: 2,
    });
    expect(
      swarmView({ Swarm: { LocalNodeState: "inactive", ControlAvailable: false, NodeID: "" } }),
    ).toMatchObject({
      localNodeState: "inactive",
      controlAvailable: false,
    });
  });

  it("maps a task as the Engine API gives it (docs sample, API 1.26: Addresses as one string)", () => {
    const task = {
      ID: "0kzzo1i0y4jz6027t0k7aezc7",
      Version: { Index: 71 },
      CreatedAt: "2016-06-07T21:07:31.171892745Z",
      UpdatedAt: "2016-06-07T21:07:31.376370513Z",
      Spec: {
        ContainerSpec: { Image: "redis" },
        RestartPolicy: { Condition: "any", MaxAttempts: 0 },
        Placement: {},
      },
      ServiceID: "9mnpnzenvg8p8tdbtq4wvbkcz",
      Slot: 1,
      NodeID: "60gvrl6tm78dmak4yl7srz94v",
      Status: {
        Timestamp: "2016-06-07T21:07:31.290032978Z",
        State: "running",
        Message: "started",
        ContainerStatus: { ContainerID: "e5d62702a1b4", PID: 677 },
      },
      DesiredState: "running",
      NetworksAttachments: [
        { Network: { ID: "4qvu", Spec: { Name: "ingress" } }, Addresses: "10.255.0.10/16" },
      ],
    };
    expect(taskView(task)).toEqual({
      id: "0kzzo1i0y4jz6027t0k7aezc7",
      serviceId: "9mnpnzenvg8p8tdbtq4wvbkcz",
      slot: 1,
      nodeId: "60gvrl6tm78dmak4yl7srz94v",
      desiredState: "running",
      state: "running",
      message: "started",
      error: "",
      containerId: "e5d62702a1b4",
      exitCode: undefined,
      spec: task.Spec,
      addresses: { ingress: ["10.255.0.10"] },
      createdAt: task.CreatedAt,
      updatedAt: task.UpdatedAt,
    });
    // Newer engines: a list; a task without a container yet (pending) has none.
    const pending = {
      ID: "t2",
      Status: { State: "pending", Err: "no suitable node" },
      NetworksAttachments: [{ Network: { Spec: { Name: "front" } }, Addresses: ["10.0.2.5/24"] }],
    };
    expect(taskView(pending)).toMatchObject({
      containerId: undefined,
      error: "no suitable node",
      addresses: { front: ["10.0.2.5"] },
    });
  });

  it("maps a service: its spec's parts, the update state, and the whole inspect", () => {
    const json = {
      ID: "svc1",
      Version: { Index: 12 },
      Spec: {
        Name: "db",
        TaskTemplate: {
          ContainerSpec: {
            Image: "mariadb:11.4",
            Env: ["MARIADB_USER=tp07", "X=a=b"],
            Secrets: [{ File: { Name: "db-password" }, SecretID: "s1", SecretName: "db-password" }],
          },
          Networks: [{ Target: "backnet" }],
        },
        Mode: { Replicated: {} },
      },
      UpdateStatus: {
        State: "paused",
        Message: "update paused due to failure or early termination of task x",
      },
    };
    const view = serviceView(json);
    expect(view).toMatchObject({
      id: "svc1",
      name: "db",
      version: 12,
      image: "mariadb:11.4",
      replicas: 1,
      env: { MARIADB_USER: "tp07", X: "a=b" },
      secrets: [{ id: "s1", name: "db-password", target: "db-password" }],
      configs: [],
      networks: ["backnet"],
      endpointMode: "vip",
      update: { state: "paused", message: "update paused due to failure or early termination of task x" },
    });
    expect(JSON.parse(view.inspect)).toEqual(json);
    expect(serviceView({ ID: "g", Spec: { Name: "g", Mode: {} } }).replicas).toBeUndefined();
  });

  it("decodes a config's data", () => {
    const json = {
      ID: "c1",
      Spec: { Name: "web-conf", Labels: { a: "b" }, Data: Buffer.from("server { }\n").toString("base64") },
    };
    expect(configView(json)).toEqual({
      id: "c1",
      name: "web-conf",
      labels: { a: "b" },
      data: "server { }\n",
    });
  });
});
