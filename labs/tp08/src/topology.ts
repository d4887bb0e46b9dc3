/** Fixed facts of the tp08 environment, shared by the program, the checks and the tests. */

/** How many pods the `web` Deployment keeps running. */
export const WEB_REPLICAS = 2;

/** Port nginx listens on inside the pod: nginx-unprivileged's, an unprivileged user cannot bind 80. */
export const CONTAINER_PORT = 8080;

/** The container port's name: the Service targets it by name, so the number lives in one place. */
export const CONTAINER_PORT_NAME = "http";

/** Port the ClusterIP Service (and so the Ingress backend) answers on. */
export const SERVICE_PORT = 80;

/** The label that ties the pods to their Deployment, Service and policies (as in the course). */
export const APP_LABELS = { app: "web" } as const;

/** The host name the Ingress routes to `web`: one per student, resolving to loopback. */
export const studentHost = (studentId: string): string => `${studentId}.tp08.localhost`;

/**
 * The IngressClass cloud-provider-kind (>= 0.9) creates and serves: its Ingress controller
 * (pkg/ingress/controller.go, `IngressClassName`) registers the class "cloud-provider-kind"
 * with the controller kind.sigs.k8s.io/ingress-controller. Used when the cluster names none.
 */
export const DEFAULT_INGRESS_CLASS = "cloud-provider-kind";

/**
 * Where the ingress controller's connections to the app come from, as a NetworkPolicy sees them.
 * cloud-provider-kind's proxy is not a pod: each Gateway (one per namespace with an Ingress) is an
 * Envoy container on the Docker network `kind`, beside the node containers, that connects to the
 * Service's ClusterIP through a node. kube-proxy DNATs it to a pod and, the source being outside
 * the pod CIDR, masquerades it as that node; kindnet's policy engine (kube-network-policies)
 * judges the packet in POSTROUTING before that SNAT, and again on the pod's node after it. Either
 * way the source is an address of the `kind` network (the Envoy's or a node's), never a pod: no
 * namespaceSelector/podSelector can match it, an ipBlock can. Docker draws that network's IPv4
 * subnet from its default address pools (172.17-31.x/16, then 192.168.x/20), which these cover;
 * pods (10.244.0.0/16) and Services (10.96.0.0/12) lie outside them, so other namespaces' pods stay denied.
 */
export const INGRESS_SOURCE_CIDRS = ["172.16.0.0/12", "192.168.0.0/16"] as const;

/** The cluster DNS pods every pod may query (kube-system's CoreDNS, labelled k8s-app=kube-dns). */
export const CLUSTER_DNS = {
  namespaceLabels: { "kubernetes.io/metadata.name": "kube-system" },
  podLabels: { "k8s-app": "kube-dns" },
  port: 53,
} as const;

/** Per-container defaults and ceiling the LimitRange sets (pods the checks start get the defaults). */
export const CONTAINER_LIMITS = {
  defaultRequest: { cpu: "50m", memory: "32Mi" },
  default: { cpu: "200m", memory: "128Mi" },
  max: { cpu: "500m", memory: "256Mi" },
} as const;

/** What `web`'s nginx asks for: well under the LimitRange's ceiling. */
export const WEB_RESOURCES = {
  requests: { cpu: "50m", memory: "32Mi" },
  limits: { cpu: "200m", memory: "64Mi" },
} as const;

/**
 * The namespace's ResourceQuota: room for the replicas, a rolling update's extra pod and the
 * probe pods the checks start (all at the LimitRange's defaults), with margin.
 */
export const NAMESPACE_QUOTA = {
  pods: "10",
  services: "4",
  "requests.cpu": "1",
  "requests.memory": "512Mi",
  "limits.cpu": "4",
  "limits.memory": "2Gi",
} as const;
