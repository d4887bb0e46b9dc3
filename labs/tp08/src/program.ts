import type { ProgramContext } from "@labctl/sdk";
import * as pulumi from "@pulumi/pulumi";
import { clusterProvider } from "./cluster-provider";
import { kubernetesLabels } from "./kubernetes-labels";
import { networkPolicies } from "./network-policies";
import type { Tp08Outputs } from "./outputs";
import { studentNamespace } from "./student-namespace";
import {
  APP_LABELS,
  CONTAINER_PORT,
  DEFAULT_INGRESS_CLASS,
  SERVICE_PORT,
  studentHost,
  WEB_REPLICAS,
} from "./topology";
import { webApp } from "./web-app";

type ProgramOutputs = { [K in keyof Tp08Outputs]: pulumi.Input<Tp08Outputs[K]> };

/**
 * A namespace per student on the cluster labctl chose (a kind cluster or a shared one): quota and
 * default limits, nginx behind a Service and an Ingress for `<student>.tp08.localhost`, and
 * NetworkPolicies that deny everything but the ingress controller to the app and DNS.
 */
export default function program(ctx: ProgramContext): ProgramOutputs {
  const provider = clusterProvider(ctx);
  const labels = kubernetesLabels(ctx.labels);
  const host = studentHost(ctx.student.id);
  const ingressClass = ctx.kubernetes?.ingressClass ?? DEFAULT_INGRESS_CLASS;

  const { namespace, quota, limits } = studentNamespace(ctx, labels, { provider });
  const policies = networkPolicies(ctx, namespace.metadata.name, labels, { provider });
  // The app starts once its namespace is capped and fenced: its pods never run unprotected.
  const web = webApp(
    ctx,
    { namespace: namespace.metadata.name, labels, host, ingressClass },
    { provider, dependsOn: [quota, limits, ...Object.values(policies)] },
  );

  const name = (resource: { metadata: pulumi.Output<{ name?: string }> }) =>
    resource.metadata.apply((m) => m.name ?? "");
  return {
    namespace: namespace.metadata.name,
    host,
    ingressClass,
    deployment: name(web.deployment),
    service: name(web.service),
    ingress: name(web.ingress),
    replicas: WEB_REPLICAS,
    containerPort: CONTAINER_PORT,
    servicePort: SERVICE_PORT,
    podLabels: { ...APP_LABELS },
    quota: name(quota),
    limitRange: name(limits),
    policies: pulumi.output({
      defaultDeny: name(policies.defaultDeny),
      allowIngress: name(policies.allowIngress),
      allowDns: name(policies.allowDns),
    }),
  };
}
