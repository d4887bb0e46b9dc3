import { serviceDrift } from "./service-drift";
import { serviceSpec } from "./service-spec";

const desired = serviceSpec(
  {
    labels: [{ label: "app", value: "web" }],
    taskSpec: { containerSpec: { image: "nginx", env: { A: "1" } }, networksAdvanceds: [{ id: "n1" }] },
    mode: { replicated: { replicas: 3 } },
    endpointSpec: { mode: "dnsrr" },
  },
  "web",
  { "dev.labctl.version": "1.0.0" },
);

/** What Docker shows for that spec: defaults added, empty lists left out. */
const live = () => ({
  Name: "web",
  Labels: { "dev.labctl.version": "0.9.0" },
  TaskTemplate: {
    ContainerSpec: { Image: "nginx", Env: ["A=1"], Labels: {}, Isolation: "default" },
    Networks: [{ Target: "n1" }],
    ForceUpdate: 0,
    Runtime: "container",
  },
  Mode: { Replicated: { Replicas: 3 } },
  EndpointSpec: { Mode: "dnsrr" },
});

describe("serviceDrift", () => {
  it("accepts Docker's defaults, missing empty lists and other label values", () => {
    expect(serviceDrift(desired, live())).toBeUndefined();
  });

  it("names a field changed behind labctl's back", () => {
    const scaled = live();
    scaled.Mode.Replicated.Replicas = 0;
    expect(serviceDrift(desired, scaled)).toBe("Spec.Mode.Replicated.Replicas is 0, not 3");
    const moved = live();
    moved.TaskTemplate.Networks = [];
    expect(serviceDrift(desired, moved)).toBe("Spec.TaskTemplate.Networks has 0 items, not 1");
    const env = live();
    env.TaskTemplate.ContainerSpec.Env = ["A=2"];
    expect(serviceDrift(desired, env)).toMatch(/^Spec\.TaskTemplate\.ContainerSpec\.Env\[0\]/);
  });
});
