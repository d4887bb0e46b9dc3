import type { Lab } from "@labctl/sdk";
import type { EnvironmentSpec } from "../engine/types";
import { programContext } from "./program-context";

const spec = (swarm?: EnvironmentSpec["swarm"]): EnvironmentSpec => ({
  lab: { id: "tp99" } as Lab,
  student: { id: "alice", name: "Alice" },
  classId: "default",
  images: {},
  ports: {},
  bindAddress: "127.0.0.1",
  secrets: {},
  labels: {},
  ...(swarm && { swarm }),
});

describe("programContext", () => {
  it("gives the program the publishing mode the spec carries (swarm labs)", () => {
    expect(programContext(spec({ mode: "host" })).swarm).toEqual({ mode: "host" });
    expect(programContext(spec()).swarm).toBeUndefined();
  });

  it("gives the program the cluster the spec carries (kubernetes labs)", () => {
    const kubernetes = { kubeconfigPath: "/home/x/.labctl/kind/tp08-alice.kubeconfig", context: "kind-tp08" };
    expect(programContext({ ...spec(), kubernetes }).kubernetes).toEqual(kubernetes);
    expect(programContext(spec()).kubernetes).toBeUndefined();
  });
});
