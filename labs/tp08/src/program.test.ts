import { type RecordedProgram, recordProgram, type TestEnvironment, testLabels } from "@labctl/testing";
import { labelProblem } from "./kubernetes-labels";
import { parseQuantity } from "./test-support/quantity";
import { CONTAINER_LIMITS, NAMESPACE_QUOTA, WEB_REPLICAS } from "./topology";

/** What a resolved EnvironmentSpec would give tp08's program for student alice on her kind cluster. */
const KUBERNETES = {
  kubeconfigPath: "/home/alice/.labctl/kind/tp08-alice.kubeconfig",
  context: "kind-tp08-alice",
};
const env = (kubernetes?: TestEnvironment["kubernetes"]) =>
  ({
    lab: "tp08",
    images: { web: "mirror.test/nginx-unprivileged:1.27-alpine" },
    ...(kubernetes && { kubernetes }),
  }) satisfies TestEnvironment;
const TEST_ENV = env(KUBERNETES);
const LABELS = testLabels(TEST_ENV);
const NAMESPACE = "tp08-alice-ns";
const NAMESPACED = ["quota", "limits", "web-deployment", "web-service", "web-ingress"];
const POLICIES = ["default-deny", "allow-ingress", "allow-dns"];
const PROVIDER_REF = /^urn:pulumi:alice::tp08::(\S+\$)?pulumi:providers:kubernetes::cluster::cluster-id$/;
let run: RecordedProgram;
let resource: RecordedProgram["resource"];
const k8sResources = () => [...run.resources.values()].filter((r) => r.type.startsWith("kubernetes:"));

beforeAll(async () => {
  run = await recordProgram(TEST_ENV, () => require("./program"));
  resource = run.resource;
});

describe("tp08 program", () => {
  it("declares one provider, the namespace with its quota and limits, the app and three policies", () => {
    const types = Object.fromEntries([...run.resources.values()].map((r) => [r.name, r.type]));
    expect(types).toEqual({
      cluster: "pulumi:providers:kubernetes",
      namespace: "kubernetes:core/v1:Namespace",
      quota: "kubernetes:core/v1:ResourceQuota",
      limits: "kubernetes:core/v1:LimitRange",
      "web-deployment": "kubernetes:apps/v1:Deployment",
      "web-service": "kubernetes:core/v1:Service",
      "web-ingress": "kubernetes:networking.k8s.io/v1:Ingress",
      "default-deny": "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "allow-ingress": "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      "allow-dns": "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    });
  });

  it("builds its provider from the context's cluster and gives it to every resource", () => {
    expect(resource("cluster").inputs).toMatchObject({
      kubeconfig: KUBERNETES.kubeconfigPath,
      context: KUBERNETES.context,
      deleteUnreachable: expect.stringMatching(/^true$/),
    });
    // Provider inputs travel as strings; a reference is `<provider's urn>::<its id>`.
    for (const r of k8sResources()) {
      expect([r.name, r.provider]).toEqual([r.name, expect.stringMatching(PROVIDER_REF)]);
    }
  });

  it("names the namespace through the context and puts every other object in it, labelled", () => {
    expect(resource("namespace").inputs.metadata).toEqual({ name: NAMESPACE, labels: LABELS });
    for (const name of [...NAMESPACED, ...POLICIES]) {
      const { metadata } = resource(name).inputs;
      expect(metadata.namespace).toBe(NAMESPACE);
      expect(metadata.labels).toMatchObject(LABELS);
    }
    expect(resource("quota").inputs.metadata.name).toBe("tp08-alice-quota");
    expect(resource("allow-dns").inputs.metadata.name).toBe("tp08-alice-allow-dns");
  });

  it("puts only valid Kubernetes labels on objects and pods", () => {
    const pods = resource("web-deployment").inputs.spec.template.metadata.labels;
    for (const labels of [...k8sResources().map((r) => r.inputs.metadata.labels), pods]) {
      for (const [key, value] of Object.entries(labels as Record<string, string>)) {
        expect([key, labelProblem(key, value)]).toEqual([key, undefined]);
      }
    }
  });

  it("caps the namespace with a quota on pods, services, cpu and memory", () => {
    expect(resource("quota").inputs.spec).toEqual({
      hard: {
        pods: "10",
        services: "4",
        "requests.cpu": "1",
        "requests.memory": "512Mi",
        "limits.cpu": "4",
        "limits.memory": "2Gi",
      },
    });
  });

  it("gives every container default requests and limits, under a ceiling", () => {
    expect(resource("limits").inputs.spec.limits).toEqual([
      {
        type: "Container",
        defaultRequest: { cpu: "50m", memory: "32Mi" },
        default: { cpu: "200m", memory: "128Mi" },
        max: { cpu: "500m", memory: "256Mi" },
      },
    ]);
  });

  it("leaves room in the quota for a full namespace of pods at the defaults, and web within the ceiling", () => {
    const pods = Number(NAMESPACE_QUOTA.pods);
    // The replicas, a rolling update's extra pod and at least a few probe pods for the checks.
    expect(pods).toBeGreaterThanOrEqual(WEB_REPLICAS + 1 + 3);
    for (const [kind, defaults] of [
      ["requests", CONTAINER_LIMITS.defaultRequest],
      ["limits", CONTAINER_LIMITS.default],
    ] as const) {
      for (const unit of ["cpu", "memory"] as const) {
        expect(pods * parseQuantity(defaults[unit])).toBeLessThanOrEqual(
          parseQuantity(NAMESPACE_QUOTA[`${kind}.${unit}`]),
        );
      }
    }
    const { resources } = resource("web-deployment").inputs.spec.template.spec.containers[0];
    for (const unit of ["cpu", "memory"] as const) {
      expect(parseQuantity(resources.requests[unit])).toBeLessThanOrEqual(
        parseQuantity(resources.limits[unit]),
      );
      expect(parseQuantity(resources.limits[unit])).toBeLessThanOrEqual(
        parseQuantity(CONTAINER_LIMITS.max[unit]),
      );
    }
  });

  it("runs web as 2 nginx pods labelled app=web, from the image map, probed on their named port", () => {
    const { metadata, spec } = resource("web-deployment").inputs;
    expect(metadata.name).toBe("tp08-alice-web");
    expect(spec.replicas).toBe(2);
    expect(spec.selector).toEqual({ matchLabels: { app: "web" } });
    expect(spec.template.metadata.labels).toEqual({ ...LABELS, app: "web" });
    const [container, ...others] = spec.template.spec.containers;
    expect(others).toEqual([]);
    expect(container).toMatchObject({
      name: "web",
      image: TEST_ENV.images.web,
      ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
      readinessProbe: { httpGet: { path: "/", port: "http" } },
      livenessProbe: { httpGet: { path: "/", port: "http" } },
      resources: { requests: { cpu: "50m", memory: "32Mi" }, limits: { cpu: "200m", memory: "64Mi" } },
    });
  });

  it("keeps WEB_REPLICAS pods serving during a rolling update", () => {
    expect(resource("web-deployment").inputs.spec.strategy).toEqual({
      type: "RollingUpdate",
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
  });

  it("runs nginx as a non-root user without privileges, on a read-only root with /tmp writable", () => {
    const pod = resource("web-deployment").inputs.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 101,
      runAsGroup: 101,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(pod.containers[0].securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ["ALL"] },
    });
    expect(pod.containers[0].volumeMounts).toEqual([{ name: "tmp", mountPath: "/tmp" }]);
    expect(pod.volumes).toEqual([{ name: "tmp", emptyDir: { sizeLimit: "16Mi" } }]);
  });

  it("starts the app only once its namespace is capped and fenced", () => {
    expect(resource("web-deployment").dependencies).toEqual(
      expect.arrayContaining(["namespace", "quota", "limits", ...POLICIES]),
    );
  });

  it("exposes web through a ClusterIP Service on port 80, to the pods' named port", () => {
    const { metadata, spec } = resource("web-service").inputs;
    expect(metadata.name).toBe("tp08-alice-web");
    expect(spec).toEqual({
      type: "ClusterIP",
      selector: { app: "web" },
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
    });
  });

  it("routes the student's host to the Service, with cloud-provider-kind's class by default", () => {
    const { metadata, spec } = resource("web-ingress").inputs;
    expect(metadata.name).toBe("tp08-alice-web");
    expect(spec).toEqual({
      ingressClassName: "cloud-provider-kind",
      rules: [
        {
          host: "alice.tp08.localhost",
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: "tp08-alice-web", port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    });
  });

  it("denies all ingress and egress to every pod of the namespace", () => {
    expect(resource("default-deny").inputs.spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("lets only the kind network (where cloud-provider-kind's Envoy runs) reach the app pods, on their port", () => {
    expect(resource("allow-ingress").inputs.spec).toEqual({
      podSelector: { matchLabels: { app: "web" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ ipBlock: { cidr: "172.16.0.0/12" } }, { ipBlock: { cidr: "192.168.0.0/16" } }],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
  });

  it("keeps pod and Service addresses out of the ingress sources, so other namespaces stay denied", () => {
    const sources = resource("allow-ingress").inputs.spec.ingress[0].from.map(
      (peer: { ipBlock: { cidr: string } }) => peer.ipBlock.cidr,
    );
    // kind's default pod and Service subnets.
    for (const address of ["10.244.0.5", "10.244.3.200", "10.96.0.10"]) {
      expect([address, sources.some((cidr: string) => inCidr(address, cidr))]).toEqual([address, false]);
    }
    expect(sources.some((cidr: string) => inCidr("172.18.0.4", cidr))).toBe(true);
  });

  it("lets every pod query the cluster DNS pods in kube-system, over UDP and TCP 53", () => {
    expect(resource("allow-dns").inputs.spec).toEqual({
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
  });

  it("exports what the checks use to find and probe the environment", () => {
    expect(run.outputs).toEqual({
      namespace: NAMESPACE,
      host: "alice.tp08.localhost",
      ingressClass: "cloud-provider-kind",
      deployment: "tp08-alice-web",
      service: "tp08-alice-web",
      ingress: "tp08-alice-web",
      replicas: 2,
      containerPort: 8080,
      servicePort: 80,
      podLabels: { app: "web" },
      quota: "tp08-alice-quota",
      limitRange: "tp08-alice-limits",
      policies: {
        defaultDeny: "tp08-alice-default-deny",
        allowIngress: "tp08-alice-allow-ingress",
        allowDns: "tp08-alice-allow-dns",
      },
    });
  });
});

describe("tp08 program on another cluster", () => {
  it("asks for the IngressClass the cluster serves", async () => {
    const { resource, outputs } = await recordProgram(env({ ...KUBERNETES, ingressClass: "traefik" }), () =>
      require("./program"),
    );
    expect(resource("web-ingress").inputs.spec.ingressClassName).toBe("traefik");
    expect(outputs.ingressClass).toBe("traefik");
  });

  it("refuses to run without a cluster, saying what is missing and what to do", async () => {
    const error = await recordProgram(env(), () => require("./program")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "LabctlError",
      code: "NO_CLUSTER",
      exitCode: 2,
      message: "Lab tp08 needs a Kubernetes cluster and was given none.",
      advice: expect.stringContaining("`kubeconfig`"),
    });
  });
});

/** Whether an IPv4 address lies in a CIDR block. */
function inCidr(address: string, cidr: string): boolean {
  const toInt = (ip: string) => ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
  const [base = "", bits = "32"] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(address) / size) === Math.floor(toInt(base) / size);
}
