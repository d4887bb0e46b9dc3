/** What the tp08 program exports, as checks see it once resolved: where to find and probe things. */
export interface Tp08Outputs extends Record<string, unknown> {
  /** The student's namespace: every object below lives in it. */
  namespace: string;
  /** The host name the Ingress routes to the app: `<student>.tp08.localhost`. */
  host: string;
  /** The IngressClass the Ingress asks for (the cluster's, or cloud-provider-kind's). */
  ingressClass: string;
  /** Names of the Deployment, the ClusterIP Service and the Ingress (the same: `tp08-<student>-web`). */
  deployment: string;
  service: string;
  ingress: string;
  /** Pods the Deployment keeps running. */
  replicas: number; // 2
  /** Port nginx listens on in each pod (what the NetworkPolicy opens). */
  containerPort: number; // 8080
  /** Port the Service answers on (what the Ingress targets). */
  servicePort: number; // 80
  /** The labels that select the app's pods (Deployment and Service selector, policy podSelector). */
  podLabels: Record<string, string>;
  /** The namespace's ResourceQuota and LimitRange. */
  quota: string;
  limitRange: string;
  /** NetworkPolicy names. */
  policies: { defaultDeny: string; allowIngress: string; allowDns: string };
}
