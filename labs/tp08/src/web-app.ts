import type { ProgramContext } from "@labctl/sdk";
import * as k8s from "@pulumi/kubernetes";
import type * as pulumi from "@pulumi/pulumi";
import {
  APP_LABELS,
  CONTAINER_PORT,
  CONTAINER_PORT_NAME,
  SERVICE_PORT,
  WEB_REPLICAS,
  WEB_RESOURCES,
} from "./topology";

export interface WebApp {
  deployment: k8s.apps.v1.Deployment;
  service: k8s.core.v1.Service;
  ingress: k8s.networking.v1.Ingress;
}

export interface WebAppArgs {
  namespace: pulumi.Input<string>;
  labels: Record<string, string>;
  host: string;
  ingressClass: string;
}

/**
 * The course's Deployment, Service and Ingress: nginx in WEB_REPLICAS pods labelled app=web, a
 * ClusterIP Service selecting them, and an Ingress routing the student's host name to it.
 *
 * The image is nginx-unprivileged (nginx as uid 101 on 8080, temporary files under /tmp): the pod
 * can then meet the "restricted" Pod Security Standard (non-root, no privilege escalation, no
 * capabilities, the runtime's seccomp profile) with a read-only root filesystem, /tmp an emptyDir.
 * Plain nginx starts as root to bind 80 and chown its cache, which all of that forbids.
 */
export function webApp(ctx: ProgramContext, args: WebAppArgs, opts: pulumi.CustomResourceOptions): WebApp {
  const name = ctx.name("web");
  const metadata = { name, namespace: args.namespace, labels: { ...args.labels, ...APP_LABELS } };
  const probe = (periodSeconds: number) => ({
    httpGet: { path: "/", port: CONTAINER_PORT_NAME },
    periodSeconds,
    timeoutSeconds: 2,
  });

  const deployment = new k8s.apps.v1.Deployment(
    "web-deployment",
    {
      metadata,
      spec: {
        replicas: WEB_REPLICAS,
        selector: { matchLabels: { ...APP_LABELS } },
        // One new pod up before an old one goes: the Service never drops below WEB_REPLICAS.
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
        template: {
          metadata: { labels: { ...args.labels, ...APP_LABELS } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 101,
              runAsGroup: 101,
              seccompProfile: { type: "RuntimeDefault" },
            },
            containers: [
              {
                name: "web",
                image: ctx.image("web"),
                ports: [{ name: CONTAINER_PORT_NAME, containerPort: CONTAINER_PORT, protocol: "TCP" }],
                readinessProbe: { ...probe(5), failureThreshold: 2 },
                livenessProbe: { ...probe(10), initialDelaySeconds: 5, failureThreshold: 3 },
                resources: { requests: { ...WEB_RESOURCES.requests }, limits: { ...WEB_RESOURCES.limits } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ["ALL"] },
                },
                volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
              },
            ],
            volumes: [{ name: "tmp", emptyDir: { sizeLimit: "16Mi" } }],
          },
        },
      },
    },
    opts,
  );

  const service = new k8s.core.v1.Service(
    "web-service",
    {
      metadata,
      spec: {
        type: "ClusterIP",
        selector: { ...APP_LABELS },
        ports: [{ name: "http", port: SERVICE_PORT, targetPort: CONTAINER_PORT_NAME, protocol: "TCP" }],
      },
    },
    opts,
  );

  const ingress = new k8s.networking.v1.Ingress(
    "web-ingress",
    {
      metadata,
      spec: {
        ingressClassName: args.ingressClass,
        rules: [
          {
            host: args.host,
            http: {
              paths: [
                {
                  path: "/",
                  pathType: "Prefix",
                  backend: { service: { name: service.metadata.name, port: { number: SERVICE_PORT } } },
                },
              ],
            },
          },
        ],
      },
    },
    opts,
  );
  return { deployment, service, ingress };
}
