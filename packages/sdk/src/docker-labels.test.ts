import { dockerLabels } from "./docker-labels";

describe("dockerLabels", () => {
  it("gives every label of the context as a { label, value } pair, in order", () => {
    const labels = { "dev.labctl.lab": "tp01", "dev.labctl.student": "alice", "dev.labctl.class": "default" };
    expect(dockerLabels({ labels })).toEqual([
      { label: "dev.labctl.lab", value: "tp01" },
      { label: "dev.labctl.student", value: "alice" },
      { label: "dev.labctl.class", value: "default" },
    ]);
  });

  it("gives none for an empty label set", () => {
    expect(dockerLabels({ labels: {} })).toEqual([]);
  });
});
