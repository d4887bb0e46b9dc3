import { type RecordedProgram, type RecordedResource, recordProgram } from "@labctl/testing";
import { manifestOf, validateManifest } from "./test-support/manifest-schema";

/** tp08's program for alice on her kind cluster, as the API server would receive each object. */
const TEST_ENV = {
  lab: "tp08",
  images: { web: "mirror.test/nginx-unprivileged:1.27-alpine" },
  kubernetes: { kubeconfigPath: "/home/alice/.labctl/kind/tp08-alice.kubeconfig" },
};
let run: RecordedProgram;
let resource: RecordedProgram["resource"];
const k8sResources = () => [...run.resources.values()].filter((r) => r.type.startsWith("kubernetes:"));

beforeAll(async () => {
  run = await recordProgram(TEST_ENV, () => require("./program"));
  resource = run.resource;
});

describe("tp08 manifests' schema validation", () => {
  it("renders every object as a manifest the Kubernetes schemas accept", () => {
    const kinds = k8sResources().map((r) => {
      const manifest = manifestOf(r);
      expect(() => validateManifest(manifest)).not.toThrow();
      return `${manifest.apiVersion}/${manifest.kind}`;
    });
    expect(kinds.sort()).toEqual([
      "apps/v1/Deployment",
      "networking.k8s.io/v1/Ingress",
      "networking.k8s.io/v1/NetworkPolicy",
      "networking.k8s.io/v1/NetworkPolicy",
      "networking.k8s.io/v1/NetworkPolicy",
      "v1/LimitRange",
      "v1/Namespace",
      "v1/ResourceQuota",
      "v1/Service",
    ]);
  });

  // Broken copies of recorded inputs (untyped engine JSON), validated as the real ones are.
  const broken = (name: string, breakIt: (inputs: RecordedResource["inputs"]) => void) => {
    const inputs = structuredClone(resource(name).inputs);
    breakIt(inputs);
    return manifestOf({ ...resource(name), inputs });
  };

  it("catches a port given as a string where the schema wants an integer", () => {
    const manifest = broken("web-deployment", (inputs) => {
      inputs.spec.template.spec.containers[0].ports[0].containerPort = "8080";
    });
    expect(() => validateManifest(manifest)).toThrow(
      /containers\/0\/ports\/0\/containerPort must be integer/,
    );
  });

  it("catches a policy type the API does not know", () => {
    const manifest = broken("default-deny", (inputs) => {
      inputs.spec.policyTypes = ["Ingres"];
    });
    expect(() => validateManifest(manifest)).toThrow(
      /policyTypes\/0 must be equal to one of the allowed values/,
    );
  });
});
